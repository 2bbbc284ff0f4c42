package dev.cortado.oci.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bindle server on loopback for tests, its state in a folder the test owns laid out as bindle's
 * server keeps it ({@code invoices/<sha256 of name/version>/invoice.toml}, {@code
 * parcels/<sha256>/parcel.dat}). It answers {@code GET /v1/_i/<name>/<version>} and {@code GET
 * /v1/_i/<name>/<version>@<sha256>}, and 404 with a TOML {@code error} otherwise.
 */
public final class BindleServerDouble implements AutoCloseable {
  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  /** Each request's path. */
  public final List<String> log = new CopyOnWriteArrayList<>();

  private BindleServerDouble(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server keeping its state in {@code root}. */
  public static BindleServerDouble start(Path root) throws IOException {
    return new BindleServerDouble(root);
  }

  /** Returns the API's URL ({@code http://127.0.0.1:PORT/v1}), as WAGI's BINDLE_URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Publishes the bindle {@code b}: its invoice and every parcel. */
  public void publish(BindleWriter b) {
    publishInvoice(b.id(), b.invoice());
    b.parcels().forEach(this::putParcel);
  }

  /** Stores {@code toml} as the invoice of {@code id}. */
  public void publishInvoice(String id, String toml) {
    write(
        root.resolve("invoices").resolve(BindleWriter.sha256(bytes(id))),
        "invoice.toml",
        bytes(toml));
  }

  /** Stores {@code bytes} as the parcel {@code sha256} (whether or not they hash to it). */
  public void putParcel(String sha256, byte[] bytes) {
    write(root.resolve("parcels").resolve(sha256), "parcel.dat", bytes);
  }

  /** Removes the parcel {@code sha256}. */
  public void removeParcel(String sha256) {
    try {
      Files.deleteIfExists(root.resolve("parcels").resolve(sha256).resolve("parcel.dat"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path folder, String name, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    log.add(path);
    try (x) {
      if (!x.getRequestMethod().equals("GET") || !path.startsWith("/v1/_i/")) {
        answer(x, 404, "application/toml", bytes("error = \"no such endpoint\"\n"));
        return;
      }
      String rest = path.substring("/v1/_i/".length());
      int at = rest.lastIndexOf('@');
      Path file =
          at < 0
              ? root.resolve("invoices")
                  .resolve(BindleWriter.sha256(bytes(rest)))
                  .resolve("invoice.toml")
              : root.resolve("parcels").resolve(rest.substring(at + 1)).resolve("parcel.dat");
      if (rest.contains("..") || !Files.isRegularFile(file)) {
        answer(x, 404, "application/toml", bytes("error = \"resource not found\"\n"));
        return;
      }
      answer(
          x,
          200,
          at < 0 ? "application/toml" : "application/octet-stream",
          Files.readAllBytes(file));
    }
  }

  private static void answer(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().put("Content-Type", List.of(type));
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
