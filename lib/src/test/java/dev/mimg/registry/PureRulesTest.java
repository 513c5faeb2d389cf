package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules with no network: plain HTTP only for loopback or listed registries, proxies, challenges, retries. */
class PureRulesTest {

  @Test
  void loopbackRegistriesMayUsePlainHttp() {
    InsecureRegistries rules = InsecureRegistries.of(List.of(), Map.of());
    assertThat(rules.allowsPlainHttp("127.0.0.1:5000")).isTrue();
    assertThat(rules.allowsPlainHttp("127.8.9.10")).isTrue();
    assertThat(rules.allowsPlainHttp("localhost:5000")).isTrue();
    assertThat(rules.allowsPlainHttp("[::1]:5000")).isTrue();
    assertThat(rules.allowsPlainHttp("docker.io")).isFalse();
    assertThat(rules.allowsPlainHttp("10.0.0.1:5000")).isFalse();
    assertThat(rules.allowsPlainHttp("127.example.com")).isFalse();
  }

  @Test
  void listedRegistriesMayUsePlainHttp() {
    InsecureRegistries rules = InsecureRegistries.of(List.of("reg.lan:5000"),
        Map.of(InsecureRegistries.ENV, " other.lan , 10.1.2.3:80"));
    assertThat(rules.allowsPlainHttp("reg.lan:5000")).isTrue();
    assertThat(rules.allowsPlainHttp("reg.lan:6000")).isFalse();
    assertThat(rules.allowsPlainHttp("other.lan:1234")).isTrue();
    assertThat(rules.allowsPlainHttp("10.1.2.3:80")).isTrue();
    assertThat(rules.allowsPlainHttp("reg.example.com")).isFalse();
  }

  @Test
  void dockerHubIsServedByRegistryOne() {
    assertThat(RegistryHost.apiRoot("docker.io", false)).hasToString("https://registry-1.docker.io/v2/");
    assertThat(RegistryHost.apiRoot("127.0.0.1:5000", true)).hasToString("http://127.0.0.1:5000/v2/");
  }

  @Test
  void proxiesComeFromTheEnvironmentPerScheme() {
    EnvironmentProxySelector selector = new EnvironmentProxySelector(Map.of(
        "HTTPS_PROXY", "http://user:pw@proxy.lan:3128", "http_proxy", "plain.lan:8080"));
    assertThat(selector.select(URI.create("https://registry-1.docker.io/v2/"))).containsExactly(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.lan", 3128)));
    assertThat(selector.select(URI.create("http://reg.lan:5000/v2/"))).containsExactly(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain.lan", 8080)));
    assertThat(selector.select(URI.create("http://127.0.0.1:5000/v2/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(new EnvironmentProxySelector(Map.of()).select(URI.create("https://x.example/"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void noProxyMatchesDomainsSubdomainsAddressesAndPorts() {
    NoProxy noProxy = new NoProxy("example.com, .internal, 10.0.0.0/8, 192.168.1.5, reg.lan:5000, [::2]");
    assertThat(noProxy.excludes("example.com", 443)).isTrue();
    assertThat(noProxy.excludes("sub.example.com", 443)).isTrue();
    assertThat(noProxy.excludes("notexample.com", 443)).isFalse();
    assertThat(noProxy.excludes("internal", 443)).isFalse();
    assertThat(noProxy.excludes("a.internal", 443)).isTrue();
    assertThat(noProxy.excludes("10.20.30.40", 443)).isTrue();
    assertThat(noProxy.excludes("11.0.0.1", 443)).isFalse();
    assertThat(noProxy.excludes("192.168.1.5", 80)).isTrue();
    assertThat(noProxy.excludes("reg.lan", 5000)).isTrue();
    assertThat(noProxy.excludes("reg.lan", 443)).isFalse();
    assertThat(noProxy.excludes("::2", 443)).isTrue();
    assertThat(new NoProxy("*").excludes("anything", 1)).isTrue();
  }

  @Test
  void noProxyFromTheEnvironmentBypassesTheProxy() {
    EnvironmentProxySelector selector = new EnvironmentProxySelector(Map.of(
        "https_proxy", "proxy.lan:3128", "no_proxy", "corp.example"));
    assertThat(selector.select(URI.create("https://reg.corp.example/v2/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://ghcr.io/v2/"))).doesNotContain(Proxy.NO_PROXY);
  }

  @Test
  void aSocksProxyIsRefusedInOneLine() {
    assertThatThrownBy(() -> new EnvironmentProxySelector(Map.of("HTTPS_PROXY", "socks5://p:1080")))
        .isInstanceOf(RegistryException.class).hasMessage("HTTPS_PROXY must be an http:// proxy URL (host:port), not socks5://...");
  }

  @Test
  void challengesAreParsed() {
    List<AuthChallenge> challenges = AuthChallenge.parse(List.of(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\"",
        "Basic realm=\"mimg-bed\", charset=UTF-8"));
    assertThat(challenges).hasSize(2);
    assertThat(challenges.get(0).isBearer()).isTrue();
    assertThat(challenges.get(0).parameter("realm")).contains("https://auth.docker.io/token");
    assertThat(challenges.get(0).parameter("scope")).contains("repository:library/alpine:pull");
    assertThat(challenges.get(1).isBasic()).isTrue();
    assertThat(challenges.get(1).parameter("charset")).contains("UTF-8");
    assertThat(AuthChallenge.parse(List.of("Basic realm=\"a\", Bearer realm=\"b\""))).extracting(AuthChallenge::scheme)
        .containsExactly("basic", "bearer");
  }

  @Test
  void backoffDoublesWithinTheBoundAndRetryAfterIsTakenAsAsked() {
    RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5));
    assertThat(policy.delayAfter(1, Optional.empty())).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayAfter(3, Optional.empty())).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.delayAfter(10, Optional.empty())).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayAfter(1, Optional.of("2"))).isEqualTo(Duration.ofSeconds(2));
    // beyond the bound the transport gives up instead of waiting (RegistryTimeoutsTest)
    assertThat(policy.delayAfter(1, Optional.of("3600"))).isEqualTo(Duration.ofSeconds(3600));
    assertThat(policy.delayAfter(1, Optional.of("99999999999999999999"))).isEqualTo(Duration.ofSeconds(1_000_000_000));
    assertThat(policy.delayAfter(1, Optional.of("soon"))).isEqualTo(Duration.ofMillis(100));
    assertThat(RetryPolicy.retryable(429)).isTrue();
    assertThat(RetryPolicy.retryable(503)).isTrue();
    assertThat(RetryPolicy.retryable(404)).isFalse();
    assertThat(RetryPolicy.retryable(501)).isFalse();
  }
}
