package dev.mimg.store;

/** One progress message of a pull: a layer (or the image) id, its status, and bytes done of total when known. */
public record PullEvent(String id, String status, long current, long total) {

  /** True for byte-progress messages (Downloading, Extracting) as opposed to state changes. */
  public boolean isProgress() {
    return total > 0;
  }
}
