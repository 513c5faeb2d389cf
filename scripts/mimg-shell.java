///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// Keep these //DEPS equal to the compile-scope dependencies of lib/pom.xml, optional ones included
// (DepsMatchPomTest checks it).
//DEPS com.github.docker-java:docker-java-transport-zerodep:3.7.1
//DEPS com.fasterxml.jackson.core:jackson-databind:2.21.3
//DEPS org.slf4j:slf4j-nop:1.7.36
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.groovy:groovy:5.0.8
//DEPS org.jline:jline:3.30.6
//SOURCES ../lib/src/main/java/dev/mimg/cli/*.java ../lib/src/main/java/dev/mimg/model/*.java
//SOURCES ../lib/src/main/java/dev/mimg/query/*.java ../lib/src/main/java/dev/mimg/render/*.java
//SOURCES ../lib/src/main/java/dev/mimg/store/**.java ../lib/src/main/java/dev/mimg/view/*.java
//SOURCES ../lib/src/main/java/dev/mimg/shell/*.java
//JAVAC_OPTIONS -XDstringConcat=inline

/** JBang entry for the Groovy shell and script runner: no logic here, it lives in lib/ (dev.mimg.shell). */
class mimg_shell {
  public static void main(String[] args) throws Exception {
    dev.mimg.shell.ShellMain.main(args);
  }
}
