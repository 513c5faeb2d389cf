//DEPS dev.mimg:mimg:0.1.0-SNAPSHOT

// The JShell form of examples/shallow.java: run `jbang examples/shallow.jsh`, or open it with `jbang -i` and
// keep querying: images().platform("linux/arm64").list(), images().missing().count(), ...

import static dev.mimg.query.Mimg.images;

images().shallow().list().forEach(image -> System.out.println(
    (image.tags().isEmpty() ? image.shortId() : image.tags().get(0).familiarString())
    + "  " + image.present().size() + "/" + image.total()));

/exit
