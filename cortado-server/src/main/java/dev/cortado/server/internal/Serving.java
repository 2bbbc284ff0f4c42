package dev.cortado.server.internal;

import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running server: Jetty with one connector (HTTP/1.1 and HTTP/2: cleartext h2c, or TLS with
 * ALPN), an optional admin connector for metrics, and a fixed pool of WebAssembly workers fed by a
 * bounded queue.
 */
public final class Serving {
  /** Jetty's own INFO lines (versions, connectors) are not for users of the command. */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

  /** Workers run compiled WebAssembly, one Java frame per Wasm call: room for deep recursion. */
  private static final long WORKER_STACK = 64L << 20;

  private final ServedApplication app;
  private final Server server;
  private final ThreadPoolExecutor workers;
  private final ServerConnector main;
  private final ServerConnector admin;
  private final ServerConfig config;

  private Serving(ServedApplication app, ServerConfig config) {
    this.app = app;
    this.config = config;
    AtomicInteger n = new AtomicInteger();
    int slots = config.maxConcurrency();
    this.workers =
        new ThreadPoolExecutor(
            slots,
            slots,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(4096, 64 * slots)),
            r -> {
              Thread t = new Thread(null, r, "cortado-wasm-" + n.incrementAndGet(), WORKER_STACK);
              t.setDaemon(true);
              return t;
            });
    QueuedThreadPool threads =
        new QueuedThreadPool(Math.max(16, 2 * Runtime.getRuntime().availableProcessors() + 8), 4);
    threads.setName("cortado-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    server.setStopTimeout(config.drainTimeout().toMillis());
    server.setStopAtShutdown(false);
    FrontHandler front = new FrontHandler(app, config, workers);
    this.main = connector(config);
    server.addConnector(main);
    if (config.adminListen().isPresent()) {
      HttpConnectionFactory http = new HttpConnectionFactory();
      admin = new ServerConnector(server, 1, 1, http);
      admin.setHost(config.adminListen().get().getHostString());
      admin.setPort(config.adminListen().get().getPort());
      server.addConnector(admin);
      front.setAdmin(admin);
    } else {
      admin = null;
    }
    server.setHandler(new GracefulHandler(front));
  }

  /**
   * Prepares {@code manifest} and starts listening.
   *
   * @throws ServeException if the application cannot be prepared or the address not bound
   */
  public static Serving start(Manifest manifest, ServerConfig config) {
    return start(new ServedApplication(manifest, config, new Metrics()), config);
  }

  /**
   * Prepares {@code bundle}'s request handlers and starts listening.
   *
   * @throws ServeException if the bundle cannot be prepared or the address not bound
   */
  public static Serving start(SuborbitalBundle bundle, ServerConfig config) {
    return start(new ServedApplication(bundle, config, new Metrics()), config);
  }

  private static Serving start(ServedApplication app, ServerConfig config) {
    JETTY_LOG.setLevel(Level.WARNING);
    Serving s = new Serving(app, config);
    try {
      s.server.start();
    } catch (Exception e) {
      s.stop();
      InetSocketAddress a = config.listen();
      throw new ServeException(
          "cannot listen on "
              + a.getHostString()
              + ":"
              + a.getPort()
              + ": "
              + (inUse(e)
                  ? "the address is in use (is another server listening there? choose another"
                      + " port with --listen)"
                  : e instanceof IOException && e.getMessage() != null
                      ? e.getMessage()
                      : e.toString()),
          e);
    }
    return s;
  }

  /** Returns whether binding failed because something else holds the address. */
  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  private ServerConnector connector(ServerConfig config) {
    HttpConfiguration httpConfig = new HttpConfiguration();
    httpConfig.setSendServerVersion(false);
    httpConfig.setSendDateHeader(true);
    HttpConnectionFactory http11 = new HttpConnectionFactory(httpConfig);
    ServerConnector c;
    if (config.tls().isPresent()) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      httpConfig.addCustomizer(secure);
      HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(httpConfig);
      ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
      alpn.setDefaultProtocol(http11.getProtocol());
      SslConnectionFactory tls =
          new SslConnectionFactory(TlsFiles.server(config.tls().get()), alpn.getProtocol());
      c = new ServerConnector(server, tls, alpn, h2, http11);
    } else {
      c = new ServerConnector(server, http11, new HTTP2CServerConnectionFactory(httpConfig));
    }
    c.setHost(config.listen().getHostString());
    c.setPort(config.listen().getPort());
    return c;
  }

  /** Returns the application. */
  public ServedApplication application() {
    return app;
  }

  /** Returns the metrics. */
  public Metrics metrics() {
    return app.metrics();
  }

  /** Returns the URL of the server's root. */
  public URI uri() {
    return uri(main, config.tls().isPresent() ? "https" : "http");
  }

  /** Returns the URL of the admin connector's root, if there is one. */
  public Optional<URI> adminUri() {
    return admin == null ? Optional.empty() : Optional.of(uri(admin, "http"));
  }

  private static URI uri(ServerConnector c, String scheme) {
    String host = c.getHost() == null || c.getHost().isEmpty() ? "0.0.0.0" : c.getHost();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create(scheme + "://" + host + ":" + c.getLocalPort() + "/");
  }

  /**
   * Stops accepting connections, waits for in-flight requests up to the drain timeout, then stops
   * the workers and removes staged files.
   */
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      config.log().error("stopping the HTTP server: " + e);
    }
    workers.shutdownNow();
    app.close();
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }
}
