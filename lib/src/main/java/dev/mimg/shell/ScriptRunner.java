package dev.mimg.shell;

import dev.mimg.query.ImageQuery;
import dev.mimg.query.Listing;
import dev.mimg.query.VariantQuery;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.VariantTable;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Runs Groovy with mimg's DSL at hand: the base script {@link MimgScript} ({@code images()}), the model and query
 * packages and {@code java.time} imported, and the sugar of {@link MimgGroovyMethods} ({@code 30.days.ago}).
 * One runner keeps its variables between calls, so a shell session builds on earlier lines.
 */
public final class ScriptRunner {

  private final GroovyShell shell;
  private final Binding binding;
  private final PrintWriter out;

  /**
   * A runner over {@code store}, printing results to {@code out} and notices to {@code err}; {@code args} become the
   * script's {@code args}. Over a read-only store (a dry run) no script can change anything.
   */
  public ScriptRunner(ImageStore store, PrintWriter out, PrintWriter err, List<String> args) {
    this.out = out;
    this.binding = new Binding();
    binding.setVariable(MimgScript.STORE, store);
    binding.setVariable("args", args.toArray(String[]::new));
    binding.setVariable("out", out);
    binding.setVariable(MimgScript.ERR, err);
    this.shell = new GroovyShell(ScriptRunner.class.getClassLoader(), binding, configuration());
  }

  /** Compiles a script without running it; one line ({@link IllegalArgumentException}) when it does not compile. */
  public static void compile(String name, String code) {
    try {
      new GroovyShell(ScriptRunner.class.getClassLoader(), new Binding(), configuration()).parse(code, name);
    } catch (MultipleCompilationErrorsException e) {
      throw new IllegalArgumentException(Shell.firstLine(e.getMessage()), e);
    }
  }

  private static CompilerConfiguration configuration() {
    CompilerConfiguration config = new CompilerConfiguration();
    config.setScriptBaseClass(MimgScript.class.getName());
    config.addCompilationCustomizers(new ImportCustomizer()
        .addStarImports("dev.mimg.model", "dev.mimg.query", "java.time"));
    return config;
  }

  /** The exit code the scripts run so far ask for: 1 when a policy failed while carried out, else 0. */
  public int exitCode() {
    Object code = binding.getVariables().get(MimgScript.EXIT);
    return code instanceof Integer exit ? exit : 0;
  }

  /** Runs a script file. */
  public Object run(Path script) throws IOException {
    return shell.evaluate(Files.readString(script), script.getFileName().toString());
  }

  /** Runs a script given as text, {@code name} naming it in errors. */
  public Object run(String name, String code) {
    return shell.evaluate(code, name);
  }

  /** Evaluates a piece of Groovy and prints what it returns (see {@link #show}). */
  public Object evaluate(String code) {
    Object result = shell.evaluate(code, "mimg.groovy");
    show(result);
    return result;
  }

  /** Prints a result as the shell shows it: a query as its table, collections one element a line, null nothing. */
  public void show(Object result) {
    if (result instanceof ImageQuery query) {
      Listing listing = query.listing();
      out.print(FlatView.render(listing.images(), listing.selection(), ListingOptions.defaults(), listing.remote()));
    } else if (result instanceof VariantQuery variants) {
      out.print(VariantTable.render(variants.list()));
    } else if (result instanceof Collection<?> items) {
      items.forEach(out::println);
    } else if (result != null) {
      String text = String.valueOf(result);
      out.print(text.endsWith("\n") ? text : text + "\n");
    }
    out.flush();
  }
}
