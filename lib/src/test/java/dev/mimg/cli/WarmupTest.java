package dev.mimg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void anEngineListingIsSentEarlyToTheHostItNames() {
    assertEquals("", Warmup.listingHost(new String[] {"ls", "--tree"}, Map.of()));
    assertEquals("unix:///x.sock", Warmup.listingHost(new String[] {"-H", "unix:///x.sock", "images"}, Map.of()));
    assertEquals("unix:///y", Warmup.listingHost(new String[] {"list", "--host=unix:///y"}, Map.of()));
    assertEquals("", Warmup.listingHost(new String[] {"--store-timeout", "5s", "ls"}, Map.of()));
  }

  @Test
  void otherCommandsAndOtherStoresAreNot() {
    assertNull(Warmup.listingHost(new String[] {"df"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"inspect", "ls"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"--store", "oci:x", "ls"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"--store=containerd", "ls"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"--context", "a", "ls"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"ls", "--all-contexts"}, Map.of()));
    assertNull(Warmup.listingHost(new String[] {"ls"}, Map.of("MIMG_STORE", "oci:x")));
    assertNull(Warmup.listingHost(new String[] {"ls"}, Map.of("DOCKER_API_VERSION", "1.47")));
  }
}
