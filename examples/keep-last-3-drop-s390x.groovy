// Policy for a registry: keep the last 3 tags of every repository whole, drop linux/s390x from the older ones
// (each of their indexes is pushed anew without it; the plan names the new digests and what the registry's
// garbage collection frees afterwards). Tags and the other platforms stay.
// Run: ./mimg --store registry:HOST[/PREFIX] run examples/keep-last-3-drop-s390x.groovy [--dry-run]
enforce images().beyondLast(3).platform("linux/s390x")
