package dev.mimg.store.fleet;

import dev.mimg.model.ContentPart;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import dev.mimg.store.ReadOnlyStore;
import dev.mimg.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Several stores asked as one: each question goes to every member in parallel (at most {@link #parallelism} at a
 * time, {@link #timeout} each), every image comes back labelled with its member's name ({@link Image#store()}), and a
 * member that fails or hangs becomes one failure line ({@link #failures()}) while the others answer. Changes go to
 * the member an image lives in; a removal is planned and carried out member by member (see the query layer).
 */
public final class FleetStore implements ImageStore {

  /** The environment variable with each member's time limit (seconds or a Go duration; 0: none). */
  public static final String TIMEOUT_ENV = "MIMG_STORE_TIMEOUT";
  /** The environment variable with how many members are asked at once. */
  public static final String PARALLELISM_ENV = "MIMG_STORE_PARALLELISM";
  /** Each member's time limit unless configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** How many members are asked at once unless configured. */
  public static final int DEFAULT_PARALLELISM = 16;

  /** One store of the fleet under the name its rows carry. */
  public record Member(String name, ImageStore store) {
  }

  private final List<Member> members;
  private final Duration timeout;
  private final int parallelism;
  private final Set<String> failures;
  private final Set<String> failedMembers;

  /** A fleet of these members (ordered by name; names must differ), each asked with the given limits. */
  public FleetStore(List<Member> members, Duration timeout, int parallelism) {
    this(sorted(members), timeout, parallelism, Collections.synchronizedSet(new LinkedHashSet<>()),
        Collections.synchronizedSet(new LinkedHashSet<>()));
  }

  private FleetStore(List<Member> members, Duration timeout, int parallelism, Set<String> failures,
      Set<String> failedMembers) {
    this.members = members;
    this.timeout = timeout;
    this.parallelism = parallelism;
    this.failures = failures;
    this.failedMembers = failedMembers;
  }

  private static List<Member> sorted(List<Member> members) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new InvalidInputException("the store " + sorted.get(i).name() + " is named twice");
      }
    }
    return List.copyOf(sorted);
  }

  /** The time limit of {@link #TIMEOUT_ENV} in {@code env}, else the default. */
  public static Duration timeout(Map<String, String> env) {
    String value = env.get(TIMEOUT_ENV);
    return value == null || value.isBlank() ? DEFAULT_TIMEOUT : Timeouts.parse(TIMEOUT_ENV, value);
  }

  /** The parallelism of {@link #PARALLELISM_ENV} in {@code env}, else the default. */
  public static int parallelism(Map<String, String> env) {
    String value = env.get(PARALLELISM_ENV);
    if (value == null || value.isBlank()) {
      return DEFAULT_PARALLELISM;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the one-line error below
    }
    throw InvalidInputException.of("invalid " + PARALLELISM_ENV, value, "expected a whole number of at least 1");
  }

  /** The members, by name. */
  public List<Member> members() {
    return members;
  }

  /** The same fleet seen through a dry run: every member read-only, failures shared. */
  public FleetStore readOnly() {
    return new FleetStore(members.stream().map(m -> new Member(m.name(), m.store().isReadOnly() ? m.store()
        : new ReadOnlyStore(m.store()))).toList(), timeout, parallelism, failures, failedMembers);
  }

  /** One line per member that failed or did not answer so far ({@code NAME (what it is): why}). */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** True when some member failed or did not answer. */
  public boolean failed() {
    return !failures.isEmpty();
  }

  /**
   * Asks every member {@code question} in parallel, each within the time limit: the answers of those that answered,
   * by member; the others are recorded as failures.
   */
  public <R> Map<Member, R> ask(Function<ImageStore, R> question) {
    Map<Member, R> answers = new LinkedHashMap<>();
    for (FleetAsk.Answer<R> answer : FleetAsk.ask(members, parallelism, timeout, question)) {
      if (answer.answered()) {
        answers.put(answer.member(), answer.value());
      } else {
        failedMembers.add(answer.member().name());
        failures.add(answer.member().name() + " (" + answer.member().store().describe() + "): " + answer.failure());
      }
    }
    return answers;
  }

  /** The member called {@code name}. */
  public Member member(String name) {
    for (Member member : members) {
      if (member.name().equals(name)) {
        return member;
      }
    }
    throw new StoreException("no store " + name + " in this fleet (" + describe() + ")");
  }

  private ImageStore storeOf(Image image) {
    if (image.store() == null) {
      throw new StoreException("the image " + image.name() + " is not labelled with a store of this fleet");
    }
    return member(image.store()).store();
  }

  @Override
  public List<Image> images() {
    List<Image> images = new ArrayList<>();
    ask(ImageStore::images).forEach((member, listed) -> listed.forEach(i -> images.add(i.withStore(member.name()))));
    return images;
  }

  @Override
  public Optional<Image> current(Image image) {
    return storeOf(image).current(image).map(now -> now.withStore(image.store()));
  }

  /** The first member's image that {@code reference} names, in the members' order. */
  @Override
  public Optional<Image> named(Reference reference) {
    for (Map.Entry<Member, Optional<Image>> answer : ask(store -> store.named(reference)).entrySet()) {
      if (answer.getValue().isPresent()) {
        return Optional.of(answer.getValue().get().withStore(answer.getKey().name()));
      }
    }
    return Optional.empty();
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    return storeOf(image).inspect(image, variant);
  }

  @Override
  public Set<String> removalAlsoTakes(Image image, Variant variant) {
    return storeOf(image).removalAlsoTakes(image, variant);
  }

  @Override
  public List<ContentPart> contentParts(Image image, Variant variant) {
    return storeOf(image).contentParts(image, variant);
  }

  @Override
  public Optional<String> untagRefusal(Image image) {
    return storeOf(image).untagRefusal(image);
  }

  /** Each member's content bytes of its own images, summed (no content is shared across stores). */
  @Override
  public long contentBytes(List<Image> images) {
    Map<String, List<Image>> byStore = new LinkedHashMap<>();
    images.forEach(image -> byStore.computeIfAbsent(image.store(), s -> new ArrayList<>()).add(image));
    long bytes = 0;
    for (Map.Entry<String, List<Image>> each : byStore.entrySet()) {
      bytes += member(each.getKey()).store().contentBytes(each.getValue());
    }
    return bytes;
  }

  @Override
  public boolean rewritesImages() {
    return members.stream().anyMatch(member -> member.store().rewritesImages());
  }

  /** The containers of every member that answers (container ids do not repeat across engines). */
  @Override
  public Map<String, String> containerNames() {
    Map<String, String> names = new LinkedHashMap<>();
    ask(ImageStore::containerNames).values().forEach(names::putAll);
    return names;
  }

  /** Refused: a fleet names no image by a name alone; removals go to one member at a time. */
  @Override
  public void removeVariants(String name, List<Variant> variants) {
    throw new StoreException("a fleet removes variants store by store: name the store (" + name + ")");
  }

  @Override
  public void untag(Image image, List<ImageName> names) {
    storeOf(image).untag(image, names);
  }

  @Override
  public void removeImage(Image image) {
    storeOf(image).removeImage(image);
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    throw oneStore("pull");
  }

  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    storeOf(image).backfill(image, repository, platform, progress);
  }

  private static InvalidInputException oneStore(String command) {
    return new InvalidInputException(command + " works on one store: give one --store or --context");
  }

  @Override
  public void repair() {
    ask(store -> {
      store.repair();
      return Boolean.TRUE;
    });
  }

  @Override
  public boolean isReadOnly() {
    return members.stream().allMatch(member -> member.store().isReadOnly());
  }

  @Override
  public String describe() {
    return "fleet of " + members.size() + " stores: " + String.join(", ", members.stream().map(Member::name).toList());
  }

  /** Each member's notices as {@code NAME: notice}, then one {@code store NAME ...: why} line per failure. */
  @Override
  public List<String> notices() {
    List<String> notices = new ArrayList<>();
    for (Member member : members) {
      if (failedMembers.contains(member.name())) {
        continue;   // it may still be answering on its own thread
      }
      member.store().notices().forEach(notice -> notices.add(member.name() + ": " + notice));
    }
    failures().forEach(failure -> notices.add("store " + failure));
    return notices;
  }

  @Override
  public void close() {
    members.forEach(member -> member.store().close());
  }
}
