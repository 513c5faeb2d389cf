package dev.mimg.store.docker;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.model.Json;
import org.junit.jupiter.api.Test;

/** The bed's engines answer through mimg's transport, at the API versions the project relies on. */
@BedTest
class EngineSmokeTest {

  @Test
  void snapEngineSpeaksTheNewestApiAndUsesTheContainerdStore() {
    try (EngineClient client = new EngineClient(Bed.snap())) {
      assertThat(client.api()).isEqualTo(EngineClient.MAX_API);
      Json info = client.get("/info");
      assertThat(info.path("DriverStatus").toString()).contains("io.containerd.snapshotter.v1");
    }
  }

  @Test
  void graphEngineRunsTheClassicStore() {
    try (EngineClient client = new EngineClient(Bed.graph())) {
      Json info = client.get("/info");
      assertThat(info.path("Driver").asText()).isEqualTo("vfs");
    }
  }
}
