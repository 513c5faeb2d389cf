package dev.mimg.store.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of the engine endpoint as the docker CLI does it, against a temporary DOCKER_CONFIG directory. */
class EngineEndpointTest {

  @TempDir
  Path config;

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes contexts/meta/<sha256(name)>/meta.json the way `docker context create` does. */
  private Path context(String name, String host, boolean skipTlsVerify) throws Exception {
    Path dir = config.resolve("contexts").resolve("meta").resolve(sha256(name));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
        + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":" + skipTlsVerify + "}}}");
    return dir.resolve("meta.json");
  }

  private Path contextTls(String name) throws Exception {
    Path dir = config.resolve("contexts").resolve("tls").resolve(sha256(name)).resolve("docker");
    Files.createDirectories(dir);
    return dir;
  }

  private void currentContext(String name) throws IOException {
    Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
  }

  private EngineEndpoint resolve(String flag, Map<String, String> env) {
    return EngineEndpoint.resolve(flag, env, config);
  }

  @Test
  void hostFlagBeatsEverything() throws Exception {
    context("ctx", "unix:///ctx.sock", false);
    context("current", "unix:///current.sock", false);
    currentContext("current");
    EngineEndpoint endpoint = resolve("unix:///flag.sock",
        Map.of("DOCKER_HOST", "unix:///env.sock", "DOCKER_CONTEXT", "ctx"));
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("unix:///flag.sock"), null, false,
        "-H unix:///flag.sock", true));
  }

  @Test
  void dockerHostBeatsContexts() throws Exception {
    context("ctx", "unix:///ctx.sock", false);
    currentContext("ctx");
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_HOST", "unix:///env.sock", "DOCKER_CONTEXT", "ctx"));
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("unix:///env.sock"), null, false,
        "DOCKER_HOST=unix:///env.sock", true));
  }

  @Test
  void blankFlagAndBlankDockerHostAreIgnored() {
    EngineEndpoint endpoint = resolve(" ", Map.of("DOCKER_HOST", ""));
    assertThat(endpoint.host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    assertThat(endpoint.named()).isFalse();
  }

  @Test
  void dockerContextBeatsTheCurrentContext() throws Exception {
    context("ctx", "unix:///ctx.sock", false);
    context("current", "unix:///current.sock", false);
    currentContext("current");
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "ctx"));
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("unix:///ctx.sock"), null, false,
        "DOCKER_CONTEXT=ctx", true));
  }

  @Test
  void dockerContextDefaultMeansTheDefaultSocketEvenWithACurrentContext() throws Exception {
    context("current", "unix:///current.sock", false);
    currentContext("current");
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "default"));
    assertThat(endpoint.host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(endpoint.named()).isFalse();
  }

  @Test
  void currentContextOfConfigJsonBeatsTheDefaultSocket() throws Exception {
    context("current", "unix:///current.sock", false);
    currentContext("current");
    EngineEndpoint endpoint = resolve(null, Map.of());
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("unix:///current.sock"), null, false,
        "context \"current\" of " + config.resolve("config.json"), true));
  }

  @Test
  void defaultSocketWhenNothingIsConfigured() {
    EngineEndpoint endpoint = resolve(null, Map.of());
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), null, false,
        "the default socket /var/run/docker.sock", false));
    assertThat(endpoint.usesTls()).isFalse();
  }

  @Test
  void currentContextDefaultOrAbsentMeansTheDefaultSocket() throws Exception {
    Files.writeString(config.resolve("config.json"), "{\"auths\":{}}");
    assertThat(resolve(null, Map.of()).named()).isFalse();
    currentContext("default");
    assertThat(resolve(null, Map.of()).host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    assertThat(resolve(null, Map.of()).named()).isFalse();
  }

  @Test
  void namedIsTrueForAnExplicitDefaultSocket() {
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"));
    assertThat(endpoint.host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    assertThat(endpoint.named()).isTrue();
  }

  @Test
  void hostWithoutSchemeIsTcpAndHttpBecomesTcp() {
    assertThat(resolve("10.0.0.5:2375", Map.of()).host()).isEqualTo(URI.create("tcp://10.0.0.5:2375"));
    assertThat(resolve("http://10.0.0.5:2375", Map.of()).host()).isEqualTo(URI.create("tcp://10.0.0.5:2375"));
  }

  @Test
  void tlsVerifyUsesTheConfigDirWhenNoCertPath() {
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_HOST", "tcp://engine:2376", "DOCKER_TLS_VERIFY", "1"));
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("tcp://engine:2376"), config, true,
        "DOCKER_HOST=tcp://engine:2376", true));
    assertThat(endpoint.usesTls()).isTrue();
  }

  @Test
  void certPathAloneGivesTlsWithoutVerification() {
    EngineEndpoint endpoint = resolve("tcp://engine:2376", Map.of("DOCKER_CERT_PATH", "/certs"));
    assertThat(endpoint.tlsDir()).isEqualTo(Path.of("/certs"));
    assertThat(endpoint.tlsVerify()).isFalse();
    assertThat(endpoint.usesTls()).isTrue();
  }

  @Test
  void certPathWithVerify() {
    EngineEndpoint endpoint = resolve("tcp://engine:2376",
        Map.of("DOCKER_CERT_PATH", "/certs", "DOCKER_TLS_VERIFY", "true"));
    assertThat(endpoint.tlsDir()).isEqualTo(Path.of("/certs"));
    assertThat(endpoint.tlsVerify()).isTrue();
  }

  @Test
  void tlsVerifyZeroOrFalseIsOff() {
    assertThat(resolve("tcp://engine:2375", Map.of("DOCKER_TLS_VERIFY", "0")).usesTls()).isFalse();
    assertThat(resolve("tcp://engine:2375", Map.of("DOCKER_TLS_VERIFY", "FALSE")).usesTls()).isFalse();
    assertThat(resolve("tcp://engine:2375", Map.of("DOCKER_TLS_VERIFY", "")).usesTls()).isFalse();
  }

  @Test
  void unixSocketNeverUsesTls() {
    EngineEndpoint endpoint = resolve("unix:///s.sock", Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/c"));
    assertThat(endpoint.tlsDir()).isNull();
    assertThat(endpoint.usesTls()).isFalse();
    assertThat(endpoint.tlsVerify()).isTrue();
  }

  @Test
  void tcpContextWithTlsDirVerifies() throws Exception {
    context("remote", "tcp://10.1.2.3:2376", false);
    Path tls = contextTls("remote");
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "remote"));
    assertThat(endpoint).isEqualTo(new EngineEndpoint(URI.create("tcp://10.1.2.3:2376"), tls, true,
        "DOCKER_CONTEXT=remote", true));
  }

  @Test
  void tcpContextWithSkipTlsVerify() throws Exception {
    context("remote", "tcp://10.1.2.3:2376", true);
    Path tls = contextTls("remote");
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "remote"));
    assertThat(endpoint.tlsDir()).isEqualTo(tls);
    assertThat(endpoint.tlsVerify()).isFalse();
  }

  @Test
  void tcpContextWithoutTlsDirIsPlain() throws Exception {
    context("plain", "tcp://10.1.2.3:2375", false);
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "plain"));
    assertThat(endpoint.tlsDir()).isNull();
    assertThat(endpoint.tlsVerify()).isFalse();
  }

  @Test
  void sshHostIsReachedOverSshWithoutTls() {
    EngineEndpoint endpoint = resolve("ssh://me@build-box:2222", Map.of("DOCKER_TLS_VERIFY", "1"));
    assertThat(endpoint.usesSsh()).isTrue();
    assertThat(endpoint.usesTls()).isFalse();
    assertThat(endpoint.host().getUserInfo()).isEqualTo("me");
    assertThat(endpoint.host().getPort()).isEqualTo(2222);
    assertThatThrownBy(() -> resolve("ssh:///no-host", Map.of())).isInstanceOf(StoreException.class)
        .hasMessageContaining("expected ssh://[user@]host[:port]");
  }

  @Test
  void allContextsAreListedByNameWithDefaultWhenItHasAnEngine() throws Exception {
    context("zeta", "unix:///z.sock", false);
    context("alpha", "ssh://me@build-box", false);
    Path noSocket = config.resolve("no.sock");
    assertThat(DockerContexts.names(Map.of(), config, noSocket)).containsExactly("alpha", "zeta");
    assertThat(DockerContexts.names(Map.of("DOCKER_HOST", "tcp://h:2375"), config, noSocket))
        .containsExactly("alpha", "default", "zeta");
    assertThat(DockerContexts.endpoint("zeta", Map.of(), config).host()).hasToString("unix:///z.sock");
    assertThat(DockerContexts.endpoint("default", Map.of(), config).host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    assertThatThrownBy(() -> DockerContexts.endpoint("nope", Map.of(), config)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("docker context \"nope\" (--context nope) not found");
  }

  @Test
  void sshRunsDialStdioInBatchModeWithUserPortAndConnectTimeout() {
    java.net.URI host = java.net.URI.create("ssh://me@build-box:2222");
    assertThat(SshConnection.command(host, dev.mimg.model.Timeouts.DEFAULT, Map.of())).containsExactly("ssh", "-o",
        "BatchMode=yes", "-T", "-o", "ConnectTimeout=10", "-l", "me", "-p", "2222", "--", "build-box", "docker",
        "system", "dial-stdio");
    assertThat(SshConnection.command(java.net.URI.create("ssh://box"), dev.mimg.model.Timeouts.DEFAULT,
        Map.of(SshConnection.COMMAND_ENV, "ssh -F /etc/bed.conf"))).startsWith("ssh", "-F", "/etc/bed.conf", "-o")
        .endsWith("--", "box", "docker", "system", "dial-stdio");
  }

  @Test
  void sshFailuresAreOneLineEach() {
    java.net.URI host = java.net.URI.create("ssh://me@box:2222");
    assertThat(SshErrors.oneLine(host, 255, "ssh: connect to host box port 2222: Connection refused\n"))
        .isEqualTo("ssh: box port 2222 refused the connection (no sshd listening there?)");
    assertThat(SshErrors.oneLine(host, 255, "me@box: Permission denied (publickey,password).\n"))
        .startsWith("ssh: box port 2222 did not accept a key for me (Permission denied (publickey,password).)")
        .contains("BatchMode=yes and never asks for a password");
    assertThat(SshErrors.oneLine(host, 255, "Host key verification failed.\n")).contains("host key of box");
    assertThat(SshErrors.oneLine(host, 127, "bash: line 1: docker: command not found\n"))
        .startsWith("ssh: no docker command on box port 2222");
    assertThat(SshErrors.oneLine(host, 1, "something odd\n")).isEqualTo("ssh to box port 2222 ended (exit 1) before "
        + "the engine answered: something odd");
  }

  @Test
  void sshContextIsReachedOverSshToo() throws Exception {
    context("viassh", "ssh://me@build-box", false);
    EngineEndpoint endpoint = resolve(null, Map.of("DOCKER_CONTEXT", "viassh"));
    assertThat(endpoint.usesSsh()).isTrue();
    assertThat(endpoint.host().getHost()).isEqualTo("build-box");
  }

  @Test
  void unknownSchemeIsAOneLineError() {
    assertThatThrownBy(() -> resolve("foo://bar", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("unsupported Docker host \"foo://bar\" (-H foo://bar): "
            + "use unix:///path/to/docker.sock or tcp://HOST:PORT");
    assertThatThrownBy(() -> resolve(null, Map.of("DOCKER_HOST", "npipe:////./pipe/docker_engine")))
        .isInstanceOf(StoreException.class)
        .hasMessage("unsupported Docker host \"npipe:////./pipe/docker_engine\" "
            + "(DOCKER_HOST=npipe:////./pipe/docker_engine): use unix:///path/to/docker.sock or tcp://HOST:PORT");
  }

  @Test
  void unparsableHostIsAOneLineError() {
    assertThatThrownBy(() -> resolve("tcp://not a host", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("invalid Docker host \"tcp://not a host\" (-H tcp://not a host)");
    assertThatThrownBy(() -> resolve("tcp://", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("invalid Docker host \"tcp://\" (-H tcp://)");
  }

  @Test
  void aPortOutOfRangeIsOneLineNamingTheValueAndItsSource() {
    assertThatThrownBy(() -> resolve(null, Map.of("DOCKER_HOST", "tcp://127.0.0.1:99999")))
        .isInstanceOf(StoreException.class)
        .hasMessage("invalid Docker host \"tcp://127.0.0.1:99999\" (DOCKER_HOST=tcp://127.0.0.1:99999): port 99999 "
            + "is out of range (1 to 65535)");
    assertThatThrownBy(() -> resolve("http://engine:0", Map.of()))
        .hasMessage("invalid Docker host \"http://engine:0\" (-H http://engine:0): port 0 is out of range (1 to 65535)");
    assertThatThrownBy(() -> resolve("engine:123456789012", Map.of()))
        .hasMessageEndingWith(": port 123456789012 is out of range (1 to 65535)");
    assertThat(resolve("tcp://[::1]:2375", Map.of()).host().getPort()).isEqualTo(2375);
    assertThat(resolve("tcp://engine:65535", Map.of()).host().getPort()).isEqualTo(65535);
  }

  @Test
  void aPortThatIsNotANumberIsOneLineNamingIt() {
    assertThatThrownBy(() -> resolve(null, Map.of("DOCKER_HOST", "tcp://127.0.0.1:99999x")))
        .isInstanceOf(StoreException.class)
        .hasMessage("invalid Docker host \"tcp://127.0.0.1:99999x\" (DOCKER_HOST=tcp://127.0.0.1:99999x): the port "
            + "\"99999x\" is not a number");
  }

  /** "::::" becomes tcp://:::: which java.net.URI accepts with no host at all; it should be rejected up front. */
  @Test
  void tcpHostWithoutAHostNameIsRejected() {
    assertThatThrownBy(() -> resolve("::::", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("invalid Docker host \"::::\"");
  }

  @Test
  void missingContextIsAnErrorNamingIt() throws Exception {
    Path meta = config.resolve("contexts").resolve("meta").resolve(sha256("nope")).resolve("meta.json");
    assertThatThrownBy(() -> resolve(null, Map.of("DOCKER_CONTEXT", "nope")))
        .isInstanceOf(StoreException.class)
        .hasMessage("docker context \"nope\" (DOCKER_CONTEXT=nope) not found: no " + meta);
  }

  @Test
  void missingCurrentContextIsAnErrorNamingItAndTheConfigFile() throws Exception {
    currentContext("gone");
    Path meta = config.resolve("contexts").resolve("meta").resolve(sha256("gone")).resolve("meta.json");
    assertThatThrownBy(() -> resolve(null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("docker context \"gone\" (context \"gone\" of " + config.resolve("config.json")
            + ") not found: no " + meta);
  }

  @Test
  void contextWithoutDockerEndpointIsAnError() throws Exception {
    Path dir = config.resolve("contexts").resolve("meta").resolve(sha256("empty"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("meta.json"), "{\"Name\":\"empty\",\"Endpoints\":{}}");
    assertThatThrownBy(() -> resolve(null, Map.of("DOCKER_CONTEXT", "empty")))
        .isInstanceOf(StoreException.class)
        .hasMessage("docker context \"empty\" has no docker endpoint host (" + dir.resolve("meta.json") + ")");
  }

  @Test
  void unreadableConfigJsonIsAnError() throws Exception {
    Files.writeString(config.resolve("config.json"), "{not json");
    assertThatThrownBy(() -> resolve(null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot read " + config.resolve("config.json") + ": ");
  }

  @Test
  void dockerConfigDirComesFromDockerConfigElseHome() {
    assertThat(EngineEndpoint.dockerConfigDir(Map.of("DOCKER_CONFIG", "/etc/dc"))).isEqualTo(Path.of("/etc/dc"));
    assertThat(EngineEndpoint.dockerConfigDir(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".docker"));
    assertThat(EngineEndpoint.dockerConfigDir(Map.of("DOCKER_CONFIG", " ")))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".docker"));
  }
}
