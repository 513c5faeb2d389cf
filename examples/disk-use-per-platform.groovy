// Disk use per platform: content + unpacked size of every present variant, each variant counted once
// even when several images share it. Run: ./mimg run examples/disk-use-per-platform.groovy
images().list()*.present().flatten().unique { it.digest() }
    .groupBy { it.platform().toString() }
    .sort()
    .each { platform, variants ->
      out.println "$platform  ${HumanSize.format(variants.sum { it.diskUsage() } as long)}  (${variants.size()} variants)"
    }
