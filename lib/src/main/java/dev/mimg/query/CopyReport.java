package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.HumanSize;
import java.util.List;

/**
 * What a copy moved (or, under a dry run, would move): the image's digest, the platforms it carries, the blobs
 * copied (how many were mounted within one registry) and those the destination had already, the manifests, and the
 * platforms whose content came from the registry the image came from (a shallow source); {@code newIndexOf}, when
 * the copy is a new index of some platforms (into a registry), the digest of the image's own index.
 */
public record CopyReport(String source, String destination, Digest digest, List<String> platforms, int blobs,
    long bytes, int mounted, int blobsPresent, long bytesPresent, int manifests, List<String> fromOrigin,
    Digest newIndexOf, boolean dryRun) {

  /** Defensive copies. */
  public CopyReport {
    platforms = List.copyOf(platforms);
    fromOrigin = List.copyOf(fromOrigin);
  }

  /** A few lines as a user reads them. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(dryRun ? "would copy " : "copied ").append(source).append(" to ").append(destination).append('\n');
    out.append("  digest: ").append(digest).append(platforms.isEmpty() ? "" : " (" + String.join(", ", platforms)
        + ")").append('\n');
    if (newIndexOf != null) {
      out.append("  a new index of these platforms: the image's own index ").append(newIndexOf)
          .append(" names more\n");
    }
    out.append("  blobs: ").append(blobs).append(dryRun ? " to copy (" : " copied (").append(HumanSize.format(bytes))
        .append(mounted > 0 ? ", " + mounted + " mounted" : "").append("), ").append(blobsPresent)
        .append(" already there (").append(HumanSize.format(bytesPresent)).append(")\n");
    out.append("  manifests: ").append(manifests).append(", the top one last under the name\n");
    if (!fromOrigin.isEmpty()) {
      out.append("  from the registry the image came from: ").append(String.join(", ", fromOrigin)).append('\n');
    }
    return out.toString();
  }
}
