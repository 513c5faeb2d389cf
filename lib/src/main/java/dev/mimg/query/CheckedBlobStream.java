package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** A blob's bytes as read, hashed on the way: its end fails with an IOException on a size or digest mismatch. */
final class CheckedBlobStream extends FilterInputStream {

  private final Descriptor blob;
  private final String where;
  private final MessageDigest hasher;
  private long count;
  private boolean checked;

  CheckedBlobStream(InputStream in, Descriptor blob, String where) {
    super(in);
    this.blob = blob;
    this.where = where;
    this.hasher = Digest.hasher(blob.digest().algorithm());
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      check();
    } else {
      hasher.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      check();
    } else {
      hasher.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("a checked blob stream is read, not skipped");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    Digest actual = Digest.fromHash(blob.digest().algorithm(), hasher.digest());
    if (count != blob.size() || !actual.equals(blob.digest())) {
      throw new IOException("blob " + blob.digest() + " in " + where + " is damaged: " + count + " bytes of digest "
          + actual + ", expected " + blob.size() + " bytes");
    }
  }
}
