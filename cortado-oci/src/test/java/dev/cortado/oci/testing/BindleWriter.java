package dev.cortado.oci.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds bindles for tests: an invoice written as the bindle and WAGI documentation lay it out
 * ({@code [[parcel]]}, {@code [parcel.label]}, {@code [parcel.label.feature.wagi]}, {@code
 * [parcel.conditions]}, {@code [[group]]}) and its parcels, kept as a standalone bindle folder or
 * published to a {@link BindleServerDouble}.
 */
public final class BindleWriter {
  private final String name;
  private final String version;
  private final StringBuilder groups = new StringBuilder();
  private final StringBuilder parcels = new StringBuilder();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  /** Starts bindle {@code name/version}. */
  public BindleWriter(String name, String version) {
    this.name = name;
    this.version = version;
  }

  /** Declares group {@code group}. */
  public BindleWriter group(String group) {
    groups.append("[[group]]\nname = \"").append(group).append("\"\n\n");
    return this;
  }

  /**
   * Adds a parcel.
   *
   * @param parcelName its label's name
   * @param mediaType its media type
   * @param bytes its content
   * @param wagi its {@code feature.wagi} keys and values (none: no feature table)
   * @param memberOf the groups it is a member of
   * @param requires the groups it requires
   */
  public BindleWriter parcel(
      String parcelName,
      String mediaType,
      byte[] bytes,
      Map<String, String> wagi,
      List<String> memberOf,
      List<String> requires) {
    String sha = sha256(bytes);
    contents.put(sha, bytes);
    parcels
        .append("[[parcel]]\n[parcel.label]\n")
        .append("name = \"")
        .append(parcelName)
        .append("\"\nmediaType = \"")
        .append(mediaType)
        .append("\"\nsize = ")
        .append(bytes.length)
        .append("\nsha256 = \"")
        .append(sha)
        .append("\"\n");
    if (!wagi.isEmpty()) {
      parcels.append("[parcel.label.feature.wagi]\n");
      wagi.forEach((k, v) -> parcels.append(k).append(" = \"").append(v).append("\"\n"));
    }
    if (!memberOf.isEmpty() || !requires.isEmpty()) {
      parcels.append("[parcel.conditions]\n");
      if (!memberOf.isEmpty()) {
        parcels.append("memberOf = ").append(list(memberOf)).append('\n');
      }
      if (!requires.isEmpty()) {
        parcels.append("requires = ").append(list(requires)).append('\n');
      }
    }
    parcels.append('\n');
    return this;
  }

  /** Returns the bindle's id, {@code name/version}. */
  public String id() {
    return name + "/" + version;
  }

  /** Returns the invoice's TOML. */
  public String invoice() {
    return "bindleVersion = \"1.0.0\"\n\n[bindle]\nname = \""
        + name
        + "\"\nversion = \""
        + version
        + "\"\nauthors = [\"Test <test@example.com>\"]\ndescription = \"a test bindle\"\n\n"
        + groups
        + parcels;
  }

  /** Returns the parcels' contents by SHA-256. */
  public Map<String, byte[]> parcels() {
    return Map.copyOf(contents);
  }

  /** Writes the standalone bindle into {@code folder}: invoice.toml and parcels/SHA.dat. */
  public Path writeStandalone(Path folder) {
    try {
      Files.createDirectories(folder.resolve("parcels"));
      Files.writeString(folder.resolve("invoice.toml"), invoice());
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        Files.write(folder.resolve("parcels").resolve(e.getKey() + ".dat"), e.getValue());
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the SHA-256 of {@code bytes} in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String list(List<String> items) {
    List<String> quoted = new ArrayList<>();
    items.forEach(i -> quoted.add("\"" + i + "\""));
    return "[" + String.join(", ", quoted) + "]";
  }
}
