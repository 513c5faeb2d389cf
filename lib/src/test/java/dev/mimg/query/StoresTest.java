package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.InvalidInputException;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.oci.OciLayoutStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store selection: --store, -H, MIMG_STORE, a configured engine, then the per-user layout with a notice. */
class StoresTest {

  @TempDir
  Path dir;

  private final List<String> notices = new ArrayList<>();

  private ImageStore select(String spec, String host, Map<String, String> env) {
    return Stores.select(spec, host, false, notices::add, env, dir.resolve("no-docker.sock"));
  }

  @Test
  void withNoEngineConfiguredOrPresentThePerUserLayoutIsUsedWithOneNotice() {
    try (ImageStore store = select(null, null, Map.of("XDG_DATA_HOME", dir.toString(), "DOCKER_CONFIG",
        dir.resolve("docker").toString()))) {
      assertThat(store.describe()).contains(dir.resolve("mimg/store").toString());
      assertThat(store.images()).isEmpty();
    }
    assertThat(Files.exists(dir.resolve("mimg"))).as("a listing creates nothing").isFalse();
    try (ImageStore store = Stores.select(null, null, true, notices::add, Map.of("XDG_DATA_HOME", dir.toString(),
        "DOCKER_CONFIG", dir.resolve("docker").toString()), dir.resolve("no-docker.sock"))) {
      assertThat(store).isInstanceOf(OciLayoutStore.class);
    }
    assertThat(dir.resolve("mimg/store/oci-layout")).as("a pull creates the layout").isRegularFile();
    assertThat(notices).hasSize(2).first().asString().startsWith("no Docker engine configured or running; using the OCI layout "
        + dir.resolve("mimg/store"));
  }

  @Test
  void aConfiguredEngineIsUsedEvenWhenItCannotBeReached() {
    String host = "unix://" + dir.resolve("absent.sock");
    try (ImageStore store = select(null, null, Map.of("DOCKER_HOST", host, "XDG_DATA_HOME", dir.toString()))) {
      assertThat(store).isInstanceOf(DockerEngineStore.class);
      assertThatThrownBy(store::images).isInstanceOf(StoreException.class).hasMessageContaining(dir.resolve("absent.sock").toString());
    }
    assertThat(notices).isEmpty();
    assertThat(Files.exists(dir.resolve("mimg"))).as("no fallback layout made").isFalse();
  }

  @Test
  void storeSpecsAndTheirErrors() {
    Path layout = dir.resolve("layout");
    assertThatThrownBy(() -> select("oci:" + layout, null, Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessage("no OCI image layout at " + layout + " (mimg pull --store oci:" + layout + " creates one)");
    assertThat(Files.exists(layout)).isFalse();
    try (ImageStore created = Stores.select("oci:" + layout, null, true, notices::add, Map.of(), dir.resolve("x"))) {
      assertThat(created).isInstanceOf(OciLayoutStore.class);
    }
    try (ImageStore fromEnv = select(null, null, Map.of("MIMG_STORE", "oci:" + layout))) {
      assertThat(fromEnv.describe()).contains(layout.toString());
    }
    assertThatThrownBy(() -> select("docker", null, Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid store \"docker\": expected engine, engine:HOST, oci:DIR, registry:HOST[/PREFIX] or "
            + "containerd[:SOCKET][?namespace=NS]");
    assertThatThrownBy(() -> select("oci:" + layout, "unix:///x.sock", Map.of()))
        .hasMessageStartingWith("--store and -H both name a store");
    assertThat(notices).isEmpty();
  }
}
