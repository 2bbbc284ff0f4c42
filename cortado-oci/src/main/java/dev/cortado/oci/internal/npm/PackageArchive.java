package dev.cortado.oci.internal.npm;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an npm package tarball (tar in gzip, every path under one top folder, usually {@code
 * package/}) without trusting it: every entry is checked before anything is kept, and the archive
 * is refused whole, with the reason, when an entry's path is absolute or climbs with {@code ..},
 * when it is a link, a device or a FIFO, or when an entry or all of them together are larger than
 * the limits (a decompression bomb). Nothing is written to disk: the one entry the caller keeps is
 * returned as bytes.
 *
 * @see <a href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html">ustar and pax
 *     formats</a>
 */
public final class PackageArchive {
  private static final int BLOCK = 512;
  private static final int MAX_PAX = 1024 * 1024;

  /**
   * How much a package may unpack to.
   *
   * @param maxEntry the largest one entry may be, in bytes
   * @param maxTotal the largest all entries together may be, in bytes
   * @param maxEntries the most entries (files and folders)
   */
  public record Limits(long maxEntry, long maxTotal, int maxEntries) {}

  /**
   * What a package holds.
   *
   * @param files every regular file's path inside the package, in archive order
   * @param kept the first file the caller asked to keep, with its bytes
   */
  public record Contents(List<String> files, Optional<Kept> kept) {}

  /** A file taken out of the package. */
  public record Kept(String path, byte[] bytes) {}

  private final String what;
  private final Limits limits;
  private final boolean topFolder;

  private PackageArchive(String what, Limits limits, boolean topFolder) {
    this.what = what;
    this.limits = limits;
    this.topFolder = topFolder;
  }

  /**
   * Reads the tarball {@code tgz}, keeping the first regular file whose path inside the package
   * {@code keep} accepts.
   *
   * @param what the package, for messages ("tarball of foo@1.0.0")
   * @throws OciException {@link Kind#UNSAFE_ARCHIVE} for a hostile or oversized archive, {@link
   *     Kind#REGISTRY_ERROR} when it is not a tar in gzip
   */
  public static Contents read(Path tgz, String what, Limits limits, Predicate<String> keep) {
    List<Kept> kept = new ArrayList<>();
    List<String> files = new PackageArchive(what, limits, true).scan(tgz, keep, kept, 1);
    return new Contents(files, kept.stream().findFirst());
  }

  /**
   * Reads a tarball whose paths start at its root (no top folder, as wapm packs packages), with the
   * same checks as {@link #read}, keeping every regular file.
   *
   * @return every regular file, in archive order
   */
  public static List<Kept> readAll(Path tgz, String what, Limits limits) {
    List<Kept> kept = new ArrayList<>();
    new PackageArchive(what, limits, false).scan(tgz, path -> true, kept, Integer.MAX_VALUE);
    return List.copyOf(kept);
  }

  private List<String> scan(Path tgz, Predicate<String> keep, List<Kept> kept, int maxKept) {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 65536), 65536)) {
      return entries(in, keep, kept, maxKept);
    } catch (ZipException e) {
      throw new OciException(
          Kind.REGISTRY_ERROR, "the " + what + " is not a gzip-compressed tar archive", e);
    } catch (EOFException e) {
      throw new OciException(Kind.REGISTRY_ERROR, "the " + what + " is truncated", e);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, "cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  private List<String> entries(InputStream in, Predicate<String> keep, List<Kept> kept, int maxKept)
      throws IOException {
    List<String> files = new ArrayList<>();
    long total = 0;
    int count = 0;
    String longName = null;
    String paxPath = null;
    long paxSize = -1;
    byte[] header = new byte[BLOCK];
    while (true) {
      if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
        throw new EOFException();
      }
      if (isZero(header)) {
        break;
      }
      checkChecksum(header);
      if (++count > limits.maxEntries()) {
        throw unsafe("it has more than " + limits.maxEntries() + " entries");
      }
      char type = (char) header[156];
      long size = paxSize >= 0 ? paxSize : number(header, 124, 12);
      String name = paxPath != null ? paxPath : longName != null ? longName : name(header);
      if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
        if (size > MAX_PAX) {
          throw unsafe("an extended header of " + size + " bytes is larger than " + MAX_PAX);
        }
        byte[] data = readPadded(in, size);
        if (type == 'x') {
          paxPath = paxValue(data, "path");
          String s = paxValue(data, "size");
          paxSize = s == null ? -1 : parseSize(s);
        } else if (type == 'L') {
          longName = cString(data, 0, data.length);
        }
        continue;
      }
      longName = null;
      paxPath = null;
      paxSize = -1;
      String path = checkedPath(name);
      switch (type) {
        case '1', '2' -> throw unsafe("entry '" + name + "' is a link");
        case '3', '4' -> throw unsafe("entry '" + name + "' is a device file");
        case '6' -> throw unsafe("entry '" + name + "' is a FIFO");
        case '5' -> {
          skipPadded(in, size);
          continue;
        }
        case '0', '\0', '7' -> {}
        default -> throw unsafe("entry '" + name + "' is of unknown type '" + type + "'");
      }
      if (size > limits.maxEntry()) {
        throw unsafe("entry '" + name + "' unpacks to " + size + " bytes, more than the limit");
      }
      total += size;
      if (total > limits.maxTotal()) {
        throw unsafe("it unpacks to more than " + limits.maxTotal() + " bytes");
      }
      if (path.isEmpty()) {
        skipPadded(in, size);
        continue;
      }
      files.add(path);
      if (kept.size() < maxKept && keep.test(path)) {
        kept.add(new Kept(path, readPadded(in, size)));
      } else {
        skipPadded(in, size);
      }
    }
    return List.copyOf(files);
  }

  /**
   * Returns the path inside the package (the top folder removed, if the archive has one; empty for
   * the top folder's own entry), refusing absolute paths and {@code ..}.
   */
  private String checkedPath(String name) {
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\\")) {
      throw unsafe("entry '" + name + "' has an absolute path");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw unsafe("entry '" + name + "' climbs out of the package with '..'");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    int first = topFolder ? 1 : 0;
    return parts.size() <= first ? "" : String.join("/", parts.subList(first, parts.size()));
  }

  private OciException unsafe(String why) {
    return new OciException(
        Kind.UNSAFE_ARCHIVE, "the " + what + " is unsafe and was not used: " + why);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private void checkChecksum(byte[] h) {
    long expected = number(h, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    if (sum != expected) {
      throw new OciException(
          Kind.REGISTRY_ERROR, "the " + what + " is not a valid tar archive (bad header checksum)");
    }
  }

  private static String name(byte[] h) {
    String name = cString(h, 0, 100);
    boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? cString(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** Reads an octal field, or a base-256 one (first byte's high bit set). */
  private long number(byte[] h, int off, int len) {
    if ((h[off] & 0x80) != 0) {
      long v = h[off] & 0x3f;
      for (int i = off + 1; i < off + len; i++) {
        if (v > (Long.MAX_VALUE >> 8)) {
          throw unsafe("a size field is out of range");
        }
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    String s = cString(h, off, len).strip();
    if (s.isEmpty()) {
      return 0;
    }
    // Octal digits only: Long.parseLong would also take a sign, and a negative size would read
    // backwards.
    if (!s.chars().allMatch(c -> c >= '0' && c <= '7') || s.length() > 21) {
      throw new OciException(
          Kind.REGISTRY_ERROR,
          "the " + what + " is not a valid tar archive (bad number field '" + s + "')");
    }
    return Long.parseLong(s, 8);
  }

  private long parseSize(String s) {
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw unsafe("an extended header gives the size '" + s + "'");
    }
    return Long.parseLong(s);
  }

  private static String paxValue(byte[] data, String key) {
    String value = null;
    int i = 0;
    while (i < data.length) {
      int space = i;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int len;
      try {
        len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        return value;
      }
      // A record is "<len> <key>=<value>\n", len counting all of it: at least one character of
      // its own after the space, the newline.
      if (len <= 0 || len > data.length - i || space + 1 >= i + len) {
        return value;
      }
      String record = new String(data, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0 && record.substring(0, eq).equals(key)) {
        value = record.substring(eq + 1);
      }
      i += len;
    }
    return value;
  }

  private byte[] readPadded(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 8) {
      throw unsafe("an entry of " + size + " bytes is too large to hold in memory");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException();
    }
    skipFully(in, padding(size));
    return data;
  }

  private static void skipPadded(InputStream in, long size) throws IOException {
    skipFully(in, size + padding(size));
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }
}
