package dev.cortado.oci.internal.spin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.Digest;
import dev.cortado.oci.LockedApp;
import dev.cortado.oci.MediaTypes;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.Reference;
import dev.cortado.oci.SpinApplication;
import dev.cortado.oci.internal.Json;
import dev.cortado.oci.internal.WasmLayout;
import dev.cortado.oci.internal.WasmLayout.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spin's OCI layout of an application: built for a push as {@code spin registry push} builds it,
 * recognised and taken apart for a pull (in both of the forms Spin has written).
 */
public final class SpinLayout {
  /** The largest locked app read (it lists content; the content itself is in layers). */
  public static final long MAX_LOCKED_APP = 4L * 1024 * 1024;

  private SpinLayout() {}

  /** A layer to push and the file that holds its bytes. */
  public record Layer(Descriptor descriptor, Path file) {}

  /**
   * An application ready to push.
   *
   * @param layers the content layers, each digest once, in the order Spin lists them
   * @param lockedApp the locked app's bytes (the last layer)
   * @param lockedAppDescriptor its descriptor
   * @param config the OCI image config's bytes
   * @param configDescriptor its descriptor
   * @param manifest the manifest's bytes
   */
  public record Built(
      List<Layer> layers,
      byte[] lockedApp,
      Descriptor lockedAppDescriptor,
      byte[] config,
      Descriptor configDescriptor,
      byte[] manifest) {
    /** Returns the bytes of every layer, the locked app's included. */
    public long size() {
      return layers.stream().mapToLong(l -> l.descriptor().size()).sum()
          + lockedAppDescriptor.size();
    }
  }

  /**
   * What a pull needs of a manifest in Spin's layout.
   *
   * @param lockedApp the locked app's blob (a layer, or the config in Spin's earlier layout)
   * @param config the config blob, when it is not the locked app
   * @param layers every layer by digest
   * @param created the manifest's {@code org.opencontainers.image.created}, or empty
   */
  public record Selected(
      Descriptor lockedApp,
      Optional<Descriptor> config,
      Map<Digest, Descriptor> layers,
      String created) {}

  /**
   * Builds the layout of {@code app}, whose content is in local files.
   *
   * @param annotations manifest annotations (short keys get {@code org.opencontainers.image.});
   *     they win over those inferred from the application (title, description, version, authors,
   *     created)
   * @throws OciException {@link Kind#NOT_WASM} naming a component whose source is not Wasm
   */
  public static Built build(LockedApp app, Map<String, String> annotations, Instant now) {
    Map<Digest, Layer> layers = new LinkedHashMap<>();
    for (LockedApp.Component c : app.components()) {
      checkIsWasm(c.source().file(), "component \"" + c.id() + "\" (" + c.source().file() + ")");
      add(layers, MediaTypes.SPIN_WASM_LAYER, c.source());
      for (LockedApp.File f : c.files()) {
        if (f.content().size() > SpinApplication.INLINE_MAX) {
          add(layers, MediaTypes.SPIN_DATA_LAYER, f.content());
        }
      }
    }
    LockedApp pushed =
        new LockedApp(
            app.name(),
            app.version(),
            app.description(),
            app.authors(),
            Optional.empty(),
            app.httpBase(),
            app.variables(),
            app.triggers(),
            app.components());
    byte[] locked = LockedAppJson.write(pushed, SpinApplication.INLINE_MAX);
    Descriptor lockedDescriptor =
        new Descriptor(MediaTypes.SPIN_APPLICATION, Digest.sha256(locked), locked.length);
    ObjectNode config = Json.object();
    config.put("architecture", "wasm");
    config.put("os", "wasip1");
    config
        .putObject("config")
        .putObject("Labels")
        .put(SpinApplication.LOCKED_APP_LABEL, lockedDescriptor.digest().toString());
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids");
    byte[] configBytes = Json.bytes(config);
    Descriptor configDescriptor =
        new Descriptor(MediaTypes.OCI_IMAGE_CONFIG, Digest.sha256(configBytes), configBytes.length);
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.set("config", configDescriptor.toJson());
    ArrayNode list = manifest.putArray("layers");
    layers.values().forEach(l -> list.add(l.descriptor().toJson()));
    list.add(lockedDescriptor.toJson());
    ObjectNode notes = manifest.putObject("annotations");
    inferred(app, now).forEach(notes::put);
    WasmLayout.annotations(annotations).forEach(notes::put);
    return new Built(
        List.copyOf(layers.values()),
        locked,
        lockedDescriptor,
        configBytes,
        configDescriptor,
        Json.bytes(manifest));
  }

  private static Map<String, String> inferred(LockedApp app, Instant now) {
    Map<String, String> out = new LinkedHashMap<>();
    String p = WasmLayout.ANNOTATION_PREFIX;
    if (!app.authors().isEmpty()) {
      out.put(p + "authors", String.join(", ", app.authors()));
    }
    out.put(p + "title", app.name());
    app.description().ifPresent(d -> out.put(p + "description", d));
    app.version().ifPresent(v -> out.put(p + "version", v));
    out.put(p + "created", now.truncatedTo(ChronoUnit.SECONDS).toString());
    return out;
  }

  private static void add(Map<Digest, Layer> layers, String type, LockedApp.Content content) {
    layers.putIfAbsent(
        content.digest(),
        new Layer(new Descriptor(type, content.digest(), content.size()), content.file()));
  }

  /**
   * Returns whether {@code manifestBytes} (an image manifest) is in Spin's layout: a layer, or the
   * config, is a locked app.
   */
  public static boolean isSpin(byte[] manifestBytes) {
    JsonNode root;
    try {
      root = Json.parse(manifestBytes, Kind.REGISTRY_ERROR, "manifest");
    } catch (OciException e) {
      return false;
    }
    if (MediaTypes.SPIN_APPLICATION.equals(root.path("config").path("mediaType").asText())) {
      return true;
    }
    for (JsonNode l : root.path("layers")) {
      if (MediaTypes.SPIN_APPLICATION.equals(l.path("mediaType").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Takes apart a manifest for which {@link #isSpin} holds. */
  public static Selected select(byte[] manifestBytes, Reference ref) {
    JsonNode root = Json.parse(manifestBytes, Kind.REGISTRY_ERROR, "manifest " + ref);
    Descriptor config = Descriptor.of(root.path("config"), "the config of " + ref);
    Map<Digest, Descriptor> layers = new LinkedHashMap<>();
    Descriptor locked = null;
    for (JsonNode l : root.path("layers")) {
      Descriptor d = Descriptor.of(l, "a layer of " + ref);
      if (d.mediaType().equals(MediaTypes.SPIN_APPLICATION)) {
        locked = d;
      } else {
        layers.putIfAbsent(d.digest(), d);
      }
    }
    Optional<Descriptor> otherConfig = Optional.of(config);
    if (locked == null) {
      locked = config;
      otherConfig = Optional.empty();
    }
    if (locked.size() > MAX_LOCKED_APP) {
      throw new OciException(
          Kind.UNSAFE_ARCHIVE,
          ref + ": its locked app says it has " + locked.size() + " bytes; not read");
    }
    String created =
        root.path("annotations").path(WasmLayout.ANNOTATION_PREFIX + "created").asText("");
    return new Selected(locked, otherConfig, layers, created);
  }

  /**
   * Checks that {@code file} starts as a Wasm binary.
   *
   * @throws OciException {@link Kind#NOT_WASM} naming {@code what} when it does not
   */
  public static void checkIsWasm(Path file, String what) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot read: " + e.getMessage(), e);
    }
    if (!WasmLayout.hasMagic(head)) {
      throw new OciException(Kind.NOT_WASM, what + " is not a WebAssembly binary");
    }
  }

  /** Returns the bytes of {@code layer}, checked against its digest (the file may have changed). */
  public static byte[] read(Layer layer) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(layer.file());
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, layer.file() + ": cannot read: " + e.getMessage(), e);
    }
    if (!Digest.sha256(bytes).equals(layer.descriptor().digest())) {
      throw new OciException(
          Kind.DIGEST_MISMATCH, layer.file() + " changed while the application was being pushed");
    }
    return bytes;
  }
}
