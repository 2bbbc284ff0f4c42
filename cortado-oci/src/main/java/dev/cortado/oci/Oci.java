package dev.cortado.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.Json;
import dev.cortado.oci.internal.WasmLayout;
import dev.cortado.oci.internal.spin.SpinLayout;
import dev.cortado.oci.internal.spin.SpinTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Push, pull and resolve Wasm modules and Spin applications: a {@link RegistryClient} and a {@link
 * LocalStore} working together. Pulls go through the store: blobs it holds are not downloaded
 * again.
 *
 * <pre>{@code
 * Oci oci = Oci.defaults(false);
 * Path module = oci.resolve("ghcr.io/acme/hello:1.0");
 * }</pre>
 */
public final class Oci {
  private static final long MAX_CONFIG = 1024 * 1024;

  private final RegistryClient client;
  private final LocalStore store;

  private Oci(RegistryClient client, LocalStore store) {
    this.client = client;
    this.store = store;
  }

  /** Returns an instance over {@code client} and {@code store}. */
  public static Oci create(RegistryClient client, LocalStore store) {
    return new Oci(client, store);
  }

  /**
   * Returns an instance with the user's credentials ({@link CredentialSource#defaults()}) and store
   * ({@link LocalStore#defaultStore()}); {@code insecure} uses plain HTTP for every registry.
   */
  public static Oci defaults(boolean insecure) {
    return create(
        RegistryClient.builder()
            .credentials(CredentialSource.defaults())
            .insecure(insecure)
            .build(),
        LocalStore.defaultStore());
  }

  /** Returns the client. */
  public RegistryClient client() {
    return client;
  }

  /** Returns the store. */
  public LocalStore store() {
    return store;
  }

  /**
   * Pushes {@code module} (a core module or a component) to {@code ref} in the CNCF Wasm layout,
   * and records it in the store. The module blob is mounted, when the store knows another
   * repository of the same registry that has it, instead of uploaded.
   *
   * @param annotations manifest annotations; keys without a dot get {@code
   *     org.opencontainers.image.}
   */
  public PushResult push(
      byte[] module, Reference ref, Map<String, String> annotations, Progress progress) {
    WasmLayout.Built built = WasmLayout.build(module, annotations, Instant.now());
    Digest moduleDigest = built.layer().digest();
    List<String> mountFrom = new ArrayList<>();
    for (StoredImage image : store.images()) {
      if (image.module().equals(moduleDigest)
          && image.reference() instanceof Reference other
          && other.registry().equals(ref.registry())
          && !other.repository().equals(ref.repository())
          && !mountFrom.contains(other.repository())) {
        mountFrom.add(other.repository());
      }
    }
    BlobOutcome moduleOutcome = client.pushBlob(ref, moduleDigest, module, mountFrom, progress);
    BlobOutcome configOutcome =
        client.pushBlob(
            ref, built.configDescriptor().digest(), built.config(), List.of(), Progress.none());
    Digest manifest = client.pushManifest(ref, MediaTypes.OCI_MANIFEST, built.manifest());
    store.put(module);
    store.put(built.config());
    store.put(built.manifest());
    String created = Json.text(Json.parse(built.config(), Kind.LOCAL_IO, "config"), "created");
    store.record(
        new StoredImage(
            ref, manifest, moduleDigest, module.length, created, store.path(moduleDigest)));
    return new PushResult(
        ref, manifest, moduleDigest, module.length, built.os(), moduleOutcome, configOutcome);
  }

  /**
   * Pulls {@code ref} into the store: resolves its manifest (choosing the Wasm entry of an index),
   * then downloads the config and the module unless the store holds them, and records the
   * reference.
   *
   * @throws OciException {@link Kind#NOT_WASM} when {@code ref} is not a Wasm artifact, and the
   *     other kinds for registry, network and digest failures
   */
  public StoredImage pull(Reference ref, Progress progress) {
    RawManifest manifest = manifestOf(ref);
    if (SpinLayout.isSpin(manifest.bytes())) {
      throw new OciException(
          Kind.NOT_WASM,
          ref
              + " is a Spin application, not one module: serve it with 'cortado serve "
              + ref
              + "'");
    }
    return pullModule(ref, manifest, progress);
  }

  /**
   * Pulls {@code ref} into the store, whatever it holds: a Spin application (its locked app and
   * every layer it names) or one module, as {@link #pull} does.
   *
   * @throws OciException as {@link #pull} does, and for a Spin application {@link
   *     Kind#MALFORMED_PACKAGE} or {@link Kind#UNSAFE_ARCHIVE} for a bad locked app, {@link
   *     Kind#NOT_FOUND} for content in none of its layers
   */
  public PulledArtifact pullArtifact(Reference ref, Progress progress) {
    RawManifest manifest = manifestOf(ref);
    if (SpinLayout.isSpin(manifest.bytes())) {
      return spin().pull(ref, manifest.bytes(), manifest.digest(), progress);
    }
    return pullModule(ref, manifest, progress);
  }

  /**
   * Pushes the Spin application {@code app} (its content in local files) to {@code ref} in Spin's
   * layout ({@link SpinApplication}), and records it in the store.
   *
   * @param annotations manifest annotations; keys without a dot get {@code
   *     org.opencontainers.image.}
   * @throws OciException {@link Kind#NOT_WASM} naming a component whose source is not Wasm, and the
   *     registry's and network's failures
   */
  public SpinApplication pushApplication(
      LockedApp app, Reference ref, Map<String, String> annotations, Progress progress) {
    return spin().push(app, ref, annotations, progress);
  }

  /**
   * Returns what {@code ref} holds, pulling through the store as {@link #resolve(Reference)} does:
   * a Spin application or one module.
   */
  public PulledArtifact resolveArtifact(Reference ref) {
    return store.pullThrough(
        ref,
        ref.digest().isPresent(),
        () -> pullArtifact(ref, Progress.none()),
        image -> spin().fromStore(image).<PulledArtifact>map(a -> a).orElse(image));
  }

  private SpinTransfer spin() {
    return new SpinTransfer(client, store);
  }

  private RawManifest manifestOf(Reference ref) {
    RawManifest manifest = client.fetchManifest(ref);
    if (manifest.isIndex()) {
      WasmLayout.Descriptor entry = WasmLayout.choose(manifest, ref);
      store.put(manifest.bytes());
      manifest = client.fetchManifest(ref.atDigest(entry.digest()));
    }
    return manifest;
  }

  private StoredImage pullModule(Reference ref, RawManifest manifest, Progress progress) {
    WasmLayout.Selected selected = WasmLayout.select(manifest, ref);
    store.put(manifest.bytes());
    String created = "";
    WasmLayout.Descriptor config = selected.config();
    if (config.size() >= 0 && config.size() <= MAX_CONFIG) {
      fetch(ref, config, Progress.none());
      created = createdOf(store.read(config.digest()).orElse(new byte[0]));
    }
    WasmLayout.Descriptor layer = selected.layer();
    Path path = fetch(ref, layer, progress);
    checkIsWasm(ref, layer, path);
    StoredImage image =
        new StoredImage(ref, manifest.digest(), layer.digest(), sizeOf(path), created, path);
    store.record(image);
    return image;
  }

  private Path fetch(Reference ref, WasmLayout.Descriptor blob, Progress progress) {
    return store.write(
        blob.digest(), out -> client.fetchBlob(ref, blob.digest(), blob.size(), out, progress));
  }

  private static void checkIsWasm(Reference ref, WasmLayout.Descriptor layer, Path path) {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(8);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, path + ": " + e, e);
    }
    if (!WasmLayout.hasMagic(head)) {
      throw new OciException(
          Kind.NOT_WASM,
          ref
              + ": its "
              + layer.mediaType()
              + " layer "
              + layer.digest()
              + " is not a Wasm binary");
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, p + ": " + e, e);
    }
  }

  private static String createdOf(byte[] config) {
    try {
      JsonNode node = Json.parse(config, Kind.REGISTRY_ERROR, "config");
      String created = Json.text(node, "created");
      return created == null ? "" : created;
    } catch (OciException e) {
      return "";
    }
  }

  /**
   * Returns whether a command-line argument names a registry artifact rather than a file: it is not
   * an existing file, does not end in {@code .wasm}/{@code .wat}, and parses as a reference whose
   * registry is written out ({@code ghcr.io/acme/app:1}, {@code localhost:5000/app}) or that has a
   * digest. {@code cortado run ARG} uses it to choose between a file and {@link #resolve(String)}.
   */
  public static boolean isReference(String argument) {
    if (argument.endsWith(".wasm") || argument.endsWith(".wat") || argument.endsWith(".wast")) {
      return false;
    }
    try {
      if (Files.exists(Path.of(argument))) {
        return false;
      }
      Reference ref = Reference.parse(argument);
      return ref.digest().isPresent() || argument.startsWith(ref.registry() + "/");
    } catch (OciException | java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * Returns the path of the module {@code reference} names, pulling through the store: a reference
   * with a digest that the store holds needs no network; a tag is resolved again at the registry
   * each time (downloading only what changed), and when the registry cannot be reached the module
   * last pulled under that tag is used.
   *
   * @throws OciException when the reference is invalid or the pull fails
   */
  public Path resolve(String reference) {
    return resolve(Reference.parse(reference));
  }

  /** Like {@link #resolve(String)} for a parsed reference. */
  public Path resolve(Reference ref) {
    return store.pullThrough(ref, ref.digest().isPresent(), () -> pull(ref, Progress.none()));
  }
}
