// Images that cannot run here: the host's platform is not among their present variants.
// Run: ./mimg run examples/missing-host-platform.groovy
def host = Platform.host()
images().where { !it.has(host) }.list().each { image ->
  def name = image.tags() ? image.tags()[0].familiarString() : image.shortId()
  out.println "$name  has ${image.platforms().join(', ')}  (host: $host)"
}
