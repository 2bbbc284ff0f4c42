package dev.cortado.oci.internal.wasmer;

import static dev.cortado.oci.internal.wasmer.ManifestValues.malformed;
import static dev.cortado.oci.internal.wasmer.ManifestValues.strings;
import static dev.cortado.oci.internal.wasmer.ManifestValues.text;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cortado.oci.WasmerCommand;
import dev.cortado.oci.WasmerMount;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.oci.WasmerPackage.Format;
import dev.cortado.oci.WasmerPackage.Limits;
import dev.cortado.oci.WasmerVolume;
import dev.cortado.oci.internal.npm.PackageArchive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a wapm tarball: a tar in gzip whose root holds {@code wapm.toml} (or, from later tools,
 * {@code wasmer.toml}) and the files it names. The manifest's {@code [package]} gives name, version
 * and an optional {@code entrypoint}; each {@code [[module]]} ({@code name}, {@code source}, {@code
 * abi}) becomes an atom; each {@code [[command]]} ({@code name}, {@code module}, {@code main_args})
 * a command; each {@code [fs]} entry ({@code "/guest" = "folder"}) a volume named after the folder,
 * mounted at the guest path. The archive is read by {@link PackageArchive}: no {@code ..}, absolute
 * names or links, and sizes within the limits.
 *
 * @see <a href="https://docs.wasmer.io/registry/manifest">the wapm.toml manifest</a>
 */
public final class WapmArchive {
  private static final ObjectMapper TOML =
      new TomlMapper(
          TomlFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build());

  private WapmArchive() {}

  /** Reads the tarball {@code tgz}; {@code what} names it in messages. */
  public static WasmerPackage read(Path tgz, String what, Limits limits) {
    // Every file is held in memory: the tarball may unpack to no more than a .webc may weigh.
    long total = Math.min(limits.maxUnpacked(), limits.maxPackage());
    List<PackageArchive.Kept> entries =
        PackageArchive.readAll(
            tgz, "package " + what, new PackageArchive.Limits(total, total, limits.maxEntries()));
    Map<String, byte[]> files = new LinkedHashMap<>();
    entries.forEach(e -> files.put(e.path(), e.bytes()));
    byte[] toml =
        files.containsKey("wapm.toml") ? files.get("wapm.toml") : files.get("wasmer.toml");
    if (toml == null) {
      throw malformed(what, "it holds no wapm.toml (nor wasmer.toml) at its root");
    }
    if (toml.length > limits.maxManifest()) {
      throw PackagePaths.unsafe(
          what, "its wapm.toml is larger than " + limits.maxManifest() + " bytes");
    }
    JsonNode manifest;
    try {
      manifest = TOML.readTree(toml);
    } catch (IOException e) {
      String m =
          e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
      throw malformed(what, "its wapm.toml does not parse (" + m + ")");
    }
    return build(manifest, files, what);
  }

  private static WasmerPackage build(JsonNode manifest, Map<String, byte[]> files, String what) {
    Map<String, ByteBuffer> atoms = new LinkedHashMap<>();
    Map<String, String> abis = new LinkedHashMap<>();
    for (JsonNode module : list(manifest.path("module"))) {
      String name = required(module, "name", "a [[module]]", what);
      String source =
          PackagePaths.relative(
              required(module, "source", "module " + name, what),
              "module " + name + "'s source",
              what);
      byte[] bytes = files.get(source);
      if (bytes == null) {
        throw malformed(
            what, "module '" + name + "' is in '" + source + "', which the package does not hold");
      }
      atoms.put(name, ByteBuffer.wrap(bytes));
      abis.put(name, module.path("abi").asText("none"));
    }
    List<WasmerCommand> commands = new ArrayList<>();
    for (JsonNode cmd : list(manifest.path("command"))) {
      String name = required(cmd, "name", "a [[command]]", what);
      String module = required(cmd, "module", "command " + name, what);
      if (!atoms.containsKey(module)) {
        throw malformed(
            what,
            "command '"
                + name
                + "' runs module '"
                + module
                + "', which the package does not define");
      }
      // wasmer.toml's commands name their runner and carry webc's annotations.
      JsonNode wasi = cmd.path("annotations").path("wasi");
      String runner = cmd.path("runner").asText("");
      commands.add(
          new WasmerCommand(
              name,
              runner.isEmpty()
                  ? runner(abis.get(module))
                  : runner.contains("://") ? runner : runner(runner),
              module,
              Optional.empty(),
              wasi.has("main-args")
                  ? strings(wasi.path("main-args"))
                  : mainArgs(cmd.path("main_args")),
              strings(wasi.path("env")),
              Optional.empty()));
    }
    List<WasmerVolume> volumes = new ArrayList<>();
    List<WasmerMount> mounts = new ArrayList<>();
    manifest
        .path("fs")
        .fields()
        .forEachRemaining(
            e -> {
              String guest = "/" + PackagePaths.relative(e.getKey(), "an [fs] guest path", what);
              String folder =
                  PackagePaths.relative(
                      e.getValue().asText(""), "the [fs] folder for " + guest, what);
              WasmerVolume volume = volumeOf(folder, files);
              if (volumes.stream().noneMatch(v -> v.name().equals(volume.name()))) {
                volumes.add(volume);
              }
              mounts.add(new WasmerMount(guest, volume.name(), "", Optional.empty()));
            });
    JsonNode pkg = manifest.path("package");
    return WasmerPackage.of(
        Format.WAPM_TARBALL,
        text(pkg.path("name")),
        text(pkg.path("version")),
        commands,
        atoms,
        volumes,
        mounts,
        text(pkg.path("entrypoint")));
  }

  /** Returns the package's files under {@code folder} as a volume named after the folder. */
  private static WasmerVolume volumeOf(String folder, Map<String, byte[]> files) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Map<String, WasmerVolume.File> inside = new LinkedHashMap<>();
    files.forEach(
        (path, bytes) -> {
          if (path.startsWith(prefix)) {
            String rel = path.substring(prefix.length());
            inside.put(rel, new WasmerVolume.File(rel, ByteBuffer.wrap(bytes)));
          }
        });
    return WasmerVolume.of(folder.isEmpty() ? "." : folder, inside, List.of());
  }

  /** The wapm ABI of a module (or wasmer.toml's short runner name) as the runner's URI. */
  private static String runner(String abi) {
    return switch (abi) {
      case "wasi" -> WasmerCommand.WASI_RUNNER;
      case "emscripten" -> "https://webc.org/runner/emscripten";
      default -> "wapm:abi/" + abi;
    };
  }

  /** {@code main_args} is a string of words in wapm.toml; a list is taken as it is. */
  private static List<String> mainArgs(JsonNode n) {
    if (n.isArray()) {
      List<String> out = new ArrayList<>();
      n.forEach(e -> out.add(e.asText()));
      return out;
    }
    String s = n.asText("").strip();
    return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
  }

  private static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else if (n.isObject()) {
      out.add(n);
    }
    return out;
  }

  private static String required(JsonNode n, String field, String where, String what) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw malformed(what, where + " has no " + field);
    }
    return v.asText();
  }
}
