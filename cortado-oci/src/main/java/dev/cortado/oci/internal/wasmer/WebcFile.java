package dev.cortado.oci.internal.wasmer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.Digest;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.oci.WasmerPackage.Format;
import dev.cortado.oci.WasmerPackage.Limits;
import dev.cortado.oci.WasmerVolume;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .webc} container, versions 2 and 3: the magic {@code \0webc} and the version
 * ({@code 002}, {@code 003}), then the index section (tag 2, a u64 length, CBOR, padding) whose
 * spans locate the manifest (tag 1, CBOR), atoms (tag 3) and volume (tag 4) sections. Each of those
 * is a tag, in version 3 the SHA-256 of its data, a u64 length and the data; the index gives each a
 * checksum (SHA-256 of the data, or none). Atoms and volumes hold a header (a {@link VolumeTree})
 * and the data its files are ranges of; a volume section starts with its name.
 */
public final class WebcFile {
  private static final int HEADER = 8;
  private static final int TAG_MANIFEST = 1;
  private static final int TAG_INDEX = 2;
  private static final int TAG_ATOMS = 3;
  private static final int TAG_VOLUME = 4;

  private final Cursor file;
  private final Format format;
  private final String what;
  private final Limits limits;

  private WebcFile(Cursor file, Format format, String what, Limits limits) {
    this.file = file;
    this.format = format;
    this.what = what;
    this.limits = limits;
  }

  /** Reads the package in {@code bytes}; {@code what} names it in messages. */
  public static WasmerPackage read(byte[] bytes, String what, Limits limits) {
    Cursor file = Cursor.of(bytes, what);
    if (bytes.length < 5
        || !Arrays.equals(Arrays.copyOf(bytes, 5), new byte[] {0, 'w', 'e', 'b', 'c'})) {
      throw file.malformed("it does not start with webc's magic number (\\0webc)");
    }
    if (bytes.length < HEADER) {
      throw file.malformed("its version number is truncated");
    }
    String version = new String(bytes, 5, 3, StandardCharsets.ISO_8859_1);
    Format format =
        switch (version) {
          case "002" -> Format.WEBC_V2;
          case "003" -> Format.WEBC_V3;
          case "001" ->
              throw new OciException(
                  Kind.MALFORMED_PACKAGE,
                  what + " is a webc version 1 file; Cortado reads versions 2 and 3");
          default ->
              throw file.malformed(
                  "its version '"
                      + version.replaceAll("[^\\x20-\\x7e]", "?")
                      + "' is not a webc version (002 or 003)");
        };
    return new WebcFile(file, format, what, limits).read();
  }

  private WasmerPackage read() {
    file.seek(HEADER, "the index");
    int tag = file.u8("the index section's tag");
    if (tag != TAG_INDEX) {
      throw file.malformed("the section after the header has tag " + tag + ", not the index's (2)");
    }
    long indexLength = file.u64("the index section's length");
    checkManifestSize(indexLength, "index");
    JsonNode index = Cbor.parse(file.take(indexLength, "the index section"), "the index", what);
    Budget budget = new Budget(what, limits);

    JsonNode manifest =
        Cbor.parse(section(index.path("manifest"), TAG_MANIFEST, "manifest"), "the manifest", what);
    Cursor atomsSection = section(index.path("atoms"), TAG_ATOMS, "atoms");
    WasmerVolume atomsVolume = volume(atomsSection, "(atoms)", budget);
    Map<String, ByteBuffer> atoms = new LinkedHashMap<>();
    for (String name : VolumeTree.rootFiles(atomsVolume)) {
      atoms.put(name, atomsVolume.files().get(name).content());
    }

    List<WasmerVolume> volumes = new ArrayList<>();
    JsonNode volumeEntries = index.path("volumes");
    if (!volumeEntries.isMissingNode() && !volumeEntries.isObject()) {
      throw file.malformed("the index's volumes are not a map");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = volumeEntries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Cursor section = section(e.getValue(), TAG_VOLUME, "volume " + e.getKey());
      String name =
          section.utf8(section.u64("the name length of volume " + e.getKey()), "a volume name");
      if (!name.equals(e.getKey())) {
        throw file.malformed(
            "the index calls a volume '" + e.getKey() + "' that calls itself '" + name + "'");
      }
      volumes.add(volume(section, name, budget));
    }
    return WebcManifest.read(manifest, format, atoms, volumes, what);
  }

  /** Returns the data of the section the index entry {@code entry} locates, checked. */
  private Cursor section(JsonNode entry, int expectedTag, String name) {
    if (!entry.isObject()) {
      throw file.malformed("the index has no " + name + " section");
    }
    long start = integer(entry.path("span").path("start"), name + "'s start");
    long length = integer(entry.path("span").path("len"), name + "'s length");
    Cursor span = file.range(start, length, "the " + name + " section");
    int tag = span.u8("the " + name + " section's tag");
    if (tag != expectedTag) {
      throw file.malformed(
          "the index points at a section with tag " + tag + " for the " + name + " section");
    }
    byte[] hash =
        format == Format.WEBC_V3 ? span.bytes(32, "the " + name + " section's hash") : null;
    long dataLength = span.u64("the " + name + " section's length");
    if (dataLength != span.size() - span.position()) {
      throw file.malformed(
          "the "
              + name
              + " section says it holds "
              + dataLength
              + " bytes, the index "
              + (span.size() - span.position()));
    }
    if (expectedTag == TAG_MANIFEST) {
      checkManifestSize(dataLength, "manifest");
    }
    Cursor data = span.take(dataLength, "the " + name + " section's data");
    byte[] sha256 = null;
    if (hash != null) {
      sha256 = sha256(data);
      if (!Arrays.equals(hash, sha256)) {
        throw mismatch("the " + name + " section's data does not match its SHA-256");
      }
    }
    JsonNode checksum = entry.path("checksum");
    if ("checksum-sha256".equals(checksum.path("tag").asText())) {
      byte[] expected = binary(checksum.path("value"), name + "'s checksum");
      if (!Arrays.equals(expected, sha256 != null ? sha256 : sha256(data))) {
        throw mismatch("the " + name + " section does not match the index's checksum");
      }
    }
    return data;
  }

  private WasmerVolume volume(Cursor section, String name, Budget budget) {
    Cursor header =
        section.take(section.u64("the header length of " + name), "the header of " + name);
    Cursor data = section.take(section.u64("the data length of " + name), "the data of " + name);
    return VolumeTree.read(header, data, format == Format.WEBC_V3, name, what, budget);
  }

  private void checkManifestSize(long length, String name) {
    if (length > limits.maxManifest()) {
      throw PackagePaths.unsafe(
          what, "its " + name + " is " + length + " bytes, more than " + limits.maxManifest());
    }
  }

  private long integer(JsonNode n, String name) {
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
      throw file.malformed("the index gives " + name + " as " + n);
    }
    return n.asLong();
  }

  private byte[] binary(JsonNode n, String name) {
    if (n.isBinary()) {
      try {
        return n.binaryValue();
      } catch (java.io.IOException e) {
        throw file.malformed(name + " is not bytes");
      }
    }
    if (n.isArray()) {
      byte[] b = new byte[n.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) n.get(i).asInt();
      }
      return b;
    }
    throw file.malformed(name + " is not bytes");
  }

  private static byte[] sha256(Cursor data) {
    MessageDigest md = Digest.newSha256();
    md.update(data.buffer());
    return md.digest();
  }

  private OciException mismatch(String why) {
    return new OciException(Kind.DIGEST_MISMATCH, what + " was not used: " + why);
  }
}
