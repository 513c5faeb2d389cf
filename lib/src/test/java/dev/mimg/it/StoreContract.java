package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.query.Mimg;
import dev.mimg.query.PullReport;
import dev.mimg.query.RemovalReport;
import dev.mimg.store.ImageStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store must show, run against each real backend (the engine, an OCI layout): pulls with
 * mimg's semantics, listing figures equal to the registry's own, removal of one platform, dry runs, refusals.
 * Each test pushes an index of its own (crane) so no content is shared with fixtures or other tests.
 */
abstract class StoreContract {

  /** A fresh store to test (the same backend for every test of the class). */
  abstract ImageStore openStore();

  /** A short name of the backend, used in the test images' labels and repositories. */
  abstract String backend();

  /** The platforms the backend itself (not mimg's code) says are present for the image tagged {@code ref}. */
  abstract List<String> presentByTheBackend(String ref);

  /** Removes what a test left behind. */
  abstract void cleanUp(String labelPrefix);

  ImageStore store;

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    cleanUp("contract-" + backend());
    store.close();
  }

  /** Pushes an index of its own for this test and returns its reference. */
  private String index(String test) {
    String ref = Bed.ref("contract/" + backend() + "-" + test + ":1");
    EngineState.uniqueIndex(ref, "contract-" + backend() + "-" + test);
    return ref;
  }

  private Image image(String ref) {
    return Mimg.images(store).reference(ref).first().orElseThrow(() -> new AssertionError("no image " + ref));
  }

  private PullReport pull(String ref, String... platforms) {
    return Mimg.images(store).pull(ref).platform(platforms).run();
  }

  @Test
  void aPullOfChosenPlatformsListsThemWithTheRegistrysDigestsAndSizes() {
    String ref = index("listing");
    pull(ref, "linux/amd64", "linux/s390x");
    Image image = image(ref);
    assertThat(image.id().toString()).isEqualTo(Bed.crane("digest", ref).strip());
    assertThat(image.platforms()).map(Platform::toString).containsExactly("linux/amd64", "linux/s390x");
    assertThat(image.present().size() + "/" + image.total()).isEqualTo("2/4");
    assertThat(presentByTheBackend(ref)).containsExactlyInAnyOrder("linux/amd64", "linux/s390x");
    for (Variant variant : image.present()) {
      String manifest = Bed.crane("manifest", ref.replace(":1", "") + "@" + variant.digest());
      assertThat(variant.contentSize()).as("content of %s", variant.platform())
          .isEqualTo(RegistrySizes.contentSize(manifest));
    }
  }

  @Test
  void aMissingPlatformIsBackFilledFromTheStoredIndexWithoutMovingTheTag() {
    String ref = index("backfill");
    pull(ref, "linux/amd64");
    String stored = image(ref).id().toString();
    EngineState.uniqueIndex(ref, "contract-" + backend() + "-backfill-moved");   // the tag moves in the registry
    PullReport report = pull(ref, "linux/arm64/v8");
    assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.action()).contains("back-filled"));
    assertThat(image(ref).id().toString()).isEqualTo(stored);
    assertThat(presentByTheBackend(ref)).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8");
  }

  @Test
  void removingOnePlatformKeepsTheTagTheIndexAndTheOtherPlatforms() {
    String ref = index("rm");
    pull(ref, "linux/amd64", "linux/s390x");
    String id = image(ref).id().toString();
    RemovalReport dry = Mimg.images(store).dryRun().reference(ref).platform("linux/s390x").remove();
    assertThat(dry.removed()).hasSize(1);
    assertThat(presentByTheBackend(ref)).containsExactlyInAnyOrder("linux/amd64", "linux/s390x");
    RemovalReport report = Mimg.images(store).reference(ref).platform("linux/s390x").remove();
    assertThat(report.removed()).singleElement().satisfies(step -> assertThat(step.platform()).isEqualTo("linux/s390x"));
    assertThat(report.reclaimed()).isPositive();
    assertThat(image(ref).id().toString()).isEqualTo(id);
    assertThat(presentByTheBackend(ref)).containsExactly("linux/amd64");
  }

  @Test
  void aPlatformThatIsNotPresentIsRefusedNamingThoseThatAre() {
    String ref = index("absent");
    pull(ref, "linux/amd64");
    String name = Reference.parse(ref).familiarString();
    assertThatThrownBy(() -> Mimg.images(store).named(name).platform("linux/ppc64le").plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("platform linux/ppc64le is not present in " + name + " (present: linux/amd64)");
  }

  @Test
  void removingTheWholeImageLeavesNoName() {
    String ref = index("whole");
    pull(ref, "linux/amd64");
    Mimg.images(store).reference(ref).remove();
    assertThat(Mimg.images(store).reference(ref).count()).isZero();
  }
}
