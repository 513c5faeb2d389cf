package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.bed.CuttingSocketProxy;
import dev.mimg.query.Mimg;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bed's containerd going away midway (behind {@link CuttingSocketProxy}, which drops every connection once its
 * answers reach a byte budget): a listing fails in one line saying so, and a removal cut before it acts changes
 * nothing ({@code ctr} says the image is as it was) and reports the step it did not attempt and why.
 */
@BedTest
class ContainerdFaultTest {

  @TempDir
  Path dir;

  @Test
  void containerdGoingAwayMidListingIsOneLine() throws Exception {
    try (CuttingSocketProxy proxy = new CuttingSocketProxy(dir.resolve("c.sock"), Path.of(ContainerdK8sTest.SOCKET))) {
      try (ImageStore whole = Stores.open("containerd:" + proxy.socket(), false)) {
        assertThat(whole.images()).isNotEmpty();
      }
      long listing = proxy.answered();
      try (ImageStore store = Stores.open("containerd:" + proxy.socket(), false)) {
        proxy.cutAfter(listing / 2);
        assertThatThrownBy(store::images).isInstanceOf(StoreException.class)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(proxy.socket().toString())
                .containsAnyOf("went away", "stopped", "restarting"));
      }
    }
  }

  @Test
  void aRemovalWhoseContainerdGoesAwayFirstChangesNothing() throws Exception {
    String ref = Bed.ref("mimg/rmme:1");
    List<String> names = ContainerdK8sTest.criPull(ref, "linux/amd64", "linux/arm64/v8");
    String before = ContainerdK8sTest.ctr("content", "ls", "-q");
    try (CuttingSocketProxy proxy = new CuttingSocketProxy(dir.resolve("c.sock"), Path.of(ContainerdK8sTest.SOCKET));
        ImageStore store = Stores.open("containerd:" + proxy.socket(), false)) {
      var plan = Mimg.images(store).reference(ref).platform("linux/arm64/v8").force().removal();
      var planned = plan.plan();
      assertThat(planned.removals()).isNotEmpty();
      proxy.cutAfter(0);
      dev.mimg.query.RemovalReport report = plan.remove(planned);
      assertThat(report.removed()).isEmpty();
      assertThat(report.notAttempted()).hasSize(1);
      assertThat(report.stoppedBecause()).doesNotContain("\n").contains(proxy.socket().toString(), "restarting");
      assertThat(ContainerdK8sTest.ctr("content", "ls", "-q")).isEqualTo(before);
      assertThat(ContainerdK8sTest.ctr("images", "ls", "-q").lines()).containsAll(names);
      assertThat(ContainerdK8sTest.ctr("leases", "ls", "-q")).isBlank();
    } finally {
      for (String name : names) {
        try {
          ContainerdK8sTest.ctr("images", "rm", name);
        } catch (AssertionError gone) {
          // already gone
        }
      }
    }
  }
}
