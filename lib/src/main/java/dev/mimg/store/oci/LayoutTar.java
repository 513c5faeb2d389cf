package dev.mimg.store.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An OCI image layout directory as a tar stream (what {@code docker load} takes): its regular files in name order
 * ({@code oci-layout}, {@code index.json}, the blobs), each read only when the stream reaches it, so an image of
 * any size streams without being held in memory. ustar headers; sizes beyond 8 GiB in base-256, as GNU tar writes
 * them.
 */
public final class LayoutTar {

  private static final int BLOCK = 512;
  private static final long MAX_OCTAL = 077777777777L;

  private LayoutTar() {
  }

  /** The tar of {@code directory}'s regular files (relative names; no directories or links). */
  public static InputStream of(Path directory) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Supplier<InputStream>> parts = new ArrayList<>();
    for (Path file : files) {
      String name = directory.relativize(file).toString().replace('\\', '/');
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      parts.add(() -> new ByteArrayInputStream(header(name, size)));
      parts.add(() -> open(file));
      int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
      if (padding > 0) {
        parts.add(() -> new ByteArrayInputStream(new byte[padding]));
      }
    }
    parts.add(() -> new ByteArrayInputStream(new byte[2 * BLOCK]));
    Iterator<Supplier<InputStream>> next = parts.iterator();
    return new SequenceInputStream(new Enumeration<>() {
      @Override
      public boolean hasMoreElements() {
        return next.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return next.next().get();
      }
    });
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ustar header of a regular file, mode 0644, owner 0, time 0. */
  static byte[] header(String name, long size) {
    byte[] name8 = name.getBytes(StandardCharsets.UTF_8);
    if (name8.length > 100) {
      throw new IllegalArgumentException("a layout file name longer than 100 bytes: " + name);
    }
    byte[] header = new byte[BLOCK];
    System.arraycopy(name8, 0, header, 0, name8.length);
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    if (size <= MAX_OCTAL) {
      octal(header, 124, 12, size);
    } else {
      header[124] = (byte) 0x80;
      for (int i = 0; i < 8; i++) {
        header[135 - i] = (byte) (size >>> (8 * i));
      }
    }
    octal(header, 136, 12, 0);
    header[156] = '0';
    System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    return header;
  }

  /** {@code value} as zero-padded octal digits in {@code length - 1} bytes, then a NUL. */
  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
    header[offset + length - 1] = 0;
  }
}
