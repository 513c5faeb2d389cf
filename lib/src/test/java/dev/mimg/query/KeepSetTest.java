package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.view.ViewFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keep-sets and platform typos: a keep-set never empties an image, must keep something, and refuses typos. */
class KeepSetTest {

  /** An image pulled for s390x only, on purpose (e.g. for docker save). */
  private static Image s390xOnly() {
    return new Image(ViewFixtures.digest("5390"), MediaTypes.OCI_INDEX, ViewFixtures.names("tools/s390x-only:1"),
        List.of(), Instant.EPOCH, List.of(
            new Variant(ViewFixtures.digest("539001"), Platform.of("linux", "amd64", ""), Variant.Kind.IMAGE, false,
                0, 0, List.of(), null),
            new Variant(ViewFixtures.digest("539002"), Platform.of("linux", "s390x", ""), Variant.Kind.IMAGE, true,
                5_000, 9_000, List.of(), null)),
        Map.of());
  }

  private static final FakeStore STORE = new FakeStore(List.of(ViewFixtures.alpine(), s390xOnly()));
  private final List<String> warnings = new ArrayList<>();

  @AfterEach
  void restoreWarnings() {
    Mimg.warnings(warning -> System.err.println("mimg: warning: " + warning));
  }

  @Test
  void anImageHoldingNoneOfTheKeptPlatformsIsKeptWholeWithTheReason() {
    RemovalPlan plan = Mimg.images(STORE).notPlatform("linux/amd64").plan();
    assertThat(plan.steps()).extracting(RemovalPlan.Step::name).containsOnly("alpine:3.16");
    assertThat(plan.steps()).extracting(RemovalPlan.Step::platform).containsExactly("linux/s390x");
    assertThat(plan.refusals()).extracting(RemovalPlan.Refusal::name, RemovalPlan.Refusal::platform,
        RemovalPlan.Refusal::reason).contains(org.assertj.core.groups.Tuple.tuple("tools/s390x-only:1", "all",
        "holds none of the platforms to keep (linux/amd64): a keep-set never empties an image "
            + "(prune --all removes whole images)"));
  }

  @Test
  void aKeepSetThatKeepsNothingIsRefused() {
    assertThatThrownBy(() -> Mimg.images(STORE).notPlatform("linux/mips64").plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no image holds a platform of the keep-set (linux/mips64): it would keep nothing; nothing changed");
  }

  @Test
  void aTypoInAKeepSetIsAnErrorNamingTheNearestPlatform() {
    assertThatThrownBy(() -> Mimg.images(STORE).notPlatform("linux/amd46"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid platform to keep: unknown architecture \"amd46\" in linux/amd46 "
            + "(did you mean linux/amd64?); nothing changed");
    assertThatThrownBy(() -> Mimg.images(STORE).variants().notPlatform("lunix/arm64"))
        .hasMessageContaining("unknown operating system \"lunix\" in lunix/arm64 (did you mean linux/arm64?)");
  }

  @Test
  void aTypoInAFilterIsAWarningAndMatchesNothing() {
    Mimg.warnings(warnings::add);
    assertThat(Mimg.images(STORE).platform("linux/s390z").count()).isZero();
    assertThat(warnings).containsExactly("unknown architecture \"s390z\" in linux/s390z (did you mean linux/s390x?); "
        + "it matches nothing");
    warnings.clear();
    assertThat(Mimg.images(STORE).platform("linux/s390x", "windows/amd64").count()).isEqualTo(2);
    assertThat(warnings).as("known platforms are not warned about").isEmpty();
  }
}
