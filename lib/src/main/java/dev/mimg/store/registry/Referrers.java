package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.registry.RegistryClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The referrers of a manifest (signatures, SBOMs, attestations: manifests whose {@code subject} it is), from both
 * places the OCI distribution spec keeps them: the referrers API ({@code GET /v2/NAME/referrers/DIGEST}, asked
 * only while the registry has it: the first 404 says it has none, as with the distribution registry 2.8), and the
 * tag schema for registries without it, an index tagged {@code <alg>-<hex>} of the subject's digest.
 */
final class Referrers {

  private static final Pattern TAG = Pattern.compile("(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})");

  private final RegistryClient client;
  private final AtomicReference<Boolean> api = new AtomicReference<>();

  Referrers(RegistryClient client) {
    this.client = client;
  }

  /** The subject a referrers tag stands for, or empty for an ordinary tag. */
  static Optional<Digest> subjectOf(String tag) {
    Matcher matcher = TAG.matcher(tag);
    return matcher.matches() ? Optional.of(Digest.parse(matcher.group(1) + ":" + matcher.group(2)))
        : Optional.empty();
  }

  /** The tag under which the referrers of {@code subject} are listed. */
  static String tagFor(Digest subject) {
    return subject.toString().replace(':', '-');
  }

  /** What the referrers API lists for {@code subject}; empty, without asking again, once the registry has none. */
  List<Descriptor> fromApi(Reference repository, Digest subject) {
    if (Boolean.FALSE.equals(api.get())) {
      return List.of();
    }
    Optional<List<Descriptor>> listed = client.referrers(repository, subject);
    api.compareAndSet(null, listed.isPresent());
    return listed.orElse(List.of());
  }

  /** The referrers of {@code subject}: those the API lists and {@code tagged} (the tag schema's), each once. */
  List<Descriptor> of(Reference repository, Digest subject, List<Descriptor> tagged) {
    Map<Digest, Descriptor> distinct = new LinkedHashMap<>();
    Stream.concat(fromApi(repository, subject).stream(), tagged.stream())
        .forEach(referrer -> distinct.putIfAbsent(referrer.digest(), referrer));
    return List.copyOf(distinct.values());
  }
}
