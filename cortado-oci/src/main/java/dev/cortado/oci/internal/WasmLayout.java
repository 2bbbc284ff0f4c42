package dev.cortado.oci.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.Digest;
import dev.cortado.oci.MediaTypes;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.RawManifest;
import dev.cortado.oci.Reference;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Wasm artifact layouts: writing the CNCF layout (one {@code application/wasm} layer, a {@code
 * application/vnd.wasm.config.v0+json} config) and reading it and the older layouts of oci.md §2.
 *
 * @see <a href="https://tag-runtime.cncf.io/wgs/wasm/deliverables/wasm-oci-artifact/">CNCF Wasm OCI
 *     artifact layout</a>
 */
public final class WasmLayout {
  /** The annotation prefix that short keys ({@code title}) get. */
  public static final String ANNOTATION_PREFIX = "org.opencontainers.image.";

  private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};

  private WasmLayout() {}

  /** A blob as a manifest describes it. */
  public record Descriptor(String mediaType, Digest digest, long size) {
    /**
     * Reads a descriptor ({@code mediaType}, {@code digest}, {@code size}).
     *
     * @param what what it describes, for the message when it has no digest
     */
    public static Descriptor of(JsonNode node, String what) {
      String digest = Json.text(node, "digest");
      if (digest == null) {
        throw new OciException(Kind.REGISTRY_ERROR, what + " has no digest");
      }
      String type = Json.text(node, "mediaType");
      return new Descriptor(
          type == null ? "" : type, Digest.parse(digest), node.path("size").asLong(-1));
    }

    /** Returns the descriptor as a manifest lists it. */
    public ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put("mediaType", mediaType);
      o.put("digest", digest.toString());
      o.put("size", size);
      return o;
    }
  }

  /** An artifact ready to push: its config and manifest bytes and what they describe. */
  public record Built(
      byte[] config, byte[] manifest, Descriptor configDescriptor, Descriptor layer, String os) {}

  /** What a pull needs from a manifest: the config and the one module layer. */
  public record Selected(Descriptor config, Descriptor layer) {}

  /**
   * Returns {@code "wasip1"} for a core module, {@code "wasip2"} for a component.
   *
   * @throws OciException {@link Kind#NOT_WASM} when {@code module} is neither
   * @throws dev.cortado.wasm.MalformedException when a core module does not decode
   */
  public static String osOf(byte[] module) {
    if (!hasMagic(module)) {
      throw new OciException(Kind.NOT_WASM, "not a WebAssembly binary (no \\0asm header)");
    }
    if (module[4] == 0x01 && module[5] == 0 && module[6] == 0 && module[7] == 0) {
      ModuleDecoder.decode(module);
      return "wasip1";
    }
    if (module[4] == 0x0d && module[5] == 0 && module[6] == 0x01 && module[7] == 0) {
      return "wasip2";
    }
    throw new OciException(
        Kind.NOT_WASM,
        String.format(
            "unknown WebAssembly binary version %02x %02x %02x %02x",
            module[4], module[5], module[6], module[7]));
  }

  /** Returns whether {@code bytes} start with the WebAssembly magic and a version. */
  public static boolean hasMagic(byte[] bytes) {
    if (bytes.length < 8) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** Expands short annotation keys ({@code title}) to {@code org.opencontainers.image.title}. */
  public static Map<String, String> annotations(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    given.forEach((k, v) -> out.put(k.contains(".") ? k : ANNOTATION_PREFIX + k, v));
    return out;
  }

  /** Builds the CNCF-layout artifact for {@code module}. */
  public static Built build(byte[] module, Map<String, String> annotations, Instant now) {
    String os = osOf(module);
    Map<String, String> notes = annotations(annotations);
    Descriptor layer = new Descriptor(MediaTypes.WASM_LAYER, Digest.sha256(module), module.length);
    ObjectNode config = Json.object();
    config.put(
        "created",
        notes.getOrDefault(
            ANNOTATION_PREFIX + "created", now.truncatedTo(ChronoUnit.SECONDS).toString()));
    String author = notes.get(ANNOTATION_PREFIX + "authors");
    if (author != null) {
      config.put("author", author);
    } else {
      config.putNull("author");
    }
    config.put("architecture", "wasm");
    config.put("os", os);
    config.putArray("layerDigests").add(layer.digest().toString());
    if (os.equals("wasip2")) {
      ComponentWorld world = ComponentWorld.of(module);
      ObjectNode component = config.putObject("component");
      ArrayNode exports = component.putArray("exports");
      world.exports().forEach(exports::add);
      ArrayNode imports = component.putArray("imports");
      world.imports().forEach(imports::add);
      component.putNull("target");
    } else {
      config.putNull("component");
    }
    byte[] configBytes = Json.bytes(config);
    Descriptor configDescriptor =
        new Descriptor(MediaTypes.WASM_CONFIG_V0, Digest.sha256(configBytes), configBytes.length);
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.set("config", configDescriptor.toJson());
    manifest.putArray("layers").add(layer.toJson());
    if (!notes.isEmpty()) {
      ObjectNode a = manifest.putObject("annotations");
      notes.forEach(a::put);
    }
    return new Built(configBytes, Json.bytes(manifest), configDescriptor, layer, os);
  }

  /**
   * Picks the Wasm manifest of an index: by platform (architecture {@code wasm}, os {@code wasip1}
   * before {@code wasip2}), else by a Wasm {@code artifactType}.
   *
   * @throws OciException {@link Kind#NOT_WASM} listing what the index holds when nothing fits
   */
  public static Descriptor choose(RawManifest index, Reference ref) {
    JsonNode root = Json.parse(index.bytes(), Kind.REGISTRY_ERROR, "index " + ref);
    Descriptor best = null;
    int bestRank = Integer.MAX_VALUE;
    List<String> seen = new ArrayList<>();
    for (JsonNode m : root.path("manifests")) {
      JsonNode platform = m.path("platform");
      String arch = platform.path("architecture").asText("");
      String os = platform.path("os").asText("");
      String artifactType = m.path("artifactType").asText("");
      int rank = Integer.MAX_VALUE;
      if (arch.equals("wasm") && os.equals("wasip1")) {
        rank = 0;
      } else if (arch.equals("wasm") && os.equals("wasip2")) {
        rank = 1;
      } else if (arch.equals("wasm")) {
        rank = 2;
      } else if (artifactType.equals(MediaTypes.WASM_CONFIG_V0) || artifactType.contains("wasm")) {
        rank = 3;
      }
      seen.add(!arch.isEmpty() ? os + "/" + arch : artifactType.isEmpty() ? "?" : artifactType);
      if (rank < bestRank) {
        bestRank = rank;
        best = Descriptor.of(m, "an entry of index " + ref);
      }
    }
    if (best == null) {
      throw new OciException(
          Kind.NOT_WASM,
          ref + " is an index without a Wasm entry (platforms/artifact types: " + seen + ")");
    }
    return best;
  }

  /**
   * Returns the config and the one Wasm layer of a manifest in any layout of oci.md §2.
   *
   * @throws OciException {@link Kind#NOT_WASM} saying which media types were found instead
   */
  public static Selected select(RawManifest manifest, Reference ref) {
    if (!MediaTypes.MANIFESTS.contains(manifest.mediaType())) {
      throw new OciException(
          Kind.NOT_WASM,
          ref
              + " is not a Wasm artifact: its manifest has media type '"
              + manifest.mediaType()
              + "'");
    }
    JsonNode root = Json.parse(manifest.bytes(), Kind.REGISTRY_ERROR, "manifest " + ref);
    Descriptor config = Descriptor.of(root.path("config"), "the config of " + ref);
    List<Descriptor> layers = new ArrayList<>();
    List<Descriptor> wasm = new ArrayList<>();
    for (JsonNode l : root.path("layers")) {
      Descriptor d = Descriptor.of(l, "a layer of " + ref);
      layers.add(d);
      if (MediaTypes.WASM_LAYERS.contains(d.mediaType())) {
        wasm.add(d);
      }
    }
    if (config.mediaType().equals(MediaTypes.WASM_CONFIG_V0) && layers.size() != 1) {
      throw new OciException(
          Kind.NOT_WASM,
          ref + " has " + layers.size() + " layers; the Wasm artifact layout allows exactly one");
    }
    if (wasm.isEmpty()) {
      List<String> types = layers.stream().map(Descriptor::mediaType).toList();
      throw new OciException(
          Kind.NOT_WASM,
          ref
              + " is not a Wasm artifact: config media type '"
              + config.mediaType()
              + "', layer media types "
              + types);
    }
    if (wasm.size() > 1) {
      throw new OciException(
          Kind.NOT_WASM,
          ref
              + " holds "
              + wasm.size()
              + " Wasm modules; multi-module applications are not supported yet");
    }
    return new Selected(config, wasm.get(0));
  }
}
