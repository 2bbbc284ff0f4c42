package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cortado serve} as a user runs it: a process, real HTTP, stopped with SIGTERM. */
class CortadoServeIT {
  private static final Path WAGI = CliRun.REPO.resolve("cortado-server/src/test/resources/wagi");
  private static final Pattern SERVING = Pattern.compile("Serving .* on (http://\\S+)");

  @TempDir Path dir;

  @Test
  void servesAModuleAndStopsGracefullyOnSigterm() throws Exception {
    Path module = Files.copy(WAGI.resolve("hello.wasm"), dir.resolve("hello.wasm"));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                CliRun.REPO.resolve("bin/cortado").toString(),
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--admin-listen",
                "127.0.0.1:0",
                "--timeout",
                "5s",
                module.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      URI uri = awaitUri(p, out, err);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(uri.resolve("/some/path")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("Hello, world!\n", r.body());
      String started = Files.readString(out);
      assertTrue(started.contains("  /...  hello (wagi)"), started);
      assertTrue(started.contains("Open " + uri.toString().replaceAll("/$", "") + "/"), started);
      Matcher metrics = Pattern.compile("Metrics on (\\S+)").matcher(started);
      assertTrue(metrics.find(), started);
      HttpResponse<String> m =
          client.send(
              HttpRequest.newBuilder(URI.create(metrics.group(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(m.body().contains("cortado_instantiations_total 1"), m.body());
    } finally {
      p.destroy(); // SIGTERM
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped after SIGTERM");
    String log = Files.readString(out);
    assertTrue(log.lines().anyMatch(l -> l.matches("GET /some/path 200 14 \\S+ms hello")), log);
    assertFalse(Files.readString(err).contains("Exception"), Files.readString(err));
  }

  @Test
  void manifestErrorIsOneLineBeforeListening() throws Exception {
    Files.writeString(
        dir.resolve("spin.toml"),
        "spin_manifest_version = 2\n[application]\nname = \"x\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"nope\"\n");
    CliRun run = CliRun.cortado(dir, Map.of(), "", "serve", "--listen", "127.0.0.1:0", "spin.toml");
    run.assertOneLineError(
        "spin.toml:6: trigger.http[0].component: no component \"nope\" is defined");
    assertFalse(run.out().contains("Serving"), run.out());
  }

  @Test
  void badOptionIsOneLine() throws Exception {
    Files.copy(WAGI.resolve("hello.wasm"), dir.resolve("hello.wasm"));
    CliRun.cortado(dir, Map.of(), "", "serve", "--listen", "nowhere", "hello.wasm")
        .assertOneLineError("--listen needs HOST:PORT, not \"nowhere\"");
  }

  /** Waits for the "Serving ... on URL" line of {@code p} and returns the URL. */
  static URI awaitUri(Process p, Path out, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : List.copyOf(Files.readAllLines(out))) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          return URI.create(m.group(1));
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("cortado serve ended: " + Files.readString(err));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("cortado serve did not start: " + Files.readString(err));
  }
}
