package dev.mimg.store.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdSpecTest {

  @Test
  void defaultsAndParameters() {
    assertThat(ContainerdSpec.parse("")).isEqualTo(new ContainerdSpec(Path.of("/run/containerd/containerd.sock"),
        "k8s.io", null, null));
    ContainerdSpec moby = ContainerdSpec.parse(":unix:///run/docker/containerd/containerd.sock?namespace=moby"
        + "&snapshotter=overlayfs&engine=unix:///var/run/docker.sock");
    assertThat(moby).isEqualTo(new ContainerdSpec(Path.of("/run/docker/containerd/containerd.sock"), "moby",
        "overlayfs", "unix:///var/run/docker.sock"));
    assertThat(moby.isDockers()).isTrue();
    assertThat(ContainerdSpec.parse("?namespace=k8s.io").socket()).isEqualTo(Path.of(ContainerdSpec.DEFAULT_SOCKET));
  }

  @Test
  void badSpecsAreOneLine() {
    assertThatThrownBy(() -> ContainerdSpec.parse("?ns=x")).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid store \"containerd?ns=x\": unknown parameter \"ns\" (namespace=NS, snapshotter=NAME, "
            + "engine=HOST)");
    assertThatThrownBy(() -> ContainerdSpec.parse("?namespace=a/b")).hasMessageContaining("is no containerd name");
    assertThatThrownBy(() -> ContainerdSpec.parse("?namespace=")).hasMessageContaining("needs a value");
  }

  @Test
  void chainIdsAreTheOciOnes() {
    Json config = Json.parse("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:a\",\"sha256:b\"]}}");
    // sha256("sha256:a sha256:b")
    assertThat(ImageAssembler.chainId(config))
        .isEqualTo("sha256:" + dev.mimg.model.Digest.sha256Of("sha256:a sha256:b".getBytes()).hex());
    assertThat(ImageAssembler.chainId(Json.parse("{\"rootfs\":{\"diff_ids\":[\"sha256:a\"]}}"))).isEqualTo("sha256:a");
    assertThat(ImageAssembler.chainId(Json.parse("{}"))).isNull();
  }

  @Test
  void layerTypesAndRecordNames() {
    assertThat(ImageAssembler.isLayerType("application/vnd.oci.image.layer.v1.tar+gzip")).isTrue();
    assertThat(ImageAssembler.isLayerType("application/vnd.docker.image.rootfs.diff.tar.gzip")).isTrue();
    assertThat(ImageAssembler.isLayerType("application/vnd.in-toto+json")).isFalse();
    assertThat(RecordNames.reference("sha256:" + "a".repeat(64))).isNull();
    assertThat(RecordNames.reference("moby-dangling@sha256:" + "a".repeat(64))).isNull();
    assertThat(RecordNames.reference("docker.io/library/alpine:3.16").familiarString()).isEqualTo("alpine:3.16");
  }

  @Test
  void callFailuresAreOneLine() {
    Path socket = Path.of("/run/containerd/containerd.sock");
    assertThat(ContainerdErrors.call(socket, "listing images", "UNAVAILABLE", "io exception",
        List.of("connect(..) failed: Connection refused"), true, null).getMessage())
        .isEqualTo("containerd at /run/containerd/containerd.sock went away while listing images (stopped or "
            + "restarting?): nothing was changed by this call; try again");
    assertThat(ContainerdErrors.call(socket, "listing content", "UNAVAILABLE", "Network closed for unknown reason",
        List.of(), false, null).getMessage())
        .isEqualTo("containerd at /run/containerd/containerd.sock broke off while listing content (stopped or "
            + "restarting?): Network closed for unknown reason; try again");
    assertThat(ContainerdErrors.call(socket, "listing images", "UNAVAILABLE", "io exception",
        List.of("connect(..) failed: Permission denied"), false, null).getMessage())
        .startsWith("permission denied on containerd's socket /run/containerd/containerd.sock (")
        .endsWith("containerd's config sets the group with grpc.gid ([grpc] gid = N in config.toml)");
    assertThat(ContainerdErrors.call(socket, "deleting image x", "FAILED_PRECONDITION", "in use", List.of(), true,
        null).getMessage()).isEqualTo("containerd at /run/containerd/containerd.sock refused deleting image x: "
            + "failed precondition: in use");
  }
}
