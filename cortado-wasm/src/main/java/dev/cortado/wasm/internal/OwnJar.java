package dev.cortado.wasm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Resources read from the jar a class came from, not through its class loader. Asked for a
 * resource, the application class loader opens every jar of the class path in turn until one has
 * it; a start whose classes come from the AOT cache or CDS archive has opened none of them, so
 * reading {@code version.properties} that way cost {@code cortado run} 10-28 ms (RATIONALE.md:
 * "Start-up reads its own jars only").
 */
public final class OwnJar {
  private OwnJar() {}

  /** Returns the jar {@code c} was loaded from; empty when it came from a folder (tests) or JDK. */
  public static Optional<Path> of(Class<?> c) {
    var source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the resources {@code names} (relative to {@code c}'s package, as {@link
   * Class#getResourceAsStream} takes them) that exist, by name: from {@code c}'s own jar, opened
   * once, or through {@code c} where it did not come from a jar.
   *
   * @throws IOException if a resource cannot be read
   */
  public static Map<String, byte[]> resources(Class<?> c, List<String> names) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    Optional<Path> jar = of(c);
    if (jar.isPresent()) {
      String folder = c.getPackageName().replace('.', '/') + "/";
      try (ZipFile zip = new ZipFile(jar.get().toFile())) {
        for (String name : names) {
          ZipEntry e = zip.getEntry(folder + name);
          if (e != null) {
            try (InputStream in = zip.getInputStream(e)) {
              found.put(name, in.readAllBytes());
            }
          }
        }
      }
      return found;
    }
    for (String name : names) {
      try (InputStream in = c.getResourceAsStream(name)) {
        if (in != null) {
          found.put(name, in.readAllBytes());
        }
      }
    }
    return found;
  }

  /**
   * Returns a checksum that tells builds of {@code classes} apart (class names relative to {@code
   * anchor}'s package, without {@code .class}; a change to any of them changes it). It does not
   * stand against an attacker, only against a stale record: from {@code anchor}'s jar it is a
   * CRC-32 over each class file's CRC-32 and size as the jar's directory lists them, which reads no
   * class ({@code jar-<crc>-<bytes>}); from a folder of classes (tests), a CRC-32 of the files
   * themselves ({@code <crc>-<bytes>}). A class that is missing counts as such, so a renamed class
   * still makes a checksum of its own.
   *
   * @throws IOException if the jar or a class file cannot be read
   */
  public static String classesChecksum(Class<?> anchor, List<String> classes) throws IOException {
    Optional<Path> jar = of(anchor);
    if (jar.isPresent()) {
      try (ZipFile zip = new ZipFile(jar.get().toFile())) {
        return jarChecksum(zip, anchor.getPackageName().replace('.', '/') + "/", classes);
      }
    }
    CRC32 crc = new CRC32();
    long length = 0;
    for (String name : classes) {
      try (InputStream in = anchor.getResourceAsStream(name + ".class")) {
        byte[] b = in == null ? missing(name) : in.readAllBytes();
        crc.update(b);
        length += b.length;
      }
    }
    return Long.toHexString(crc.getValue()) + "-" + length;
  }

  /**
   * The checksum {@link #classesChecksum} gives for {@code classes} under {@code folder} of {@code
   * zip}, from its directory alone.
   */
  public static String jarChecksum(ZipFile zip, String folder, List<String> classes) {
    CRC32 crc = new CRC32();
    ByteBuffer b = ByteBuffer.allocate(16);
    long length = 0;
    for (String name : classes) {
      ZipEntry e = zip.getEntry(folder + name + ".class");
      if (e == null || e.getCrc() < 0 || e.getSize() < 0) {
        crc.update(missing(name));
        continue;
      }
      b.clear();
      b.putLong(e.getCrc()).putLong(e.getSize()).flip();
      crc.update(b);
      length += e.getSize();
    }
    return "jar-" + Long.toHexString(crc.getValue()) + "-" + length;
  }

  private static byte[] missing(String name) {
    return ("missing " + name).getBytes(StandardCharsets.UTF_8);
  }
}
