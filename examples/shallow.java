///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.mimg:mimg:0.1.0-SNAPSHOT

// Which images were pulled shallow, and which of their platforms are missing.
// Run: jbang examples/shallow.java   (the library from `mvn -f lib/pom.xml install`; the engine as docker finds it)

import static dev.mimg.query.Mimg.images;

import java.util.stream.Collectors;

class shallow {
  public static void main(String[] args) {
    for (var image : images().shallow().list()) {
      String missing = image.platformVariants().stream().filter(v -> !v.available())
          .map(v -> v.platform().toString()).collect(Collectors.joining(", "));
      String name = image.tags().isEmpty() ? image.shortId() : image.tags().get(0).familiarString();
      System.out.println(name + "  " + image.present().size() + "/" + image.total() + "  missing: " + missing);
    }
  }
}
