package dev.mimg.registry;

import java.net.URI;

/** Where a registry domain's API lives: Docker Hub's {@code docker.io} is served by {@code registry-1.docker.io}. */
final class RegistryHost {

  private static final String DOCKER_HUB_API = "registry-1.docker.io";

  private RegistryHost() {
  }

  /** The host[:port] that serves {@code domain}'s API. */
  static String apiAuthority(String domain) {
    return domain.equals("docker.io") ? DOCKER_HUB_API : domain;
  }

  /** The API root, e.g. {@code https://registry-1.docker.io/v2/} or {@code http://127.0.0.1:5000/v2/}. */
  static URI apiRoot(String domain, boolean plainHttp) {
    return URI.create((plainHttp ? "http" : "https") + "://" + apiAuthority(domain) + "/v2/");
  }
}
