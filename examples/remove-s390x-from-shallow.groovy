// Policy: drop linux/s390x from every shallow image (pulled for a few platforms only); tags and indexes stay,
// so `mimg pull --platform linux/s390x` can bring it back from the stored index.
// Run: ./mimg run examples/remove-s390x-from-shallow.groovy [--dry-run]
enforce images().shallow().platform("linux/s390x")
