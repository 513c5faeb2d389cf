package dev.mimg.notebook;

import java.util.Base64;

/** A chart made for a notebook: PNG bytes, shown as an image (base64 for the notebook's JSON). */
public record Chart(String title, byte[] png) {

  /** The PNG as base64, as a notebook stores {@code image/png} outputs. */
  public String base64() {
    return Base64.getEncoder().encodeToString(png);
  }

  /** The title and size, for plain-text displays. */
  @Override
  public String toString() {
    return title + " (PNG, " + png.length + " bytes)";
  }
}
