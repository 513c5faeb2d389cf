package dev.mimg.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Image;
import dev.mimg.query.FakeStore;
import dev.mimg.model.ImageVariant;
import dev.mimg.query.Mimg;
import dev.mimg.view.ViewFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Groovy extension module and the Closure twins of the DSL, over an in-memory store (pure logic). */
class GroovyDslTest {

  private final FakeStore store = new FakeStore(List.of(ViewFixtures.dangling(), ViewFixtures.byDigest(),
      ViewFixtures.attested(), ViewFixtures.single(), ViewFixtures.alpine()));
  private final StringWriter out = new StringWriter();

  private Object groovy(String code) {
    return new ScriptRunner(store, new PrintWriter(out), new PrintWriter(new StringWriter()), List.of()).evaluate(code);
  }

  @Test
  void durationAndSizeSugar() {
    assertThat(groovy("30.days")).isEqualTo(Duration.ofDays(30));
    assertThat(groovy("2.weeks")).isEqualTo(Duration.ofDays(14));
    assertThat(groovy("5.MB + 1.5.kB + 1.GB")).isEqualTo(1_005_001_500L);
    assertThat((Instant) groovy("1.hours.ago")).isBetween(Instant.now().minusSeconds(3605), Instant.now());
  }

  @Test
  void whereTakesAClosureWhoseDelegateIsTheElement() {
    List<Object> java = Mimg.images(store).where(image -> image.created().isBefore(ViewFixtures.NOW.minusSeconds(86400)))
        .list().stream().map(Image::id).map(Object.class::cast).toList();
    assertThat(groovy("images().where { created < Instant.parse('" + ViewFixtures.NOW + "') - 1.days }*.id"))
        .asList().containsExactlyElementsOf(java).isNotEmpty();
    assertThat(groovy("images().where { it.isShallow() }*.id")).asList()
        .containsExactlyElementsOf(Mimg.images(store).shallow().list().stream().map(Image::id).toList());
  }

  @Test
  void variantsWhereAndSortByTakeClosures() {
    assertThat(groovy("images().variants().where { platform().toString() == 'linux/s390x' }*.toString()")).asList()
        .containsExactlyElementsOf(Mimg.images(store).variants().platform("linux/s390x").list().stream()
            .map(ImageVariant::toString).toList()).isNotEmpty();
    assertThat(groovy("images().variants().sortBy { -contentSize() }.first().get().contentSize()"))
        .isEqualTo(Mimg.images(store).variants()
            .sortBy(Comparator.comparingLong(ImageVariant::contentSize).reversed()).first().orElseThrow().contentSize());
    assertThat(groovy("images().sortBy { contentSize() }*.contentSize()")).asList()
        .isSortedAccordingTo(Comparator.comparingLong(o -> (Long) o));
  }

  @Test
  void theClosureTwinsAreTypedForStaticCompilation() {
    Object count = groovy("""
        @groovy.transform.CompileStatic
        long old(dev.mimg.query.ImageQuery q) { q.where { created().isBefore(30.days.ago) }.count() }
        old(images())
        """);
    assertThat(count).isEqualTo(Mimg.images(store).olderThan(Duration.ofDays(30)).count());
  }

  @Test
  void aQueryIsIterableTheGroovyWay() {
    assertThat(groovy("images().shallow().collect { it.shortId() }")).asList()
        .containsExactlyElementsOf(Mimg.images(store).shallow().list().stream().map(Image::shortId).toList());
  }

  @Test
  void runDryRunMakesEveryMutationOfAPolicyADryRun() throws Exception {
    java.nio.file.Path script = java.nio.file.Files.createTempFile("policy", ".groovy");
    java.nio.file.Files.writeString(script, "enforce images().reference('alpine:*').platform('linux/s390x')\n");
    ScriptRunner runner = new ScriptRunner(new dev.mimg.store.ReadOnlyStore(store), new PrintWriter(out),
        new PrintWriter(new StringWriter()), List.of());
    runner.run(script);
    assertThat(out.toString()).contains("remove").contains("linux/s390x")
        .endsWith("dry run: would remove 1, skip 0; would reclaim about "
            + dev.mimg.model.HumanSize.format(ViewFixtures.alpine().present().stream()
                .filter(v -> v.platform().toString().equals("linux/s390x")).findFirst().orElseThrow().diskUsage())
            + "; nothing changed\n");
  }

  @Test
  void underDryRunTheScriptsStoreRefusesEveryChange() {
    ScriptRunner runner = new ScriptRunner(new dev.mimg.store.ReadOnlyStore(store), new PrintWriter(out),
        new PrintWriter(new StringWriter()), List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.evaluate("mimgStore.removeVariants('x', [])"))
        .isInstanceOf(dev.mimg.store.StoreException.class).hasMessageStartingWith("dry run: refused to remove");
    assertThat(runner.evaluate("images(mimgStore).isDryRun()")).isEqualTo(true);
  }

  /** A removal's report shows as the CLI prints it, not as a record dump (issue 13, defect 8). */
  @Test
  void aRemovalReportPrintsAsTheCliPrintsIt() {
    groovy("images().dryRun().reference('alpine:*').platform('linux/s390x').remove()");
    assertThat(out.toString()).startsWith("would remove alpine:3.16 linux/s390x ").doesNotContain("RemovalReport[")
        .endsWith("nothing changed\n");
  }
}
