package dev.cortado.oci.internal.wasmer;

import static dev.cortado.oci.internal.wasmer.ManifestValues.malformed;
import static dev.cortado.oci.internal.wasmer.ManifestValues.strings;
import static dev.cortado.oci.internal.wasmer.ManifestValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.WasmerCommand;
import dev.cortado.oci.WasmerMount;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.oci.WasmerPackage.Format;
import dev.cortado.oci.WasmerVolume;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a webc manifest Cortado uses: {@code package.wapm} (name, version), {@code commands}
 * (runner and annotations: {@code atom}, or the older {@code wasi.atom}, {@code main-args}, {@code
 * env}, {@code cwd}), {@code entrypoint}, and {@code package.fs} (volume mounts). Without {@code
 * fs}, a version 2 package has its {@code atom} volume at {@code /}, as Wasmer does for packages
 * made before the annotation existed.
 *
 * @see <a href="https://docs.rs/webc/latest/webc/metadata/struct.Manifest.html">webc's Manifest</a>
 */
final class WebcManifest {
  private static final List<String> KNOWN_RUNNERS =
      List.of(
          WasmerCommand.WASI_RUNNER,
          "https://webc.org/runner/wcgi",
          "https://webc.org/runner/emscripten");

  private WebcManifest() {}

  static WasmerPackage read(
      JsonNode manifest,
      Format format,
      Map<String, ByteBuffer> atoms,
      List<WasmerVolume> volumes,
      String what) {
    if (!manifest.isObject()) {
      throw malformed(what, "the manifest is not a map");
    }
    JsonNode wapm = manifest.path("package").path("wapm");
    List<WasmerCommand> commands = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("commands").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      commands.add(command(e.getKey(), e.getValue(), atoms, what));
    }
    return WasmerPackage.of(
        format,
        text(wapm.path("name")),
        text(wapm.path("version")),
        commands,
        atoms,
        volumes,
        mounts(manifest.path("package").path("fs"), format, volumes, what),
        text(manifest.path("entrypoint")));
  }

  private static WasmerCommand command(
      String name, JsonNode cmd, Map<String, ByteBuffer> atoms, String what) {
    String runner = cmd.path("runner").asText("");
    JsonNode annotations = cmd.path("annotations");
    JsonNode runnerAnnotations = annotations.path("wasi");
    if (runnerAnnotations.isMissingNode()) {
      runnerAnnotations = annotations.path("emscripten");
    }
    String atom;
    Optional<String> dependency = Optional.empty();
    JsonNode atomAnnotation = annotations.path("atom");
    if (atomAnnotation.isObject()) {
      atom = atomAnnotation.path("name").asText("");
      dependency = text(atomAnnotation.path("dependency"));
    } else if (runnerAnnotations.path("atom").isTextual()) {
      // Before the "atom" annotation, "dependency:atom" in the runner's own annotations.
      String a = runnerAnnotations.path("atom").asText();
      int colon = a.indexOf(':');
      atom = colon < 0 ? a : a.substring(colon + 1);
      dependency = colon < 0 ? Optional.empty() : Optional.of(a.substring(0, colon));
    } else if (KNOWN_RUNNERS.stream().anyMatch(runner::startsWith) && atoms.containsKey(name)) {
      atom = name;
    } else if (!atoms.isEmpty()) {
      // Wasmer's fallback for old packages (sharrattj/coreutils): the first atom.
      atom = atoms.keySet().iterator().next();
    } else {
      throw malformed(what, "command '" + name + "' names no atom and the package has none");
    }
    if (dependency.isEmpty() && !atoms.containsKey(atom)) {
      throw malformed(
          what, "command '" + name + "' runs atom '" + atom + "', which the package does not hold");
    }
    return new WasmerCommand(
        name,
        runner,
        atom,
        dependency,
        strings(first(runnerAnnotations, "main-args", "mainArgs", "main_args")),
        strings(runnerAnnotations.path("env")),
        text(runnerAnnotations.path("cwd")));
  }

  private static List<WasmerMount> mounts(
      JsonNode fs, Format format, List<WasmerVolume> volumes, String what) {
    List<WasmerMount> mounts = new ArrayList<>();
    if (fs.isMissingNode() || fs.isNull()) {
      if (format == Format.WEBC_V2 && volumes.stream().anyMatch(v -> v.name().equals("atom"))) {
        mounts.add(new WasmerMount("/", "atom", "", Optional.empty()));
      }
      return mounts;
    }
    if (!fs.isArray()) {
      throw malformed(what, "the package's fs annotation is not a list");
    }
    for (JsonNode m : fs) {
      String volume = m.path("volume_name").asText("");
      String guest = m.path("mount_path").asText("");
      if (volume.isEmpty() || !guest.startsWith("/")) {
        throw malformed(what, "an fs mapping has no volume or no absolute mount path: " + m);
      }
      Optional<String> host = text(first(m, "host_path", "original_path"));
      // Version 3 packages hold each mapped folder as a volume of its own: all of it is mounted.
      String inside =
          format == Format.WEBC_V3 || host.isEmpty()
              ? ""
              : PackagePaths.relative(host.get(), "the fs mapping's host path", what);
      WasmerMount mount =
          new WasmerMount(
              "/" + PackagePaths.relative(guest, "the fs mapping's mount path", what),
              volume,
              inside,
              text(m.path("from")));
      check(mount, volumes, what);
      mounts.add(mount);
    }
    return mounts;
  }

  /** Checks that a mount of this package names one of its volumes, and a folder in it. */
  static void check(WasmerMount mount, List<WasmerVolume> volumes, String what) {
    if (mount.dependency().isPresent()) {
      return;
    }
    WasmerVolume v =
        volumes.stream()
            .filter(x -> x.name().equals(mount.volume()))
            .findFirst()
            .orElseThrow(
                () ->
                    malformed(
                        what, "it mounts volume '" + mount.volume() + "', which it does not hold"));
    if (!mount.pathInVolume().isEmpty() && !v.directories().contains(mount.pathInVolume())) {
      throw malformed(
          what,
          "it mounts folder '"
              + mount.pathInVolume()
              + "' of volume '"
              + mount.volume()
              + "', which has no such folder");
    }
  }

  private static JsonNode first(JsonNode n, String... names) {
    for (String name : names) {
      if (!n.path(name).isMissingNode()) {
        return n.path(name);
      }
    }
    return n.path(names[0]);
  }
}
