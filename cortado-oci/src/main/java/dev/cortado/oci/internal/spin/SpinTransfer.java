package dev.cortado.oci.internal.spin;

import dev.cortado.oci.Digest;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.LockedApp;
import dev.cortado.oci.MediaTypes;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.Progress;
import dev.cortado.oci.Reference;
import dev.cortado.oci.RegistryClient;
import dev.cortado.oci.SpinApplication;
import dev.cortado.oci.StoredImage;
import dev.cortado.oci.internal.WasmLayout.Descriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes and pulls Spin applications between a registry and the local store. Every blob goes
 * through the store, which checks its digest; the locked app's content is bound to the blobs the
 * store holds, so nothing of a pulled application is used before its digest is checked.
 *
 * @param client the registry client
 * @param store the local store
 */
public record SpinTransfer(RegistryClient client, LocalStore store) {
  /**
   * Pushes {@code app}, whose content is in local files, to {@code ref}; records it in the store.
   */
  public SpinApplication push(
      LockedApp app, Reference ref, Map<String, String> annotations, Progress progress) {
    SpinLayout.Built built = SpinLayout.build(app, annotations, Instant.now());
    for (SpinLayout.Layer layer : built.layers()) {
      byte[] bytes = SpinLayout.read(layer);
      client.pushBlob(ref, layer.descriptor().digest(), bytes, List.of(), progress);
      store.put(bytes);
    }
    client.pushBlob(
        ref, built.lockedAppDescriptor().digest(), built.lockedApp(), List.of(), Progress.none());
    client.pushBlob(
        ref, built.configDescriptor().digest(), built.config(), List.of(), Progress.none());
    Digest manifest = client.pushManifest(ref, MediaTypes.OCI_MANIFEST, built.manifest());
    store.put(built.config());
    store.put(built.manifest());
    Path locked = store.path(store.put(built.lockedApp()));
    String created = SpinLayout.select(built.manifest(), ref).created();
    store.record(
        new StoredImage(
            ref, manifest, built.lockedAppDescriptor().digest(), built.size(), created, locked));
    return new SpinApplication(ref, manifest, app, locked, built.layers().size() + 1, built.size());
  }

  /**
   * Pulls the application whose manifest ({@link SpinLayout#isSpin}) is {@code manifestBytes}: the
   * config, the locked app and every layer it names, into the store; records it.
   *
   * @throws OciException {@link Kind#NOT_FOUND} for content in no layer, {@link
   *     Kind#DIGEST_MISMATCH} for a blob that does not match its digest, {@link
   *     Kind#MALFORMED_PACKAGE} or {@link Kind#UNSAFE_ARCHIVE} for a bad locked app
   */
  public SpinApplication pull(
      Reference ref, byte[] manifestBytes, Digest manifest, Progress progress) {
    SpinLayout.Selected selected = SpinLayout.select(manifestBytes, ref);
    store.put(manifestBytes);
    selected.config().ifPresent(c -> fetch(ref, c, Progress.none()));
    Path lockedFile = fetch(ref, selected.lockedApp(), Progress.none());
    LockedApp app =
        locked(
            lockedFile,
            ref,
            (digest, what) -> {
              Descriptor layer = selected.layers().get(digest);
              if (layer == null) {
                throw missing(ref, what, digest, "is in none of its layers; the app is incomplete");
              }
              return fetch(ref, layer, progress);
            });
    long size =
        selected.layers().values().stream().mapToLong(d -> Math.max(0, d.size())).sum()
            + selected.lockedApp().size();
    store.record(
        new StoredImage(
            ref, manifest, selected.lockedApp().digest(), size, selected.created(), lockedFile));
    return new SpinApplication(ref, manifest, app, lockedFile, selected.layers().size() + 1, size);
  }

  /**
   * Returns the application the store holds as {@code image}, or empty when its manifest is not in
   * Spin's layout (a module).
   *
   * @throws OciException {@link Kind#NOT_FOUND} when content it names has left the store
   */
  public Optional<SpinApplication> fromStore(StoredImage image) {
    Optional<byte[]> manifestBytes = store.read(image.manifest());
    if (manifestBytes.isEmpty()
        || !SpinLayout.isSpin(manifestBytes.get())
        || !(image.reference() instanceof Reference ref)) {
      return Optional.empty();
    }
    SpinLayout.Selected selected = SpinLayout.select(manifestBytes.get(), ref);
    LockedApp app =
        locked(
            image.path(),
            ref,
            (digest, what) -> {
              if (!store.contains(digest)) {
                throw missing(ref, what, digest, "is missing from the local store; pull it again");
              }
              return store.path(digest);
            });
    return Optional.of(
        new SpinApplication(
            ref, image.manifest(), app, image.path(), selected.layers().size() + 1, image.size()));
  }

  /**
   * Reads the locked app in {@code file}: inline content goes to the store, other content is the
   * file {@code blob} gives for its digest; every component's source is checked to be Wasm.
   */
  private LockedApp locked(
      Path file, Reference ref, java.util.function.BiFunction<Digest, String, Path> blob) {
    LockedApp app =
        LockedAppJson.read(
            read(file),
            "the locked app of " + ref,
            (digest, inline, what) -> {
              Path p =
                  inline.isPresent()
                      ? store.path(store.put(inline.get()))
                      : blob.apply(digest, what);
              return new LockedApp.Content(digest, size(p), p);
            });
    checkSources(app);
    return app;
  }

  private static OciException missing(Reference ref, String what, Digest digest, String problem) {
    return new OciException(
        Kind.NOT_FOUND, ref + ": the content of " + what + " (" + digest + ") " + problem);
  }

  private static void checkSources(LockedApp app) {
    for (LockedApp.Component c : app.components()) {
      SpinLayout.checkIsWasm(
          c.source().file(), "component \"" + c.id() + "\" (layer " + c.source().digest() + ")");
    }
  }

  private Path fetch(Reference ref, Descriptor blob, Progress progress) {
    return store.write(
        blob.digest(), out -> client.fetchBlob(ref, blob.digest(), blob.size(), out, progress));
  }

  private static byte[] read(Path file) {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": " + e, e);
    }
  }
}
