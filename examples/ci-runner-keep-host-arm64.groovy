// Policy for a CI runner: keep only the host's platform and linux/arm64 (for cross-builds); every other
// platform variant goes, unless a container uses it.
// Run: ./mimg run examples/ci-runner-keep-host-arm64.groovy [--dry-run]
enforce images().notPlatform(Platform.host().toString(), "linux/arm64")
