package dev.cortado.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.AtomicFiles;
import dev.cortado.oci.internal.StoreIndex;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A local content-addressed store of blobs ({@code blobs/sha256/<hex>}) and the references that
 * name them ({@code index.json}), by default under {@code ~/.cache/cortado/oci}.
 *
 * <p>A blob is written to a temporary file in its folder, its digest checked as the bytes pass,
 * then renamed to its digest name: a file under a digest name always holds exactly those bytes, and
 * a failed or interrupted write leaves nothing there. Several processes may use one store at once:
 * two writers of one blob each rename a complete copy, and index updates are locked.
 */
public final class LocalStore {
  private static final System.Logger LOG = LazyLogger.of(LocalStore.class);

  /** Writes a blob's bytes to the stream it is given. */
  @FunctionalInterface
  public interface BlobWriter {
    /** Writes the bytes; a failure (any exception) abandons the blob. */
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path root;
  private final StoreIndex index;

  private LocalStore(Path root) {
    this.root = root;
    this.index = new StoreIndex(root);
  }

  /** Opens (creating when needed) the store in {@code root}. */
  public static LocalStore open(Path root) {
    try {
      AtomicFiles.createDirectories(root.resolve("blobs").resolve("sha256"), false);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, root + ": cannot create the store: " + e, e);
    }
    return new LocalStore(root);
  }

  /** Opens the store in {@link #defaultRoot()}. */
  public static LocalStore defaultStore() {
    return open(defaultRoot());
  }

  /**
   * Returns {@code $CORTADO_CACHE_DIR}, else {@code $XDG_CACHE_HOME/cortado/oci}, else {@code
   * ~/.cache/cortado/oci}.
   */
  public static Path defaultRoot() {
    String dir = System.getenv("CORTADO_CACHE_DIR");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("cortado").resolve("oci");
  }

  /** Returns the store's folder. */
  public Path root() {
    return root;
  }

  /** Returns where blob {@code digest} is (or would be) kept. */
  public Path path(Digest digest) {
    return blobPath(root, digest);
  }

  /**
   * Returns where the store in {@code root} keeps (or would keep) blob {@code digest}, without
   * opening the store.
   */
  public static Path blobPath(Path root, Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** Returns whether the store holds blob {@code digest}. */
  public boolean contains(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  /** Returns the bytes of blob {@code digest}, if the store holds it. */
  public Optional<byte[]> read(Digest digest) {
    try {
      return Optional.of(Files.readAllBytes(path(digest)));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, path(digest) + ": cannot read: " + e, e);
    }
  }

  /** Stores {@code bytes} and returns their digest. */
  public Digest put(byte[] bytes) {
    Digest d = Digest.sha256(bytes);
    write(d, out -> out.write(bytes));
    return d;
  }

  /**
   * Stores the blob {@code writer} produces under {@code digest}, checking the digest; returns its
   * path. When the store already holds it, nothing is written.
   *
   * @throws OciException {@link Kind#DIGEST_MISMATCH} when the bytes do not match (nothing is
   *     kept), or whatever {@code writer} threw
   */
  public Path write(Digest digest, BlobWriter writer) {
    Path target = path(digest);
    if (Files.isRegularFile(target)) {
      return target;
    }
    Path temp = null;
    try {
      AtomicFiles.createDirectories(target.getParent(), false);
      temp = AtomicFiles.createTemp(target, false);
      MessageDigest md = digest.newMessageDigest();
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out =
              new DigestOutputStream(
                  new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel)),
                  md)) {
        writer.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (!digest.matches(md)) {
        throw new OciException(
            Kind.DIGEST_MISMATCH, "blob " + digest + " does not match its digest; not stored");
      }
      AtomicFiles.moveInto(temp, target);
      return target;
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, "cannot store blob " + digest + ": " + e, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // A leftover temporary file is harmless: it never has a digest name.
      }
    }
  }

  /** Records {@code image} under its reference, replacing what the reference named before. */
  public void record(StoredImage image) {
    index.update(
        content -> {
          ObjectNode images =
              content.get("images") instanceof ObjectNode o ? o : content.putObject("images");
          ObjectNode e = images.putObject(image.reference().toString());
          e.put("manifest", image.manifest().toString());
          e.put("module", image.module().toString());
          e.put("size", image.size());
          e.put("created", image.created());
        });
  }

  /**
   * Returns the image recorded under {@code ref}, if its module is still in the store; a reference
   * with a digest also finds that manifest pulled under any other name.
   */
  public Optional<StoredImage> find(SourceReference ref) {
    JsonNode e = index.read().path("images").get(ref.toString());
    if (e != null) {
      return toImage(ref.toString(), e);
    }
    // Content is addressed by digest: the same manifest pulled under another name will do.
    if (ref instanceof Reference oci && oci.digest().isPresent()) {
      for (StoredImage image : images()) {
        if (image.manifest().equals(oci.digest().get())) {
          return Optional.of(image);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the module {@code ref} names, pulling through the store: what the store holds under
   * {@code ref} when it cannot change ({@code immutable}: a digest, an exact npm version), else
   * what {@code pull} fetches; when {@code pull} fails for want of a network and the store holds
   * {@code ref}, the copy pulled before (with a warning).
   */
  public Path pullThrough(SourceReference ref, boolean immutable, Supplier<StoredImage> pull) {
    return pullThrough(ref, immutable, () -> pull.get().path(), StoredImage::path);
  }

  /**
   * Like {@link #pullThrough(SourceReference, boolean, Supplier)} for what {@code pull} returns;
   * {@code fromStore} makes it of what the store holds under {@code ref}.
   */
  public <T> T pullThrough(
      SourceReference ref,
      boolean immutable,
      Supplier<T> pull,
      java.util.function.Function<StoredImage, T> fromStore) {
    Optional<StoredImage> cached = find(ref);
    if (immutable && cached.isPresent()) {
      return fromStore.apply(cached.get());
    }
    try {
      return pull.get();
    } catch (OciException e) {
      if (e.kind() == Kind.NETWORK && cached.isPresent()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0}: {1}; using the copy pulled before",
            ref,
            e.getMessage());
        return fromStore.apply(cached.get());
      }
      throw e;
    }
  }

  /** Removes {@code ref} from the index (the blobs stay); returns whether it was there. */
  public boolean forget(SourceReference ref) {
    boolean[] removed = {false};
    index.update(
        content -> {
          if (content.get("images") instanceof ObjectNode o) {
            removed[0] = o.remove(ref.toString()) != null;
          }
        });
    return removed[0];
  }

  /** Returns every recorded image whose module is in the store, ordered by reference. */
  public List<StoredImage> images() {
    List<StoredImage> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = index.read().path("images").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      toImage(e.getKey(), e.getValue()).ifPresent(all::add);
    }
    all.sort((a, b) -> a.reference().toString().compareTo(b.reference().toString()));
    return all;
  }

  private Optional<StoredImage> toImage(String key, JsonNode e) {
    try {
      Digest module = Digest.parse(e.path("module").asText());
      if (!contains(module)) {
        return Optional.empty();
      }
      return Optional.of(
          new StoredImage(
              SourceReference.parse(key),
              Digest.parse(e.path("manifest").asText()),
              module,
              e.path("size").asLong(),
              e.path("created").asText(""),
              path(module)));
    } catch (OciException bad) {
      return Optional.empty();
    }
  }
}
