package dev.mimg.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line parser, help and exit codes, on a small tree shaped like mimg's. */
class ParserTest {

  private static final Command LS = Command.named("ls").aliases("list")
      .describe("List images.")
      .flag("-a", "--all", "Everything.")
      .flag("-q", "--quiet", "Ids only.")
      .list("KEY=VALUE", null, "-f", "--filter", "A filter.")
      .list("PLATFORM[,PLATFORM...]", ",", "--keep", "Platforms to keep.")
      .value("FORMAT", "--format", "A format.")
      .action(in -> 0);
  private static final Command RUN = Command.named("run").flag("--dry-run", "Change nothing.")
      .parameter("SCRIPT [ARGS]", "A script.", false, true).stopAtPositional().action(in -> 0);
  private static final Command RM = Command.named("rm").parameter("IMAGE", "The image.", true, false)
      .action(in -> 0);
  private static final Command ROOT = StoreOptions.on(Command.named("mimg")).subcommands(LS, RUN, RM);

  private static Parser.Parsed parse(String... args) {
    return Parser.parse(ROOT, args);
  }

  @Test
  void optionsInEveryForm() {
    Parser.Parsed parsed = parse("-H", "unix:///x.sock", "list", "-qa", "--filter=reference=a*", "-fdangling=true",
        "--keep", "linux/amd64,linux/arm64", "--format", "", "--store=oci:dir");
    assertThat(parsed.path()).extracting(Command::name).containsExactly("mimg", "ls");
    assertThat(parsed.values()).containsEntry("--quiet", List.of("true")).containsEntry("--all", List.of("true"))
        .containsEntry("--filter", List.of("reference=a*", "dangling=true"))
        .containsEntry("--keep", List.of("linux/amd64", "linux/arm64")).containsEntry("--format", List.of(""))
        .containsEntry("--host", List.of("unix:///x.sock")).containsEntry("--store", List.of("oci:dir"));
  }

  @Test
  void afterTheFirstParameterEverythingIsTheScriptsAndDoubleDashEndsOptions() {
    Parser.Parsed run = parse("run", "--dry-run", "policy.groovy", "--dry-run", "-x");
    assertThat(run.values()).containsOnlyKeys("--dry-run");
    assertThat(run.parameters()).containsExactly("policy.groovy", "--dry-run", "-x");
    assertThat(parse("rm", "--", "-weird").parameters()).containsExactly("-weird");
  }

  @Test
  void malformedLinesAreUsageErrorsNamingTheCommand() {
    assertThatThrownBy(() -> parse("ls", "--bogus")).isInstanceOf(UsageException.class)
        .hasMessage("Unknown option: '--bogus'").extracting(e -> ((UsageException) e).command()).isEqualTo("mimg ls");
    assertThatThrownBy(() -> parse("ls", "-qz")).hasMessage("Unknown option: '-qz'");
    assertThatThrownBy(() -> parse("ls", "--format")).hasMessage("Missing required parameter for option '--format' (FORMAT)");
    assertThatThrownBy(() -> parse("rm")).hasMessage("Missing required parameter: 'IMAGE'");
    assertThatThrownBy(() -> parse("rm", "a", "b")).hasMessage("Unmatched argument at index 1: 'b'");
    assertThatThrownBy(() -> parse("nope")).hasMessage("Unmatched argument at index 0: 'nope'");
    assertThatThrownBy(() -> parse("ls", "--all=yes")).hasMessage("option '--all' takes no value");
  }

  @Test
  void helpAndVersionNeedNoParametersAndExitZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(CommandLines.execute(ROOT, "mimg 9", new PrintWriter(out), new PrintWriter(err), "rm", "--help"))
        .isZero();
    assertThat(out.toString()).startsWith("Usage: mimg rm [-hV] [-H=HOST] [--store=STORE]... [--context=NAME]...\n"
        + "               [--all-contexts] [--store-timeout=DURATION] IMAGE\n")
        .contains("\n  -H, --host=HOST            Docker engine to use").contains("\n      IMAGE ");
    out.getBuffer().setLength(0);
    assertThat(CommandLines.execute(ROOT, "mimg 9", new PrintWriter(out), new PrintWriter(err), "-V")).isZero();
    assertThat(out.toString()).isEqualTo("mimg 9\n");
    assertThat(CommandLines.execute(ROOT, "mimg 9", new PrintWriter(out), new PrintWriter(err), "ls", "-x"))
        .isEqualTo(CommandLines.USAGE);
    assertThat(err.toString()).isEqualTo("mimg: Unknown option: '-x' (see 'mimg ls --help')\n");
  }
}
