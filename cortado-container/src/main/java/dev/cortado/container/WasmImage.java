package dev.cortado.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.container.internal.Tar;
import dev.cortado.oci.Digest;
import dev.cortado.oci.MediaTypes;
import dev.cortado.oci.Progress;
import dev.cortado.oci.Reference;
import dev.cortado.oci.RegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * An OCI image (image-spec) that runs a Wasm module as a container under {@code cortado-runc},
 * crun's Wasm handlers or runwasi: one gzipped layer holding the module, a config whose {@code
 * Entrypoint} is the module's path in the image, and the annotation {@code
 * module.wasm.image/variant=compat} on the manifest, the index and as a config label. The tag names
 * an image index listing the manifest for {@code linux/amd64}, {@code linux/arm64} and {@code
 * wasip1/wasm}, so that containerd and Kubernetes nodes of either architecture pull it with their
 * default platform. Built bytes are deterministic: the same module and options give the same
 * digests. This is the format for containers; the CNCF Wasm artifact that {@code cortado push}
 * writes stays the one for {@code cortado run REF}.
 */
public final class WasmImage {
  /** The annotation (and config label) marking a Wasm image, as crun and WasmEdge read it. */
  public static final String VARIANT = "module.wasm.image/variant";

  private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] layer;
  private final byte[] config;
  private final byte[] manifest;
  private final byte[] index;

  private WasmImage(byte[] layer, byte[] config, byte[] manifest, byte[] index) {
    this.layer = layer;
    this.config = config;
    this.manifest = manifest;
    this.index = index;
  }

  /**
   * Builds the image of {@code module}, placed at {@code entrypoint} (an absolute path, e.g. {@code
   * /app.wasm}), run with {@code args} after it and {@code env} ({@code NAME=VALUE}).
   */
  public static WasmImage of(
      byte[] module, String entrypoint, List<String> args, List<String> env) {
    if (!entrypoint.startsWith("/") || entrypoint.endsWith("/") || entrypoint.contains("..")) {
      throw new IllegalArgumentException(
          "the entrypoint must be an absolute file path such as /app.wasm, not " + entrypoint);
    }
    for (String e : env) {
      if (e.indexOf('=') <= 0) {
        throw new IllegalArgumentException("an environment entry is NAME=VALUE, not " + e);
      }
    }
    byte[] tar = new Tar().file(entrypoint.substring(1), 0755, module).toByteArray();
    byte[] layer = gzip(tar);
    ObjectNode c = JSON.createObjectNode();
    c.put("architecture", "wasm");
    c.put("os", "wasip1");
    ObjectNode runConfig = c.putObject("config");
    runConfig.putArray("Entrypoint").add(entrypoint);
    ArrayNode cmd = runConfig.putArray("Cmd");
    args.forEach(cmd::add);
    ArrayNode envNode = runConfig.putArray("Env");
    env.forEach(envNode::add);
    runConfig.putObject("Labels").put(VARIANT, "compat");
    ObjectNode rootfs = c.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(Digest.sha256(tar).toString());
    c.putArray("history").addObject().put("created_by", "cortado image build");
    byte[] config = bytes(c);
    ObjectNode m = JSON.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", MediaTypes.OCI_MANIFEST);
    m.set("config", descriptor(CONFIG_TYPE, config));
    m.putArray("layers").add(descriptor(LAYER_TYPE, layer));
    m.putObject("annotations").put(VARIANT, "compat");
    byte[] manifest = bytes(m);
    ObjectNode i = JSON.createObjectNode();
    i.put("schemaVersion", 2);
    i.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = i.putArray("manifests");
    for (String[] platform :
        new String[][] {{"linux", "amd64"}, {"linux", "arm64"}, {"wasip1", "wasm"}}) {
      ObjectNode d = descriptor(MediaTypes.OCI_MANIFEST, manifest);
      d.putObject("platform").put("architecture", platform[1]).put("os", platform[0]);
      manifests.add(d);
    }
    i.putObject("annotations").put(VARIANT, "compat");
    return new WasmImage(layer, config, manifest, bytes(i));
  }

  /** The digest of the image index, which the tag names. */
  public Digest digest() {
    return Digest.sha256(index);
  }

  /** The digest of the image manifest. */
  public Digest manifestDigest() {
    return Digest.sha256(manifest);
  }

  /** The size of everything pushed: layer, config, manifest and index. */
  public long size() {
    return (long) layer.length + config.length + manifest.length + index.length;
  }

  /**
   * Pushes the image to {@code ref}'s repository through {@code client}: the blobs, the manifest by
   * digest, then the index under {@code ref}'s tag. Returns the index's digest.
   *
   * @throws dev.cortado.oci.OciException when the registry refuses or cannot be reached
   */
  public Digest push(RegistryClient client, Reference ref, Progress progress) {
    client.pushBlob(ref, Digest.sha256(layer), layer, List.of(), progress);
    client.pushBlob(ref, Digest.sha256(config), config, List.of(), progress);
    client.pushManifest(ref.atDigest(manifestDigest()), MediaTypes.OCI_MANIFEST, manifest);
    return client.pushManifest(ref, MediaTypes.OCI_INDEX, index);
  }

  /**
   * Writes the image as an OCI image layout (image-spec layout.md) in a tar archive, which {@code
   * ctr image import} and {@code docker load} read; {@code name} (e.g. {@code
   * registry.example/app:1.0}) becomes the index entry's {@code org.opencontainers.image.ref.name}
   * (containerd's image name) with {@code io.containerd.image.name} alike.
   */
  public void writeLayout(Path file, String name) throws IOException {
    ObjectNode top = JSON.createObjectNode();
    top.put("schemaVersion", 2);
    top.put("mediaType", MediaTypes.OCI_INDEX);
    ObjectNode d = descriptor(MediaTypes.OCI_INDEX, index);
    ObjectNode annotations = d.putObject("annotations");
    annotations.put("org.opencontainers.image.ref.name", name);
    annotations.put("io.containerd.image.name", name);
    top.putArray("manifests").add(d);
    Tar tar =
        new Tar()
            .file(
                "oci-layout",
                0644,
                "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8))
            .file("index.json", 0644, bytes(top));
    List<byte[]> blobs = new ArrayList<>(List.of(layer, config, manifest, index));
    for (byte[] blob : blobs) {
      tar.file("blobs/sha256/" + Digest.sha256(blob).hex(), 0644, blob);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      tar.writeTo(out);
    }
  }

  private static ObjectNode descriptor(String mediaType, byte[] bytes) {
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", mediaType);
    d.put("digest", Digest.sha256(bytes).toString());
    d.put("size", bytes.length);
    return d;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
