package dev.cortado.server.internal;

import dev.cortado.oci.Digest;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.OciException;
import dev.cortado.server.Component;
import dev.cortado.server.ServeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A component's Wasm named by {@code source = { url = "https://...", digest = "sha256:..." }}, as
 * Spin takes it: downloaded once, when serving starts, checked against its digest and kept in the
 * content store under it, so that later starts (and other applications naming the same digest) read
 * it from there without the network.
 */
final class ComponentDownload {
  /** The largest component downloaded. */
  static final long MAX_BYTES = 1L << 30;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  private ComponentDownload() {}

  /**
   * Makes sure the Wasm of {@code component} is on this machine: for a URL source, downloads it
   * into the content store unless it is there; for a file, does nothing.
   *
   * @throws ServeException naming the component if the download fails or its digest differs
   */
  static void ensure(Component component) {
    Component.Source s = component.source();
    if (s.url().isPresent()) {
      fetch(
          s.url().get(),
          s.sha256().orElseThrow(),
          "component \"" + component.id() + "\" (" + s.url().get() + ")");
    }
  }

  private static void fetch(URI url, String sha256, String what) {
    LocalStore store;
    try {
      store = LocalStore.defaultStore();
    } catch (OciException e) {
      throw new ServeException(what + ": no content store to download it into: " + e.getMessage());
    }
    Digest digest = Digest.parse("sha256:" + sha256);
    if (store.contains(digest)) {
      return;
    }
    byte[] bytes = download(url, what);
    try {
      store.write(digest, out -> out.write(bytes));
    } catch (OciException e) {
      throw new ServeException(
          what
              + ": downloaded from "
              + url
              + ", its SHA-256 is "
              + Digest.sha256(bytes).hex()
              + ", not the manifest's digest sha256:"
              + sha256,
          e);
    }
  }

  private static byte[] download(URI url, String what) {
    HttpResponse<InputStream> r;
    try {
      r =
          CLIENT.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ServeException(what + ": cannot download " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServeException(what + ": interrupted downloading " + url, e);
    }
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw new ServeException(
            what + ": downloading " + url + " answered HTTP " + r.statusCode() + ", not 200");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.size() + (long) n > MAX_BYTES) {
          throw new ServeException(
              what + ": " + url + " is larger than " + (MAX_BYTES >> 20) + " MiB: not a component");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ServeException(what + ": downloading " + url + " failed: " + e.getMessage(), e);
    }
  }
}
