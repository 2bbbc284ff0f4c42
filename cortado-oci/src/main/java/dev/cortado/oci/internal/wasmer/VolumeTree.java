package dev.cortado.oci.internal.wasmer;

import dev.cortado.oci.Digest;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.WasmerVolume;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a volume's header: a tree of directory and file entries, each at an offset from the
 * header's start. A directory lists its children as (offset, name) pairs; a file gives the range of
 * its bytes in the volume's data and their SHA-256. Version 3 adds timestamps (24 bytes) to both, a
 * SHA-256 to every directory (of its children's hashes, in order) and each child's hash to its
 * directory's list.
 *
 * <p>Every offset and range is checked against its section, every name against {@link
 * PackagePaths}, every hash against the bytes; an offset visited twice (a loop, or one entry under
 * two names) and trees deeper than {@value #MAX_DEPTH} are refused.
 */
final class VolumeTree {
  private static final int DIRECTORY = 30;
  private static final int FILE = 31;
  private static final int HASH = 32;
  private static final int TIMESTAMPS = 24;
  private static final int MAX_DEPTH = 256;
  private static final byte[] NO_HASH = new byte[HASH];

  private final Cursor header;
  private final Cursor data;
  private final boolean v3;
  private final String volume;
  private final String what;
  private final Budget budget;
  private final Set<Long> visited = new HashSet<>();
  private final Map<String, WasmerVolume.File> files = new LinkedHashMap<>();
  private final Set<String> directories = new TreeSet<>();

  private VolumeTree(
      Cursor header, Cursor data, boolean v3, String volume, String what, Budget budget) {
    this.header = header;
    this.data = data;
    this.v3 = v3;
    this.volume = volume;
    this.what = what;
    this.budget = budget;
  }

  /** Reads the tree of volume {@code volume} from its {@code header} and {@code data}. */
  static WasmerVolume read(
      Cursor header, Cursor data, boolean v3, String volume, String what, Budget budget) {
    VolumeTree tree = new VolumeTree(header, data, v3, volume, what, budget);
    if (header.u8("the root entry of volume " + volume) != DIRECTORY) {
      throw header.malformed("the root of volume " + volume + " is not a directory");
    }
    tree.directory(0, "", 0);
    return WasmerVolume.of(volume, tree.files, tree.directories);
  }

  /** Reads the entry at {@code offset} as {@code path}; returns its hash (v3) or null. */
  private byte[] entry(long offset, String path, int depth) {
    if (!visited.add(offset)) {
      throw header.malformed(
          "in volume " + volume + ", " + path + " points at an entry already read (a loop)");
    }
    if (depth > MAX_DEPTH) {
      throw PackagePaths.unsafe(what, "volume " + volume + " nests deeper than " + MAX_DEPTH);
    }
    header.seek(offset, "the entry of " + path);
    int tag = header.u8("the tag of " + path);
    return switch (tag) {
      case DIRECTORY -> {
        directories.add(path);
        budget.entry(path);
        yield directory(offset, path, depth);
      }
      case FILE -> file(path);
      default -> throw header.malformed("the entry of " + path + " has the unknown tag " + tag);
    };
  }

  /** Reads a directory whose tag was just read at {@code offset}. */
  private byte[] directory(long offset, String path, int depth) {
    String at = path.isEmpty() ? "the root of volume " + volume : path;
    long length = header.u64("the length of " + at);
    Cursor body = header.take(length, "the entries of " + at);
    if (offset == 0) {
      visited.add(0L);
    }
    byte[] ownHash = null;
    if (v3) {
      body.skip(TIMESTAMPS, "the timestamps of " + at);
      ownHash = body.bytes(HASH, "the hash of " + at);
    }
    MessageDigest children = Digest.newSha256();
    Set<String> names = new HashSet<>();
    while (!body.atEnd()) {
      long childOffset = body.u64("an entry's offset in " + at);
      byte[] listedHash = v3 ? body.bytes(HASH, "an entry's hash in " + at) : null;
      String name =
          PackagePaths.name(
              body.utf8(body.u64("an entry's name length in " + at), "a name in " + at), at, what);
      if (!names.add(name)) {
        throw header.malformed(at + " lists '" + name + "' twice");
      }
      String child = PackagePaths.join(path, name);
      byte[] actual = entry(childOffset, child, depth + 1);
      if (v3) {
        if (!Arrays.equals(listedHash, actual)) {
          throw mismatch("the hash " + at + " lists for " + child + " is not " + child + "'s");
        }
        children.update(actual);
      }
    }
    if (v3 && !Arrays.equals(ownHash, children.digest())) {
      throw mismatch("the hash of " + at + " does not match its entries");
    }
    return ownHash;
  }

  private byte[] file(String path) {
    long from = header.u64("the start of " + path);
    long to = header.u64("the end of " + path);
    byte[] sha = header.bytes(HASH, "the SHA-256 of " + path);
    if (v3) {
      header.skip(TIMESTAMPS, "the timestamps of " + path);
    }
    if (to < from) {
      throw header.malformed(path + " ends (" + to + ") before it starts (" + from + ")");
    }
    budget.file(path, to - from);
    Cursor content = data.range(from, to - from, "the bytes of " + path);
    if (!Arrays.equals(sha, NO_HASH) || v3) {
      MessageDigest md = Digest.newSha256();
      md.update(content.buffer());
      if (!Arrays.equals(sha, md.digest())) {
        throw mismatch("the bytes of " + path + " do not match their SHA-256");
      }
    }
    files.put(path, new WasmerVolume.File(path, content.buffer()));
    return sha;
  }

  private OciException mismatch(String why) {
    return new OciException(
        Kind.DIGEST_MISMATCH, what + " was not used: in volume " + volume + ", " + why);
  }

  /** Returns the root's files, for the atoms volume (atoms are the root's files). */
  static List<String> rootFiles(WasmerVolume v) {
    return v.files().keySet().stream().filter(p -> p.indexOf('/') < 0).toList();
  }
}
