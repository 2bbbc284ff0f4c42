package dev.cortado.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-JVM registry that follows the distribution spec strictly (chunks must continue at the
 * newest Location and at the right offset) and misbehaves on request: corrupt or truncated blobs,
 * scripted error answers (5xx, 429 with Retry-After, error bodies), tokens that expire mid-push,
 * blob redirects to another host, and refused chunked uploads.
 */
final class RegistryDouble implements AutoCloseable {
  /** A scripted answer for the next request whose "METHOD path" matches {@code pattern}. */
  record Fault(
      String pattern, int status, String retryAfter, String body, Map<String, String> headers) {}

  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[a-f0-9]{64})");
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]*)");
  private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");

  private final HttpServer server;
  private final HttpServer cdn;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> repoBlobs = new ConcurrentHashMap<>();
  private final Map<String, String[]> manifests = new ConcurrentHashMap<>();
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Deque<Fault> faults = new ArrayDeque<>();

  /** Every request, as "METHOD path [auth]" ({@code auth} is the Authorization scheme or -). */
  final List<String> log = new CopyOnWriteArrayList<>();

  /** The Authorization header (or "-") of each request the other host received. */
  final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();

  volatile boolean bearer;

  /** The realm the Bearer challenge names instead of this double's token endpoint, if set. */
  volatile String realm;

  volatile boolean expireTokensOnFirstPatch;
  volatile boolean refuseChunks;
  volatile boolean redirectBlobs;
  final Set<String> corrupt = ConcurrentHashMap.newKeySet();
  final Set<String> truncate = ConcurrentHashMap.newKeySet();
  final Map<String, byte[]> wrongManifestBytes = new ConcurrentHashMap<>();
  volatile int tokensIssued;

  /** Milliseconds to pause after each 64 KiB of a blob, so that downloads overlap. */
  volatile int throttleMillis;

  private final AtomicInteger blobGets = new AtomicInteger();

  /** The most blob downloads that were in progress at once. */
  final AtomicInteger maxConcurrentBlobGets = new AtomicInteger();

  volatile int chunkRejections;

  private static final class Upload {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final String repo;
    int state;

    Upload(String repo) {
      this.repo = repo;
    }
  }

  RegistryDouble() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cdn.createContext("/", this::handleCdn);
    cdn.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  Reference ref(String repositoryAndTag) {
    return Reference.parse(host() + "/" + repositoryAndTag);
  }

  synchronized void fail(String pattern, int status, String retryAfter, String body) {
    faults.add(new Fault(pattern, status, retryAfter, body, Map.of()));
  }

  /** Answers the next request matching {@code pattern} with {@code status} and {@code headers}. */
  synchronized void answer(String pattern, int status, Map<String, String> headers) {
    faults.add(new Fault(pattern, status, null, null, headers));
  }

  void fail(String pattern, int status, int times) {
    for (int i = 0; i < times; i++) {
      fail(pattern, status, null, null);
    }
  }

  long count(String prefix) {
    return log.stream().filter(l -> l.startsWith(prefix)).count();
  }

  private synchronized Fault nextFault(String request) {
    for (Fault f : faults) {
      if (request.matches(f.pattern())) {
        faults.remove(f);
        return f;
      }
    }
    return null;
  }

  private void handleCdn(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      cdnAuthorizations.add(auth == null ? "-" : auth);
      String digest = ex.getRequestURI().getPath().replaceFirst("^/cdn/", "");
      send(ex, 200, Map.of(), blobs.get(digest));
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String request = method + " " + path;
      log.add(request + " " + (auth == null ? "-" : auth.split(" ")[0]));
      byte[] body = ex.getRequestBody().readAllBytes();
      if (path.equals("/token")) {
        String token = "tok-" + UUID.randomUUID();
        validTokens.add(token);
        tokensIssued++;
        send(
            ex,
            200,
            Map.of("Content-Type", "application/json"),
            ("{\"access_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      Fault fault = nextFault(request);
      if (fault != null) {
        Map<String, String> h = new HashMap<>();
        if (fault.retryAfter() != null) {
          h.put("Retry-After", fault.retryAfter());
        }
        h.put("Content-Type", "application/json");
        h.putAll(fault.headers());
        send(
            ex,
            fault.status(),
            h,
            fault.body() == null ? null : fault.body().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (bearer) {
        boolean expire = expireTokensOnFirstPatch && method.equals("PATCH");
        if (expire) {
          expireTokensOnFirstPatch = false;
          validTokens.clear();
        }
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        if (token == null || !validTokens.contains(token)) {
          String at = realm != null ? realm : "http://" + host() + "/token";
          send(
              ex,
              401,
              Map.of("WWW-Authenticate", "Bearer realm=\"" + at + "\",service=\"double\""),
              error("UNAUTHORIZED", "authentication required"));
          return;
        }
      }
      route(ex, method, path, body);
    }
  }

  private void route(HttpExchange ex, String method, String path, byte[] body) throws IOException {
    Matcher m;
    if (path.equals("/v2/")) {
      send(ex, 200, Map.of(), null);
    } else if ((m = UPLOADS.matcher(path)).matches()) {
      upload(ex, method, m.group(1), m.group(2), body);
    } else if ((m = BLOB.matcher(path)).matches()) {
      blob(ex, method, m.group(1), m.group(2));
    } else if ((m = MANIFEST.matcher(path)).matches()) {
      manifest(ex, method, m.group(1), m.group(2), body);
    } else if ((m = TAGS.matcher(path)).matches()) {
      send(ex, 404, Map.of(), error("NAME_UNKNOWN", "no tags here"));
    } else {
      send(ex, 404, Map.of(), null);
    }
  }

  private void blob(HttpExchange ex, String method, String repo, String digest) throws IOException {
    byte[] data =
        repoBlobs.getOrDefault(repo, Set.of()).contains(digest) ? blobs.get(digest) : null;
    if (data == null) {
      send(
          ex,
          404,
          Map.of("Content-Type", "application/json"),
          method.equals("HEAD") ? null : error("BLOB_UNKNOWN", "blob unknown"));
      return;
    }
    if (method.equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(data.length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    if (redirectBlobs) {
      send(
          ex,
          307,
          Map.of("Location", "http://localhost:" + cdn.getAddress().getPort() + "/cdn/" + digest),
          null);
      return;
    }
    if (corrupt.contains(digest)) {
      data = data.clone();
      data[data.length / 2] ^= 1;
    }
    if (truncate.contains(digest)) {
      ex.sendResponseHeaders(200, data.length);
      OutputStream out = ex.getResponseBody();
      out.write(data, 0, data.length / 2);
      out.flush();
      // Closing short of Content-Length makes the server drop the connection mid-body.
      return;
    }
    if (throttleMillis > 0) {
      sendSlowly(ex, data);
      return;
    }
    send(ex, 200, Map.of("Docker-Content-Digest", digest), data);
  }

  private void sendSlowly(HttpExchange ex, byte[] data) throws IOException {
    maxConcurrentBlobGets.accumulateAndGet(blobGets.incrementAndGet(), Math::max);
    try {
      ex.sendResponseHeaders(200, data.length);
      OutputStream out = ex.getResponseBody();
      for (int off = 0; off < data.length; off += 65536) {
        out.write(data, off, Math.min(65536, data.length - off));
        out.flush();
        Thread.sleep(throttleMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      blobGets.decrementAndGet();
    }
  }

  private void upload(HttpExchange ex, String method, String repo, String id, byte[] body)
      throws IOException {
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    if (method.equals("POST")) {
      String mount = query.get("mount");
      if (mount != null && repoBlobs.getOrDefault(query.get("from"), Set.of()).contains(mount)) {
        repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(mount);
        send(ex, 201, Map.of("Location", "/v2/" + repo + "/blobs/" + mount), null);
        return;
      }
      String uuid = UUID.randomUUID().toString();
      uploads.put(uuid, new Upload(repo));
      send(ex, 202, Map.of("Location", location(repo, uuid, 0), "Range", "0-0"), null);
      return;
    }
    Upload u = uploads.get(id);
    if (u == null || !u.repo.equals(repo)) {
      send(ex, 404, Map.of(), error("BLOB_UPLOAD_UNKNOWN", "no such upload"));
      return;
    }
    if (!String.valueOf(u.state).equals(query.get("_state"))) {
      chunkRejections++;
      send(ex, 400, Map.of(), error("BLOB_UPLOAD_INVALID", "stale upload location"));
      return;
    }
    if (method.equals("PATCH")) {
      if (refuseChunks) {
        send(ex, 405, Map.of(), error("UNSUPPORTED", "chunked uploads are not supported"));
        return;
      }
      String range = ex.getRequestHeaders().getFirst("Content-Range");
      if (range == null || !range.startsWith(u.data.size() + "-")) {
        chunkRejections++;
        send(ex, 416, Map.of(), error("BLOB_UPLOAD_INVALID", "range " + range));
        return;
      }
      u.data.writeBytes(body);
      u.state++;
      send(
          ex,
          202,
          Map.of("Location", location(repo, id, u.state), "Range", "0-" + (u.data.size() - 1)),
          null);
    } else if (method.equals("PUT")) {
      u.data.writeBytes(body);
      byte[] data = u.data.toByteArray();
      String digest = Digest.sha256(data).toString();
      if (!digest.equals(query.get("digest"))) {
        send(ex, 400, Map.of(), error("DIGEST_INVALID", "digest mismatch"));
        return;
      }
      uploads.remove(id);
      blobs.put(digest, data);
      repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(digest);
      send(ex, 201, Map.of("Location", "/v2/" + repo + "/blobs/" + digest), null);
    } else {
      send(ex, 405, Map.of(), null);
    }
  }

  private void manifest(HttpExchange ex, String method, String repo, String ref, byte[] body)
      throws IOException {
    if (method.equals("PUT")) {
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      String digest = Digest.sha256(body).toString();
      String[] entry = {type, new String(body, StandardCharsets.ISO_8859_1)};
      manifests.put(repo + "@" + digest, entry);
      manifests.put(repo + ":" + ref, entry);
      send(ex, 201, Map.of("Docker-Content-Digest", digest), null);
      return;
    }
    String[] entry = manifests.get(repo + (ref.startsWith("sha256:") ? "@" : ":") + ref);
    if (entry == null) {
      send(ex, 404, Map.of(), error("MANIFEST_UNKNOWN", "manifest unknown"));
      return;
    }
    byte[] bytes =
        wrongManifestBytes.getOrDefault(ref, entry[1].getBytes(StandardCharsets.ISO_8859_1));
    send(ex, 200, Map.of("Content-Type", entry[0]), bytes);
  }

  private static String location(String repo, String uuid, int state) {
    return "/v2/" + repo + "/blobs/uploads/" + uuid + "?_state=" + state;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  private static byte[] error(String code, String message) {
    return ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (body == null || ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    cdn.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
