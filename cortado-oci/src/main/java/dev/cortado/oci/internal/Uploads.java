package dev.cortado.oci.internal;

import dev.cortado.oci.BlobOutcome;
import dev.cortado.oci.Digest;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.Progress;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Blob uploads: a cross-repository mount, a monolithic {@code POST}+{@code PUT}, or {@code PATCH}
 * chunks, each continuing at the newest {@code Location}; chunks fall back to one {@code PUT} when
 * the registry refuses them.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pushing-blobs">distribution-spec
 *     pushing blobs</a>
 */
public final class Uploads {
  private static final System.Logger LOG = LazyLogger.of(Uploads.class);

  private final Transport transport;
  private final String registry;
  private final URI base;
  private final String repository;

  /** Uploads to {@code repository} of {@code registry} at {@code base} ({@code scheme://host}). */
  public Uploads(Transport transport, String registry, URI base, String repository) {
    this.transport = transport;
    this.registry = registry;
    this.base = base;
    this.repository = repository;
  }

  private List<String> pushScope() {
    return List.of("repository:" + repository + ":pull,push");
  }

  private URI uploadsUri(String query) {
    return base.resolve("/v2/" + repository + "/blobs/uploads/" + query);
  }

  /**
   * Mounts {@code digest} from {@code from} (a repository of the same registry).
   *
   * @return the upload Location to continue at when the registry did not mount (202), or null when
   *     it did (201)
   */
  public String mount(Digest digest, String from) {
    String query = "?mount=" + digest + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8);
    Call call =
        Call.of(registry, "POST", uploadsUri(query), "mount " + digest + " from " + from)
            .scopes(
                List.of("repository:" + repository + ":pull,push", "repository:" + from + ":pull"));
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    if (r.statusCode() == 201) {
      return null;
    }
    return location(r, call);
  }

  /** Starts an upload session and returns its Location. */
  public String start() {
    Call call = Call.of(registry, "POST", uploadsUri(""), "start an upload to " + repository);
    call.scopes(pushScope());
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    return location(r, call);
  }

  /**
   * Sends all of {@code bytes} to the session at {@code location} and closes it with {@code
   * digest}.
   */
  public BlobOutcome monolithic(String location, Digest digest, byte[] bytes, Progress progress) {
    Call call =
        Call.of(registry, "PUT", withDigest(location, digest), "upload " + digest)
            .scopes(pushScope())
            .header("Content-Type", "application/octet-stream")
            .body(BodyPublishers.ofByteArray(bytes));
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    expect(r, 201, call);
    progress.update(digest.toString(), bytes.length, bytes.length);
    return BlobOutcome.UPLOADED;
  }

  /**
   * Sends {@code bytes} in chunks of {@code chunkSize} to the session at {@code location}, then
   * closes it; if the registry refuses a chunk, starts again with one {@code PUT}.
   */
  public BlobOutcome chunked(
      String location, Digest digest, byte[] bytes, int chunkSize, Progress progress) {
    String loc = location;
    try {
      for (int start = 0; start < bytes.length; ) {
        int len = Math.min(chunkSize, bytes.length - start);
        int end = start + len - 1;
        Call call =
            Call.of(registry, "PATCH", resolve(loc), "upload a chunk of " + digest)
                .scopes(pushScope())
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", start + "-" + end)
                .body(BodyPublishers.ofByteArray(bytes, start, len))
                .allow(400, 404, 405, 416, 501);
        HttpResponse<InputStream> r = transport.send(call);
        Transport.discard(r);
        if (r.statusCode() != 202) {
          return fallBack(digest, bytes, progress, "HTTP " + r.statusCode());
        }
        String range = r.headers().firstValue("Range").orElse("");
        if (!range.isEmpty() && !range.endsWith("-" + end)) {
          return fallBack(digest, bytes, progress, "it acknowledged range " + range);
        }
        loc = location(r, call);
        start += len;
        progress.update(digest.toString(), start, bytes.length);
      }
    } catch (TransientException e) {
      throw e;
    } catch (OciException e) {
      if (e.kind() != Kind.REGISTRY_ERROR && e.kind() != Kind.NOT_FOUND) {
        throw e;
      }
      return fallBack(digest, bytes, progress, e.getMessage());
    }
    Call close =
        Call.of(registry, "PUT", withDigest(loc, digest), "finish the upload of " + digest)
            .scopes(pushScope());
    HttpResponse<InputStream> r = transport.send(close);
    Transport.discard(r);
    expect(r, 201, close);
    return BlobOutcome.UPLOADED_IN_CHUNKS;
  }

  private BlobOutcome fallBack(Digest digest, byte[] bytes, Progress progress, String why) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "{0} refused a chunked upload ({1}); uploading {2} in one request",
        registry,
        why,
        digest);
    return monolithic(start(), digest, bytes, progress);
  }

  private URI resolve(String location) {
    return HttpAddresses.resolve(base, location, registry + " gave the upload Location");
  }

  private URI withDigest(String location, Digest digest) {
    return resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
  }

  private static String location(HttpResponse<InputStream> r, Call call) {
    if (r.statusCode() != 202) {
      throw new OciException(
          Kind.REGISTRY_ERROR,
          "cannot " + call.what + ": expected HTTP 202, the registry answered " + r.statusCode());
    }
    return r.headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new OciException(
                    Kind.REGISTRY_ERROR,
                    "cannot " + call.what + ": the registry sent no upload Location"));
  }

  private static void expect(HttpResponse<InputStream> r, int status, Call call) {
    if (r.statusCode() != status) {
      throw new OciException(
          Kind.REGISTRY_ERROR,
          "cannot " + call.what + ": expected HTTP " + status + ", got " + r.statusCode());
    }
  }
}
