package dev.mimg.store.registry;

import dev.mimg.model.Digest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCI distribution spec's referrers tag schema, for registries without the referrers API (the distribution
 * registry 2.8 answers it 404): the referrers of a manifest (signatures, SBOMs, attestations: manifests whose
 * {@code subject} it is) are listed in an index tagged {@code <alg>-<hex>} of that manifest's digest.
 */
final class Referrers {

  private static final Pattern TAG = Pattern.compile("(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})");

  private Referrers() {
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
}
