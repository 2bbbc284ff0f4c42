package dev.cortado.oci.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An npm registry on loopback for tests: packuments and tarballs kept as files in a folder the test
 * owns ({@code <name>.json}, {@code <name>-<version>.tgz}), answering {@code GET /<name>} (scoped
 * names as {@code @scope%2fname}) and {@code GET /<name>/-/<file>.tgz}. It can require a token,
 * serve a packument as raw bytes, and serve other bytes than a version's integrity promises.
 */
public final class NpmRegistryDouble implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final HttpServer server;
  private volatile String requiredToken;
  private volatile String tarballHost;
  private final java.util.concurrent.atomic.AtomicInteger failures =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile int failureStatus;

  /** Each request as "GET path auth" (auth: the Authorization header, or -). */
  public final List<String> log = new CopyOnWriteArrayList<>();

  private NpmRegistryDouble(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** Starts a registry keeping its state in {@code root}. */
  public static NpmRegistryDouble start(Path root) throws IOException {
    return new NpmRegistryDouble(root);
  }

  /** Returns the registry's URL, ending with {@code /}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Answers 401 to requests without {@code Authorization: Bearer token}. */
  public void requireToken(String token) {
    this.requiredToken = token;
  }

  /** Answers the next {@code times} requests with {@code status} and no body. */
  public void failNext(int times, int status) {
    this.failureStatus = status;
    failures.set(times);
  }

  /**
   * Answers tarball requests with a redirect to the same path on {@code other} (as registries send
   * tarballs to a CDN).
   */
  public void redirectTarballsTo(NpmRegistryDouble other) {
    this.tarballHost = other.url();
  }

  /**
   * Publishes {@code tgz} as {@code name@version} with its true sha512 integrity, and points the
   * {@code latest} tag at it.
   */
  public void publish(String name, String version, byte[] tgz) {
    publish(name, version, tgz, tgz);
  }

  /**
   * Publishes {@code name@version} with the integrity of {@code promised} but serves {@code
   * served}.
   */
  public void publish(String name, String version, byte[] promised, byte[] served) {
    String file = name.replace('/', '_') + "-" + version + ".tgz";
    write(file, served);
    ObjectNode doc = packument(name);
    ObjectNode entry = obj(doc, "versions").putObject(version);
    entry.put("name", name).put("version", version);
    ObjectNode dist = entry.putObject("dist");
    dist.put("tarball", url() + name + "/-/" + file);
    dist.put(
        "integrity", "sha512-" + Base64.getEncoder().encodeToString(hash("SHA-512", promised)));
    dist.put("shasum", HexFormat.of().formatHex(hash("SHA-1", promised)));
    obj(doc, "dist-tags").put("latest", version);
    obj(doc, "time").put(version, "2026-01-02T03:04:05.000Z");
    savePackument(name, doc);
  }

  /** Removes {@code dist.integrity} of {@code name@version}, leaving only the SHA-1 shasum. */
  public void onlyShasum(String name, String version) {
    ObjectNode doc = packument(name);
    obj(obj(obj(doc, "versions"), version), "dist").remove("integrity");
    savePackument(name, doc);
  }

  /** Points dist-tag {@code tag} of {@code name} at {@code version}. */
  public void tag(String name, String tag, String version) {
    ObjectNode doc = packument(name);
    obj(doc, "dist-tags").put(tag, version);
    savePackument(name, doc);
  }

  /** Serves {@code bytes} as the packument of {@code name}. */
  public void rawPackument(String name, byte[] bytes) {
    write(name.replace('/', '_') + ".json", bytes);
  }

  private ObjectNode packument(String name) {
    Path f = root.resolve(name.replace('/', '_') + ".json");
    try {
      if (Files.exists(f)) {
        return (ObjectNode) JSON.readTree(f.toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode doc = JSON.createObjectNode().put("name", name);
    doc.putObject("dist-tags");
    doc.putObject("versions");
    return doc;
  }

  private static ObjectNode obj(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
  }

  private void savePackument(String name, ObjectNode doc) {
    try {
      write(name.replace('/', '_') + ".json", JSON.writeValueAsBytes(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, byte[] bytes) {
    try {
      Files.write(root.resolve(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] hash(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = URLDecoder.decode(x.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      String auth = x.getRequestHeaders().getFirst("Authorization");
      log.add(x.getRequestMethod() + " " + path + " " + (auth == null ? "-" : auth));
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        answer(x, failureStatus, new byte[0]);
        return;
      }
      String token = requiredToken;
      if (token != null && !("Bearer " + token).equals(auth)) {
        answer(x, 401, "{\"error\":\"authentication required\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      int dash = path.indexOf("/-/");
      String redirect = tarballHost;
      if (dash >= 0 && redirect != null) {
        x.getResponseHeaders()
            .set("Location", redirect + x.getRequestURI().getRawPath().substring(1));
        x.sendResponseHeaders(302, -1);
        return;
      }
      String file =
          dash >= 0 ? path.substring(dash + 3) : path.substring(1).replace('/', '_') + ".json";
      Path f = root.resolve(file).normalize();
      if (!f.startsWith(root) || !Files.isRegularFile(f)) {
        answer(x, 404, "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      answer(x, 200, Files.readAllBytes(f));
    }
  }

  private static void answer(HttpExchange x, int status, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
