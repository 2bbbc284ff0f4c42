package dev.cortado.oci;

import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.wasmer.WapmArchive;
import dev.cortado.oci.internal.wasmer.WebcFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Wasmer package, read from a {@code .webc} container (versions 2 and 3) or from an older wapm
 * tarball ({@code .tar.gz} with a {@code wapm.toml}): its commands, atoms (WebAssembly modules),
 * volumes (folder trees) and where Wasmer mounts them. Immutable.
 *
 * <p>Reading trusts nothing in the file: a wrong magic number or version, a truncated section, an
 * offset outside the file, a path that climbs out of its volume or is absolute, a link, a manifest
 * or a total size above the {@link Limits}, a hash that does not match its bytes — each refuses the
 * whole package with an {@link OciException} saying which.
 *
 * @see <a href="https://github.com/wasmerio/webc">the webc format</a>
 */
public final class WasmerPackage {
  /** The four bytes after a NUL that start every {@code .webc} file. */
  private static final byte[] MAGIC = {0, 'w', 'e', 'b', 'c'};

  /** The kind of file a package was read from. */
  public enum Format {
    /** A {@code .webc} container, version 2. */
    WEBC_V2("webc v2"),
    /** A {@code .webc} container, version 3 (sections and files carry SHA-256 hashes). */
    WEBC_V3("webc v3"),
    /** A wapm tarball: a {@code .tar.gz} with a {@code wapm.toml} manifest. */
    WAPM_TARBALL("wapm tarball");

    private final String text;

    Format(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * How large a package may be.
   *
   * @param maxPackage the largest package file, in bytes (it is read into memory); a tarball may
   *     unpack to no more either
   * @param maxManifest the largest manifest or index, in bytes
   * @param maxUnpacked the most bytes all volumes' and atoms' files may add up to
   * @param maxEntries the most files and folders in all volumes together
   */
  public record Limits(long maxPackage, long maxManifest, long maxUnpacked, int maxEntries) {
    /** 1 GiB packages, 16 MiB manifests, 2 GiB unpacked, 100,000 entries. */
    public static Limits defaults() {
      return new Limits(1L << 30, 16L << 20, 2L << 30, 100_000);
    }
  }

  private final Format format;
  private final Optional<String> name;
  private final Optional<String> version;
  private final List<WasmerCommand> commands;
  private final Map<String, ByteBuffer> atoms;
  private final List<WasmerVolume> volumes;
  private final List<WasmerMount> mounts;
  private final Optional<String> entrypoint;

  private WasmerPackage(
      Format format,
      Optional<String> name,
      Optional<String> version,
      List<WasmerCommand> commands,
      Map<String, ByteBuffer> atoms,
      List<WasmerVolume> volumes,
      List<WasmerMount> mounts,
      Optional<String> entrypoint) {
    this.format = format;
    this.name = name;
    this.version = version;
    this.commands = List.copyOf(commands);
    Map<String, ByteBuffer> copy = new LinkedHashMap<>();
    atoms.forEach((k, v) -> copy.put(k, v.asReadOnlyBuffer()));
    this.atoms = Collections.unmodifiableMap(copy);
    this.volumes = List.copyOf(volumes);
    this.mounts = List.copyOf(mounts);
    this.entrypoint = entrypoint;
  }

  /**
   * Returns a package of these parts (the readers' factory).
   *
   * @param atoms the atoms' bytes by name, in the package's order
   */
  public static WasmerPackage of(
      Format format,
      Optional<String> name,
      Optional<String> version,
      List<WasmerCommand> commands,
      Map<String, ByteBuffer> atoms,
      List<WasmerVolume> volumes,
      List<WasmerMount> mounts,
      Optional<String> entrypoint) {
    return new WasmerPackage(
        Objects.requireNonNull(format, "format"),
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(version, "version"),
        commands,
        atoms,
        volumes,
        mounts,
        Objects.requireNonNull(entrypoint, "entrypoint"));
  }

  /** Reads {@code file} with the {@link Limits#defaults()}. */
  public static WasmerPackage read(Path file) {
    return read(file, Limits.defaults());
  }

  /**
   * Reads the package in {@code file}: a {@code .webc} container when it starts with webc's magic
   * number, else a wapm tarball.
   *
   * @throws OciException {@link Kind#MALFORMED_PACKAGE} for a file not in its format, {@link
   *     Kind#UNSAFE_ARCHIVE} for paths leaving a volume, links or sizes above {@code limits},
   *     {@link Kind#DIGEST_MISMATCH} when a hash does not match, {@link Kind#LOCAL_IO} when the
   *     file cannot be read
   */
  public static WasmerPackage read(Path file, Limits limits) {
    String what = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      long size = Files.size(file);
      if (startsWithMagic(file) || what.endsWith(".webc")) {
        if (size > limits.maxPackage()) {
          throw new OciException(
              Kind.UNSAFE_ARCHIVE,
              what + " is " + size + " bytes, more than the limit of " + limits.maxPackage());
        }
        return WebcFile.read(Files.readAllBytes(file), what, limits);
      }
      return WapmArchive.read(file, what, limits);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns whether {@code file} looks like a Wasmer package: it starts with webc's magic number,
   * or it is named {@code .webc}, {@code .tar.gz} or {@code .tgz}. A file that cannot be read is
   * not one.
   */
  public static boolean isPackage(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      return false;
    }
    return n.endsWith(".webc") || n.endsWith(".tar.gz") || n.endsWith(".tgz") || startsWith(file);
  }

  private static boolean startsWith(Path file) {
    try {
      return startsWithMagic(file);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean startsWithMagic(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /** Returns the file's format. */
  public Format format() {
    return format;
  }

  /** Returns the package's name ({@code namespace/name}), if its manifest gives one. */
  public Optional<String> name() {
    return name;
  }

  /** Returns the package's version, if its manifest gives one. */
  public Optional<String> version() {
    return version;
  }

  /** Returns the commands, in the manifest's order. */
  public List<WasmerCommand> commands() {
    return commands;
  }

  /** Returns the atoms (WebAssembly modules) by name, read-only, in the package's order. */
  public Map<String, ByteBuffer> atoms() {
    return atoms;
  }

  /** Returns the volumes, in the package's order. */
  public List<WasmerVolume> volumes() {
    return volumes;
  }

  /** Returns where the volumes are mounted, in the manifest's order. */
  public List<WasmerMount> mounts() {
    return mounts;
  }

  /** Returns the name of the command that runs when none is named, if the manifest says. */
  public Optional<String> entrypoint() {
    return entrypoint;
  }

  /** Returns the volume called {@code volumeName}. */
  public Optional<WasmerVolume> volume(String volumeName) {
    return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst();
  }

  /** Returns a copy of the bytes of atom {@code atomName}. */
  public Optional<byte[]> atom(String atomName) {
    ByteBuffer b = atoms.get(atomName);
    if (b == null) {
      return Optional.empty();
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return Optional.of(copy);
  }

  /**
   * Returns the command to run: the one named, else the entrypoint, else the only command, as
   * {@code wasmer run} chooses.
   *
   * @throws OciException {@link Kind#NOT_FOUND} when the name is unknown or the package has no
   *     command, {@link Kind#AMBIGUOUS_MODULE} when it has several and no entrypoint; the message
   *     lists the commands
   */
  public WasmerCommand command(Optional<String> commandName) {
    Optional<String> wanted = commandName.or(() -> entrypoint);
    if (wanted.isPresent()) {
      String n = wanted.get();
      return commands.stream()
          .filter(c -> c.name().equals(n))
          .findFirst()
          .orElseThrow(
              () ->
                  new OciException(
                      Kind.NOT_FOUND,
                      "the package has no command '" + n + "' (its commands: " + names() + ")"));
    }
    if (commands.size() == 1) {
      return commands.get(0);
    }
    if (commands.isEmpty()) {
      throw new OciException(Kind.NOT_FOUND, "the package has no commands to run");
    }
    throw new OciException(
        Kind.AMBIGUOUS_MODULE,
        "the package has several commands and no entrypoint: name one with --command ("
            + names()
            + ")");
  }

  private String names() {
    List<String> n = new ArrayList<>();
    commands.forEach(c -> n.add(c.name()));
    return n.isEmpty() ? "none" : String.join(", ", n);
  }

  @Override
  public String toString() {
    return format + " package " + name.orElse("(unnamed)") + version.map(v -> "@" + v).orElse("");
  }
}
