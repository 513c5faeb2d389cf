package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.oci.OciLayoutStore;
import dev.mimg.store.registry.RegistryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A copy of one image from the query's store to another store named as {@code --store} names them
 * ({@code oci:DIR}, {@code registry:HOST[/PREFIX]}, {@code engine[:HOST]}):
 * {@code images().copy("alpine:3.16", "oci:./cache").run()}.
 * It keeps its reference unless {@link #as} gives another (into a registry: the same repository path on that
 * host, after the prefix). Every blob is verified; bad input is refused with one line before anything changes.
 */
public final class Copy {

  private final ImageQuery query;
  private final String reference;
  private final String destination;
  private final String newReference;
  private final List<Platform> platforms;
  private final Copier.Scope scope;
  private final boolean dryRun;
  private final Consumer<PullEvent> progress;

  Copy(ImageQuery query, String reference, String destination) {
    this(query, reference, destination, null, List.of(), Copier.Scope.DEFAULT, false, event -> { });
  }

  private Copy(ImageQuery query, String reference, String destination, String newReference,
      List<Platform> platforms, Copier.Scope scope, boolean dryRun, Consumer<PullEvent> progress) {
    this.progress = progress;
    this.query = query;
    this.reference = reference;
    this.destination = destination;
    this.newReference = newReference;
    this.platforms = platforms;
    this.scope = scope;
    this.dryRun = dryRun;
  }

  /** The reference the copy gets at the destination. */
  public Copy as(String name) {
    return new Copy(query, reference, destination, name, platforms, scope, dryRun, progress);
  }

  /**
   * Only these platforms (repeatable): into a layout the index is kept with them; into a registry one platform's
   * manifest goes under the name, several make a new index of them (a new digest, which the report gives).
   */
  public Copy platform(String... specs) {
    if (scope == Copier.Scope.ALL || scope == Copier.Scope.PRESENT) {
      throw both();
    }
    List<Platform> all = new ArrayList<>(platforms);
    all.addAll(Platforms.filter(specs));
    return new Copy(query, reference, destination, newReference, List.copyOf(all), Copier.Scope.PLATFORMS, dryRun,
        progress);
  }

  /**
   * Only the platforms the source holds, nothing from the registry the image came from: into a registry, where the
   * source lacks some, a new index of the others (a new digest, which the report gives).
   */
  public Copy onlyPresent() {
    if (scope != Copier.Scope.DEFAULT) {
      throw new InvalidInputException("--only-present excludes --platform and --all-platforms: give one");
    }
    return new Copy(query, reference, destination, newReference, platforms, Copier.Scope.PRESENT, dryRun, progress);
  }

  /** Every platform the index lists, those the source lacks from the registry the image came from. */
  public Copy allPlatforms() {
    if (scope == Copier.Scope.PLATFORMS || scope == Copier.Scope.PRESENT) {
      throw both();
    }
    return new Copy(query, reference, destination, newReference, platforms, Copier.Scope.ALL, dryRun, progress);
  }

  /** Tells {@code sink} the blobs copied so far (count and bytes), from the copying threads. */
  public Copy progress(Consumer<PullEvent> sink) {
    return new Copy(query, reference, destination, newReference, platforms, scope, dryRun, sink);
  }

  /** Reports what would move (blobs, bytes, what the destination has already) and changes nothing. */
  public Copy dryRun() {
    return new Copy(query, reference, destination, newReference, platforms, scope, true, progress);
  }

  /** Copies (or, under a dry run, plans) and reports. */
  public CopyReport run() {
    ImageStore store = query.store();
    try (RegistryClient client = RegistryClient.fromEnvironment()) {
      CopySource source;
      Reference sourceName;
      Optional<Reference> originRepository = Optional.empty();
      if (store instanceof OciLayoutStore layout) {
        Image image = ImageLookup.find(layout.images(), reference).image();
        sourceName = nameOf(image);
        source = new LayoutCopySource(layout.layout(), image.id(), image.mediaType());
        originRepository = Optional.ofNullable(sourceName).map(name -> Reference.parse(name.name() + "@" + image.id()));
      } else if (store instanceof RegistryStore registry) {
        sourceName = inRegistry(registry.spec());
        source = new RegistryCopySource(client, sourceName);
      } else if (store instanceof DockerEngineStore engine) {
        try (EngineExport export = EngineExport.of(engine, reference, client)) {
          Image image = export.image();
          Reference name = nameOf(image);
          return copy(export.source(), Optional.ofNullable(name).map(n -> Reference.parse(n.name() + "@"
              + image.id())), client, name);
        }
      } else {
        throw new InvalidInputException("cp cannot read from " + store.describe());
      }
      return copy(source, originRepository, client, sourceName);
    }
  }

  private CopyReport copy(CopySource source, Optional<Reference> originRepository, RegistryClient client,
      Reference sourceName) {
    Reference name = newReference != null ? Reference.parse(newReference) : sourceName;
    if (name == null) {
      throw new InvalidInputException(reference + " has no name in " + query.store().describe() + ": give one with "
          + "--as");
    }
    boolean intoRegistry = destination.startsWith("registry:");
    Optional<CopySource> origin = originRepository.map(repository -> new RegistryCopySource(client, repository));
    if (destination.equals("engine") || destination.startsWith("engine:")) {
      try (DockerEngineStore engine = intoEngine(); EngineCopyTarget target = new EngineCopyTarget(engine, name)) {
        target.checkName(source.top().digest());
        return new Copier(source, () -> origin, target, false, progress).copy(reference, scope, platforms, dryRun);
      }
    }
    CopyTarget target = target(name, client);
    return new Copier(source, () -> origin, target, intoRegistry, progress).copy(reference, scope, platforms, dryRun);
  }

  /** The engine {@code engine} or {@code engine:HOST} names; one on the classic image store is refused. */
  private DockerEngineStore intoEngine() {
    ImageStore store = Stores.engine(destination.equals("engine") ? null : destination.substring("engine:".length()));
    if (!(store instanceof DockerEngineStore engine) || !engine.usesContainerdImageStore()) {
      store.close();
      throw new InvalidInputException("cannot copy into " + store.describe() + ": it keeps one platform per image "
          + "(the classic image store); cp into an engine needs the containerd image store");
    }
    return engine;
  }


  /** REF as a reference in the source registry {@code spec} (HOST[/PREFIX]): REF names its host, or is below it. */
  private Reference inRegistry(String spec) {
    String host = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
    int slash = reference.indexOf('/');
    String first = slash < 0 ? "" : reference.substring(0, slash);
    boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    return Reference.parse(hasHost ? reference : host + "/" + reference);
  }

  /** The name the image is copied under by default: REF when it names it, else its first tag; null for none. */
  private Reference nameOf(Image image) {
    try {
      Reference typed = Reference.parse(reference);
      if (ImageLookup.names(image, typed)) {
        return typed;
      }
    } catch (InvalidInputException e) {
      // an id or a name as a layout writes it: the image's own names below
    }
    return image.tags().isEmpty() ? null : image.tags().get(0);
  }

  private CopyTarget target(Reference name, RegistryClient client) {
    if (destination.startsWith("oci:") && destination.length() > "oci:".length()) {
      return new LayoutCopyTarget(Path.of(destination.substring("oci:".length())), name);
    }
    if (destination.startsWith("registry:") && destination.length() > "registry:".length()) {
      String spec = destination.substring("registry:".length()).replaceAll("/+$", "");
      String host = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
      String prefix = spec.contains("/") ? spec.substring(spec.indexOf('/') + 1) + "/" : "";
      if (newReference != null && name.domain().equals(host)) {
        return new RegistryCopyTarget(client, name);
      }
      String version = name.tag().map(tag -> ":" + tag).orElseGet(() -> "@" + name.digest().orElseThrow());
      return new RegistryCopyTarget(client, Reference.parse(host + "/" + prefix + name.path() + version));
    }
    throw new InvalidInputException("invalid destination \"" + destination
        + "\": expected oci:DIR, registry:HOST[/PREFIX], engine or engine:HOST");
  }

  private static InvalidInputException both() {
    return new InvalidInputException("--all-platforms, --platform and --only-present exclude each other: give one");
  }
}
