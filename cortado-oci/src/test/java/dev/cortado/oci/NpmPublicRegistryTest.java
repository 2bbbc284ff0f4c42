package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.internal.WasmLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real package from the public registry: {@code tree-sitter-json@0.24.8} ships one small module
 * ({@code tree-sitter-json.wasm}, 5,596 bytes) in a 180 KB tarball. Skipped, saying so, when the
 * registry does not answer.
 */
class NpmPublicRegistryTest {
  @TempDir Path dir;

  @Test
  void pullsAPublishedPackageThatShipsAModule() throws IOException {
    assumeRegistryAnswers();
    LocalStore store = LocalStore.open(dir);
    Npm npm = Npm.create(NpmSettings.defaults(), store);
    StoredImage image =
        npm.pull(NpmReference.parse("npm:tree-sitter-json@0.24.8"), Progress.none());
    assertEquals("npm:tree-sitter-json@0.24.8/tree-sitter-json.wasm", image.reference().toString());
    byte[] module = Files.readAllBytes(image.path());
    assertEquals(5596, module.length);
    assertTrue(WasmLayout.hasMagic(module));
    StoreAssertions.assertIntact(store);
  }

  private static void assumeRegistryAnswers() {
    String why;
    try {
      HttpResponse<Void> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create("https://registry.npmjs.org/-/ping"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() < 500) {
        return;
      }
      why = "HTTP " + r.statusCode();
    } catch (IOException e) {
      why = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
    }
    String message = "skipped: registry.npmjs.org does not answer (" + why + ")";
    System.err.println("NpmPublicRegistryTest " + message);
    Assumptions.abort(message);
  }
}
