///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// Keep these //DEPS equal to the compile-scope dependencies of lib/pom.xml, optional ones included
// (DepsMatchPomTest checks it).
//DEPS com.github.docker-java:docker-java-transport-zerodep:3.7.1
//DEPS com.fasterxml.jackson.core:jackson-core:2.21.3
//DEPS org.slf4j:slf4j-nop:1.7.36
//DEPS org.apache.groovy:groovy:5.0.8
//DEPS org.jline:jline:3.30.6
//SOURCES ../lib/src/main/java/dev/mimg/cli/*.java ../lib/src/main/java/dev/mimg/model/*.java
//SOURCES ../lib/src/main/java/dev/mimg/query/*.java ../lib/src/main/java/dev/mimg/render/*.java
//SOURCES ../lib/src/main/java/dev/mimg/store/**.java ../lib/src/main/java/dev/mimg/view/*.java
//SOURCES ../lib/src/main/java/dev/mimg/registry/*.java ../lib/src/main/java/dev/mimg/frontend/*.java
//SOURCES ../lib/src/main/java/dev/mimg/shell/*.java
//FILES META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule=../lib/src/main/resources/META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule
// The Groovy examples travel in the jar, so the catalog's example aliases run them from anywhere.
//FILES examples/ci-runner-keep-host-arm64.groovy=../examples/ci-runner-keep-host-arm64.groovy
//FILES examples/containers-per-variant.groovy=../examples/containers-per-variant.groovy
//FILES examples/disk-use-per-platform.groovy=../examples/disk-use-per-platform.groovy
//FILES examples/keep-last-3-drop-s390x.groovy=../examples/keep-last-3-drop-s390x.groovy
//FILES examples/keep-last-3-tags.groovy=../examples/keep-last-3-tags.groovy
//FILES examples/missing-host-platform.groovy=../examples/missing-host-platform.groovy
//FILES examples/remove-s390x-from-shallow.groovy=../examples/remove-s390x-from-shallow.groovy
//JAVAC_OPTIONS -XDstringConcat=inline -encoding UTF-8

/** JBang entry for the Groovy shell and script runner: no logic here, it lives in lib/ (dev.mimg.shell). */
class mimg_shell {
  public static void main(String[] args) throws Exception {
    dev.mimg.shell.ShellMain.main(args);
  }
}
