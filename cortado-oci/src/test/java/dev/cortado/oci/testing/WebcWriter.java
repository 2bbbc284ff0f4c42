package dev.cortado.oci.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code .webc} files, versions 2 and 3, from the format's description (webc's {@code Tag},
 * {@code Index}, volume header and writer): the header {@code \0webc} + {@code 002}/{@code 003};
 * the index section (tag 2, u64 length, CBOR, zero padding) with each section's span and SHA-256
 * checksum; the manifest (tag 1, CBOR), atoms (tag 3) and volume (tag 4) sections, each a tag, in
 * version 3 the SHA-256 of its data, a u64 length and the data. A volume is a header of directory
 * (tag 30) and file (tag 31) entries in preorder, then the files' data (identical contents stored
 * once). Version 3 adds 24 bytes of timestamps to entries, a hash to each directory (SHA-256 of its
 * children's hashes) and each child's hash to its directory's list.
 *
 * <p>Trees are built from {@link Node}s, so a test can also write what a real writer never would:
 * names like {@code ..}, entries pointing anywhere ({@link #pointer}), files outside the data
 * ({@link #rawFile}).
 */
public final class WebcWriter {
  /** The WASI runner's URI. */
  public static final String WASI = "https://webc.org/runner/wasi";

  /** A node of a volume's tree. */
  public sealed interface Node permits Dir, File, RawFile, Pointer {}

  /** A directory and its children by name, in order. */
  public record Dir(Map<String, Node> children) implements Node {}

  /** A file and its bytes. */
  public record File(byte[] bytes) implements Node {}

  /** A file entry with any range and hash. */
  public record RawFile(long start, long end, byte[] sha256) implements Node {}

  /** An entry that points at any offset of the header (its listed hash is zeros). */
  public record Pointer(long offset) implements Node {}

  private static final ObjectMapper CBOR = new CBORMapper();
  private final boolean v3;
  private Object manifest = Map.of();
  private byte[] rawManifest;
  private final Map<String, Node> atoms = new LinkedHashMap<>();
  private final Map<String, Dir> volumes = new LinkedHashMap<>();
  private boolean checksums = true;

  private WebcWriter(boolean v3) {
    this.v3 = v3;
  }

  /** Starts a version 2 file. */
  public static WebcWriter v2() {
    return new WebcWriter(false);
  }

  /** Starts a version 3 file. */
  public static WebcWriter v3() {
    return new WebcWriter(true);
  }

  /** Sets the manifest (maps, lists, strings, numbers: written as CBOR). */
  public WebcWriter manifest(Object value) {
    this.manifest = value;
    return this;
  }

  /** Sets the manifest section's bytes as they are (any bytes, CBOR or not). */
  public WebcWriter rawManifest(byte[] bytes) {
    this.rawManifest = bytes.clone();
    return this;
  }

  /** Adds an atom. */
  public WebcWriter atom(String name, byte[] bytes) {
    atoms.put(name, new File(bytes));
    return this;
  }

  /** Adds a volume of {@code files} by path ({@code a/b.txt}); folders are made from the paths. */
  public WebcWriter volume(String name, Map<String, byte[]> files) {
    return volume(name, tree(files));
  }

  /** Adds a volume with the tree {@code root}. */
  public WebcWriter volume(String name, Dir root) {
    volumes.put(name, root);
    return this;
  }

  /** Writes "checksum-none" in the index instead of SHA-256 checksums. */
  public WebcWriter withoutChecksums() {
    checksums = false;
    return this;
  }

  /** Returns a directory of files by path. */
  public static Dir tree(Map<String, byte[]> files) {
    Map<String, Node> root = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      String[] parts = e.getKey().split("/");
      Map<String, Node> dir = root;
      for (int i = 0; i < parts.length - 1; i++) {
        dir = ((Dir) dir.computeIfAbsent(parts[i], k -> new Dir(new LinkedHashMap<>()))).children();
      }
      dir.put(parts[parts.length - 1], new File(e.getValue()));
    }
    return new Dir(root);
  }

  /** Returns a directory of these children, in this order. */
  public static Dir dir(Object... nameThenNode) {
    Map<String, Node> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenNode.length; i += 2) {
      m.put((String) nameThenNode[i], (Node) nameThenNode[i + 1]);
    }
    return new Dir(m);
  }

  /** Returns an entry that points at {@code offset} of the header. */
  public static Pointer pointer(long offset) {
    return new Pointer(offset);
  }

  /** Returns a file entry for data range {@code start..end} with {@code sha256}. */
  public static RawFile rawFile(long start, long end, byte[] sha256) {
    return new RawFile(start, end, sha256);
  }

  /** Returns a map of these keys and values, in this order (manifests are maps of maps). */
  public static Map<String, Object> map(Object... keyThenValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyThenValue.length; i += 2) {
      m.put((String) keyThenValue[i], keyThenValue[i + 1]);
    }
    return m;
  }

  /** Returns a WASI command's manifest entry running {@code atom} with {@code mainArgs}. */
  public static Map<String, Object> wasiCommand(String atom, String... mainArgs) {
    Map<String, Object> wasi = new LinkedHashMap<>();
    wasi.put("atom", atom);
    if (mainArgs.length > 0) {
      wasi.put("main-args", List.of(mainArgs));
    }
    return Map.of(
        "runner", WASI, "annotations", Map.of("atom", Map.of("name", atom), "wasi", wasi));
  }

  /** Returns an {@code fs} annotation entry. */
  public static Map<String, Object> fsMapping(String volume, String hostPath, String mountPath) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("volume_name", volume);
    m.put("host_path", hostPath);
    m.put("mount_path", mountPath);
    return m;
  }

  /** Returns the file's bytes. */
  public byte[] build() {
    List<byte[]> sections = new ArrayList<>();
    sections.add(section(1, rawManifest != null ? rawManifest : cbor(manifest)));
    sections.add(section(3, volumeData(null, new Dir(atoms))));
    volumes.forEach((name, root) -> sections.add(section(4, volumeData(name, root))));

    List<String> names = new ArrayList<>(volumes.keySet());
    int guess = cbor(index(sections, names, 0)).length;
    int allocated = guess + 32 + 16 * sections.size();
    int base = 8 + 1 + 8 + allocated;
    byte[] index = cbor(index(sections, names, base));
    if (index.length > allocated) {
      throw new IllegalStateException("index padding too small");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'w', 'e', 'b', 'c', '0', '0', v3 ? (byte) '3' : (byte) '2'});
    out.write(2);
    out.writeBytes(u64(allocated));
    out.writeBytes(Arrays.copyOf(index, allocated));
    sections.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private Map<String, Object> index(List<byte[]> sections, List<String> names, int base) {
    int[] offsets = new int[sections.size()];
    int at = base;
    for (int i = 0; i < sections.size(); i++) {
      offsets[i] = at;
      at += sections.get(i).length;
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("manifest", entry(sections.get(0), offsets[0]));
    index.put("atoms", entry(sections.get(1), offsets[1]));
    Map<String, Object> vols = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      vols.put(names.get(i), entry(sections.get(i + 2), offsets[i + 2]));
    }
    index.put("volumes", vols);
    index.put("signature", Map.of("tag", "signature-none", "value", new byte[0]));
    return index;
  }

  private Map<String, Object> entry(byte[] section, int offset) {
    int head = 1 + (v3 ? 32 : 0) + 8;
    byte[] data = Arrays.copyOfRange(section, head, section.length);
    Map<String, Object> checksum =
        checksums
            ? Map.of("tag", "checksum-sha256", "value", sha256(data))
            : Map.of("tag", "checksum-none", "value", new byte[0]);
    return Map.of("span", Map.of("start", offset, "len", section.length), "checksum", checksum);
  }

  private byte[] section(int tag, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (v3) {
      out.writeBytes(sha256(data));
    }
    out.writeBytes(u64(data.length));
    out.writeBytes(data);
    return out.toByteArray();
  }

  private byte[] volumeData(String name, Dir root) {
    Layout layout = new Layout();
    layout.place(root, 0);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    layout.write(root, header);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (name != null) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(u64(n.length));
      out.writeBytes(n);
    }
    out.writeBytes(u64(header.size()));
    out.writeBytes(header.toByteArray());
    out.writeBytes(u64(layout.data.size()));
    out.writeBytes(layout.data.toByteArray());
    return out.toByteArray();
  }

  /** Offsets of a tree's entries (preorder) and its data, contents stored once. */
  private final class Layout {
    final Map<Node, Integer> offsets = new IdentityHashMap<>();
    final Map<ByteBuffer, long[]> ranges = new HashMap<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();

    int place(Node node, int offset) {
      if (node instanceof Pointer) {
        return offset;
      }
      offsets.put(node, offset);
      int end = offset + size(node);
      if (node instanceof Dir d) {
        for (Node child : d.children().values()) {
          end = place(child, end);
        }
      }
      return end;
    }

    int size(Node node) {
      return switch (node) {
        case Dir d -> {
          int s = 1 + 8 + (v3 ? 24 + 32 : 0);
          for (String name : d.children().keySet()) {
            s += 8 + (v3 ? 32 : 0) + 8 + name.getBytes(StandardCharsets.UTF_8).length;
          }
          yield s;
        }
        case File f -> 1 + 8 + 8 + 32 + (v3 ? 24 : 0);
        case RawFile r -> 1 + 8 + 8 + 32 + (v3 ? 24 : 0);
        case Pointer p -> 0;
      };
    }

    byte[] hash(Node node) {
      return switch (node) {
        case Dir d -> {
          MessageDigest md = newSha256();
          d.children().values().forEach(c -> md.update(hash(c)));
          yield md.digest();
        }
        case File f -> sha256(f.bytes());
        case RawFile r -> r.sha256();
        case Pointer p -> new byte[32];
      };
    }

    void write(Node node, ByteArrayOutputStream out) {
      switch (node) {
        case Dir d -> {
          out.write(30);
          out.writeBytes(u64(size(d) - 9));
          if (v3) {
            out.writeBytes(new byte[24]);
            out.writeBytes(hash(d));
          }
          d.children()
              .forEach(
                  (name, child) -> {
                    out.writeBytes(
                        u64(child instanceof Pointer p ? p.offset() : offsets.get(child)));
                    if (v3) {
                      out.writeBytes(hash(child));
                    }
                    byte[] n = name.getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(u64(n.length));
                    out.writeBytes(n);
                  });
          d.children().values().forEach(child -> write(child, out));
        }
        case File f -> {
          long[] range =
              ranges.computeIfAbsent(
                  ByteBuffer.wrap(f.bytes()),
                  k -> {
                    long start = data.size();
                    data.writeBytes(f.bytes());
                    return new long[] {start, data.size()};
                  });
          fileEntry(out, range[0], range[1], sha256(f.bytes()));
        }
        case RawFile r -> fileEntry(out, r.start(), r.end(), r.sha256());
        case Pointer p -> {}
      }
    }

    void fileEntry(ByteArrayOutputStream out, long start, long end, byte[] sha) {
      out.write(31);
      out.writeBytes(u64(start));
      out.writeBytes(u64(end));
      out.writeBytes(sha);
      if (v3) {
        out.writeBytes(new byte[24]);
      }
    }
  }

  private static byte[] cbor(Object value) {
    try {
      return CBOR.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Returns {@code v} as 8 little-endian bytes. */
  public static byte[] u64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  /** Returns the SHA-256 of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    return newSha256().digest(bytes);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
