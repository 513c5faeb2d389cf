// Policy: keep the last 3 tags of every repository (newest by image creation time; among equal times, the later
// tag name), as registry retention rules phrase it. Images a container uses are kept, and the plan says so.
// Run: ./mimg run examples/keep-last-3-tags.groovy [--dry-run]
enforce images().beyondLast(3)
