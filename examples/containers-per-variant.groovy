// Which containers use which variant (the in-use marker of `mimg ls --tree`, with names).
// Run: ./mimg run examples/containers-per-variant.groovy
def names = images().store().containerNames()
images().inUse().list().each { image ->
  def name = image.tags() ? image.tags()[0].familiarString() : image.shortId()
  image.present().findAll { it.inUse() }.each { variant ->
    out.println "$name  ${variant.platform()}  ${variant.shortId()}: ${variant.containers().collect { names[it] ?: it.take(12) }.sort().join(', ')}"
  }
}
