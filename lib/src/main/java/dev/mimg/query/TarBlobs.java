package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.InvalidInputException;
import dev.mimg.store.oci.OciLayout;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The blobs of an OCI layout in a tar (an engine's image export), each stored in a layout through
 * {@link OciLayout#putBlob} (so verified against the digest its path names); other files are skipped. Reads ustar
 * and the PAX headers Go's archive/tar writes for long names.
 */
final class TarBlobs {

  private static final int BLOCK = 512;

  private TarBlobs() {
  }

  /** Stores every {@code blobs/ALG/HEX} file of the tar {@code in} into {@code layout}; returns how many. */
  static int extract(InputStream in, OciLayout layout) throws IOException {
    int count = 0;
    String paxPath = null;
    byte[] header = new byte[BLOCK];
    while (readBlock(in, header)) {
      if (isZero(header)) {
        break;
      }
      String name = paxPath != null ? paxPath : text(header, 345, 155).isEmpty() ? text(header, 0, 100)
          : text(header, 345, 155) + "/" + text(header, 0, 100);
      paxPath = null;
      long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
      char type = (char) header[156];
      Limited body = new Limited(in, size);
      if (type == 'x') {
        paxPath = paxPath(body.readAllBytes());
      } else if ((type == '0' || type == 0) && name.matches("(\\./)?blobs/sha(256|512)/[0-9a-f]+")) {
        String[] parts = name.replaceFirst("^\\./", "").split("/");
        layout.putBlob(Digest.parse(parts[1] + ":" + parts[2]), size, body);
        count++;
      }
      body.skipRest();
      long padding = (BLOCK - size % BLOCK) % BLOCK;
      in.skipNBytes(padding);
    }
    return count;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new IOException("the tar ends inside a header");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8).strip();
  }

  /** The {@code path} record of a PAX header, or null. */
  private static String paxPath(byte[] records) {
    for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  /** One entry's bytes of the tar. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long size) {
      super(in);
      if (size < 0) {
        throw new InvalidInputException("a tar entry of negative size");
      }
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left == 0) {
        return -1;
      }
      int b = super.read();
      if (b < 0) {
        throw new IOException("the tar ends inside an entry");
      }
      left--;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n < 0) {
        throw new IOException("the tar ends inside an entry");
      }
      left -= n;
      return n;
    }

    @Override
    public void close() {
      // the tar stream stays open for the next entry
    }

    void skipRest() throws IOException {
      in.skipNBytes(left);
      left = 0;
    }
  }
}
