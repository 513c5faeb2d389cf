///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// Keep these //DEPS equal to the compile-scope dependencies of lib/pom.xml (DepsMatchPomTest checks it).
//DEPS com.github.docker-java:docker-java-transport-zerodep:3.7.1
//DEPS com.fasterxml.jackson.core:jackson-core:2.21.3
//DEPS org.slf4j:slf4j-nop:1.7.36
// Every package but dev.mimg.shell: Groovy stays off the CLI's class path (the shell is scripts/mimg-shell.java).
//SOURCES ../lib/src/main/java/dev/mimg/cli/*.java ../lib/src/main/java/dev/mimg/model/*.java
//SOURCES ../lib/src/main/java/dev/mimg/query/*.java ../lib/src/main/java/dev/mimg/render/*.java
//SOURCES ../lib/src/main/java/dev/mimg/store/**.java ../lib/src/main/java/dev/mimg/view/*.java
//SOURCES ../lib/src/main/java/dev/mimg/registry/*.java ../lib/src/main/java/dev/mimg/frontend/*.java
//JAVA_OPTIONS -XX:TieredStopAtLevel=1
//JAVAC_OPTIONS -XDstringConcat=inline -encoding UTF-8

/** JBang entry for mimg: no logic here, the CLI lives in lib/. */
class mimg {
  public static void main(String[] args) {
    dev.mimg.cli.Main.main(args);
  }
}
