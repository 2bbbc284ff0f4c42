package dev.cortado.oci;

import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.Authenticator;
import dev.cortado.oci.internal.Call;
import dev.cortado.oci.internal.Challenge;
import dev.cortado.oci.internal.HttpAddresses;
import dev.cortado.oci.internal.Json;
import dev.cortado.oci.internal.NetworkErrors;
import dev.cortado.oci.internal.RetryPolicy;
import dev.cortado.oci.internal.Transfer;
import dev.cortado.oci.internal.TransientException;
import dev.cortado.oci.internal.Transport;
import dev.cortado.oci.internal.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the OCI distribution API: manifests, blobs, uploads and tags, with anonymous, Basic
 * and Bearer-token authentication, redirects, digest checks and retries. Thread-safe.
 *
 * <p>Loopback registries ({@code localhost}, {@code 127.0.0.1}) and every registry when {@link
 * Builder#insecure(boolean)} is set are reached over plain HTTP; all others over HTTPS.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md">OCI
 *     distribution-spec v1.1</a>
 */
public final class RegistryClient {
  /** Blobs larger than this are uploaded in chunks by default. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  private static final long MAX_MANIFEST = 4L * 1024 * 1024;
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  private final Transport transport;
  private final boolean insecure;
  private final int chunkSize;
  private final Set<String> pinged = ConcurrentHashMap.newKeySet();

  private RegistryClient(Builder b) {
    HttpClient http = Transport.newHttpClient();
    this.transport =
        new Transport(http, new Authenticator(http, b.credentials, Clock.systemUTC()), b.retry);
    this.insecure = b.insecure;
    this.chunkSize = b.chunkSize;
  }

  /** Returns a builder with anonymous access, HTTPS, default retries and chunk size. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link RegistryClient}. */
  public static final class Builder {
    private CredentialSource credentials = CredentialSource.none();
    private boolean insecure;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private int chunkSize = DEFAULT_CHUNK_SIZE;

    private Builder() {}

    /** Sets where credentials come from (default: none, anonymous access). */
    public Builder credentials(CredentialSource source) {
      this.credentials = source;
      return this;
    }

    /** Uses plain HTTP for every registry, not only loopback ones. */
    public Builder insecure(boolean plainHttp) {
      this.insecure = plainHttp;
      return this;
    }

    /**
     * Sets how often a request is tried in all after 429/5xx, the first backoff (doubled each
     * time), and the longest wait accepted from {@code Retry-After}.
     */
    public Builder retries(int attempts, Duration firstBackoff, Duration longestWait) {
      this.retry = new RetryPolicy(Math.max(1, attempts), firstBackoff, longestWait);
      return this;
    }

    /** Uploads blobs larger than {@code bytes} in {@code PATCH} chunks of that size. */
    public Builder chunkSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunk size must be positive: " + bytes);
      }
      this.chunkSize = bytes;
      return this;
    }

    /** Returns the client. */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }

  /** Returns {@code scheme://host[:port]} of {@code ref}'s registry. */
  public URI baseUri(Reference ref) {
    String scheme = insecure || ref.isLoopback() ? "http" : "https";
    return URI.create(scheme + "://" + ref.endpoint());
  }

  private URI uri(Reference ref, String path) {
    return baseUri(ref).resolve("/v2/" + ref.repository() + path);
  }

  private static List<String> pushScope(Reference ref) {
    return List.of("repository:" + ref.repository() + ":pull,push");
  }

  private static List<String> pull(Reference ref) {
    return List.of("repository:" + ref.repository() + ":pull");
  }

  /**
   * Checks that {@code ref}'s registry speaks the API ({@code GET /v2/}) and learns how it wants to
   * be authenticated. Done once per registry before its first other request.
   */
  public void ping(Reference ref) {
    if (pinged.contains(ref.registry())) {
      return;
    }
    Call call =
        Call.of(ref.registry(), "GET", baseUri(ref).resolve("/v2/"), "reach " + ref.registry())
            .allow(401, 404);
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    if (r.statusCode() == 404) {
      throw new OciException(
          Kind.REGISTRY_ERROR, ref.registry() + " is not an OCI registry (no /v2/ API)");
    }
    if (r.statusCode() == 401) {
      Challenge.first(r.headers().allValues("WWW-Authenticate"))
          .ifPresent(c -> transport.authenticator().learn(ref.registry(), c));
    }
    pinged.add(ref.registry());
  }

  /**
   * Checks that the registry of {@code ref} accepts this client's credentials for it, as {@code
   * docker login} does: {@code GET /v2/} answering its challenge (a token without a scope, or
   * Basic).
   *
   * @throws OciException {@link Kind#UNAUTHORIZED} when the credentials are refused or missing
   */
  public void authenticate(Reference ref) {
    Call call =
        Call.of(ref.registry(), "GET", baseUri(ref).resolve("/v2/"), "log in to " + ref.registry());
    Transport.discard(transport.send(call));
    pinged.add(ref.registry());
  }

  /**
   * Fetches the manifest (or index) {@code ref} names. The answer's {@code Content-Type} decides
   * its media type. A reference with a digest is checked against the bytes.
   *
   * @throws OciException {@link Kind#NOT_FOUND} when there is no such tag or digest, {@link
   *     Kind#DIGEST_MISMATCH} when the bytes do not match the reference's digest
   */
  public RawManifest fetchManifest(Reference ref) {
    ping(ref);
    Call call =
        Call.of(
                ref.registry(),
                "GET",
                uri(ref, "/manifests/" + ref.manifestReference()),
                "pull manifest " + ref)
            .scopes(pull(ref))
            .header("Accept", MediaTypes.MANIFEST_ACCEPT);
    Transport.Response<byte[]> r = transport.sendForBytes(call, MAX_MANIFEST);
    byte[] bytes = r.body();
    Digest actual = Digest.sha256(bytes);
    if (ref.digest().isPresent() && !matches(ref.digest().get(), bytes)) {
      throw new OciException(
          Kind.DIGEST_MISMATCH,
          "manifest " + ref + " does not match its digest: the registry sent " + actual);
    }
    String type = r.header("Content-Type").map(RegistryClient::bareType).orElse("");
    if (!MediaTypes.MANIFESTS.contains(type) && !MediaTypes.INDEXES.contains(type)) {
      // A registry that answers application/json: the document's own mediaType decides.
      String declared =
          Json.text(Json.parse(bytes, Kind.REGISTRY_ERROR, "manifest " + ref), "mediaType");
      type = declared != null ? declared : type;
    }
    return new RawManifest(type, bytes, actual);
  }

  private static boolean matches(Digest expected, byte[] bytes) {
    MessageDigest md = expected.newMessageDigest();
    md.update(bytes);
    return expected.matches(md);
  }

  private static String bareType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** Returns the size of blob {@code digest} in {@code repo}, or empty when it is not there. */
  public Optional<Long> blobSize(Reference repo, Digest digest) {
    return blobSize(repo, digest, pull(repo));
  }

  private Optional<Long> blobSize(Reference repo, Digest digest, List<String> scopes) {
    ping(repo);
    Call call =
        Call.of(repo.registry(), "HEAD", uri(repo, "/blobs/" + digest), "check blob " + digest)
            .scopes(scopes)
            .followRedirects()
            .allow(404);
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /**
   * Streams blob {@code digest} of {@code repo} into {@code sink}, checking the digest as the bytes
   * pass. On failure the sink has received some bytes: the caller must discard them.
   *
   * @param expectedSize the size from the descriptor, or -1
   * @throws OciException {@link Kind#DIGEST_MISMATCH} when the bytes do not match, {@link
   *     Kind#NETWORK} when the transfer breaks
   */
  public void fetchBlob(
      Reference repo, Digest digest, long expectedSize, OutputStream sink, Progress progress) {
    ping(repo);
    Call call =
        Call.of(repo.registry(), "GET", uri(repo, "/blobs/" + digest), "pull blob " + digest)
            .scopes(pull(repo))
            .followRedirects();
    HttpResponse<InputStream> r = transport.send(call);
    MessageDigest md = digest.newMessageDigest();
    long total =
        expectedSize >= 0
            ? expectedSize
            : r.headers().firstValueAsLong("Content-Length").orElse(-1);
    Transfer transfer =
        new Transfer(
            md,
            digest.toString(),
            total,
            expectedSize >= 0 ? expectedSize : Long.MAX_VALUE,
            () ->
                new OciException(
                    Kind.DIGEST_MISMATCH,
                    "blob "
                        + digest
                        + " is larger than its descriptor says ("
                        + expectedSize
                        + " bytes)"),
            progress);
    try (InputStream in = r.body()) {
      transfer.copy(in, sink);
    } catch (IOException e) {
      throw new OciException(
          Kind.NETWORK,
          "the transfer of blob "
              + digest
              + " broke after "
              + transfer.done()
              + " bytes: "
              + NetworkErrors.reason(e, r.uri()),
          e);
    }
    long done = transfer.done();
    if (!digest.matches(md)) {
      throw new OciException(
          Kind.DIGEST_MISMATCH,
          "blob "
              + digest
              + " from "
              + repo.registry()
              + " does not match its digest ("
              + done
              + " bytes received"
              + (expectedSize >= 0 && done != expectedSize ? ", " + expectedSize + " expected" : "")
              + ")");
    }
  }

  /**
   * Pushes blob {@code bytes} (whose digest is {@code digest}) to {@code repo}: nothing when it
   * exists, else a mount from one of {@code mountFrom} (repositories of the same registry), else an
   * upload, in chunks when larger than the chunk size.
   */
  public BlobOutcome pushBlob(
      Reference repo, Digest digest, byte[] bytes, List<String> mountFrom, Progress progress) {
    if (blobSize(repo, digest, pushScope(repo)).isPresent()) {
      return BlobOutcome.EXISTED;
    }
    Uploads uploads = new Uploads(transport, repo.registry(), baseUri(repo), repo.repository());
    String location = null;
    for (String from : mountFrom) {
      if (!from.equals(repo.repository())) {
        location = uploads.mount(digest, from);
        if (location == null) {
          return BlobOutcome.MOUNTED;
        }
        break;
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        String loc = location != null ? location : uploads.start();
        location = null;
        return bytes.length > chunkSize
            ? uploads.chunked(loc, digest, bytes, chunkSize, progress)
            : uploads.monolithic(loc, digest, bytes, progress);
      } catch (TransientException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Puts a manifest under {@code ref}'s tag (or digest) with {@code mediaType} as its {@code
   * Content-Type}; returns the digest of the bytes, which the registry stores as sent.
   */
  public Digest pushManifest(Reference ref, String mediaType, byte[] bytes) {
    ping(ref);
    Digest digest = Digest.sha256(bytes);
    Call call =
        Call.of(
                ref.registry(),
                "PUT",
                uri(ref, "/manifests/" + ref.manifestReference()),
                "push manifest " + ref)
            .scopes(pushScope(ref))
            .header("Content-Type", mediaType)
            .body(BodyPublishers.ofByteArray(bytes))
            .idempotent();
    HttpResponse<InputStream> r = transport.send(call);
    Transport.discard(r);
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new OciException(
          Kind.REGISTRY_ERROR,
          "cannot push manifest " + ref + ": expected HTTP 201, got " + r.statusCode());
    }
    return digest;
  }

  /** Lists the tags of {@code repo}, following pagination. */
  public List<String> listTags(Reference repo) {
    ping(repo);
    List<String> tags = new ArrayList<>();
    URI next = uri(repo, "/tags/list");
    while (next != null) {
      Call call =
          Call.of(repo.registry(), "GET", next, "list the tags of " + repo.name())
              .scopes(pull(repo));
      Transport.Response<byte[]> r = transport.sendForBytes(call, MAX_MANIFEST);
      Json.parse(r.body(), Kind.REGISTRY_ERROR, "the tag list of " + repo.name())
          .path("tags")
          .forEach(t -> tags.add(t.asText()));
      Matcher m = NEXT_LINK.matcher(r.header("Link").orElse(""));
      next =
          m.find()
              ? HttpAddresses.resolve(
                  next,
                  m.group(1),
                  "cannot list the tags of " + repo.name() + ": the registry's next page is")
              : null;
    }
    return tags;
  }
}
