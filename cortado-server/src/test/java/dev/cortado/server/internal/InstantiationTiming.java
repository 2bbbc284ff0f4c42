package dev.cortado.server.internal;

import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures what a WAGI request costs without HTTP: a fresh store, WASI world and instance, the
 * program's run and the parsing of its output, on one thread, for a module file (default: the
 * committed hello.wasm). Not a test: run its main, e.g. from an IDE, or with java -cp on the test
 * class path. Prints the mean instantiation and whole-request times per round of 20,000.
 */
public final class InstantiationTiming {
  private InstantiationTiming() {}

  public static void main(String[] args) throws Exception {
    Path module =
        args.length > 0
            ? Path.of(args[0])
            : Path.of(InstantiationTiming.class.getResource("/wagi/hello.wasm").toURI());
    ServerLog quiet =
        new ServerLog() {
          @Override
          public void info(String line) {}

          @Override
          public void error(String line) {
            System.err.println(line);
          }
        };
    Metrics metrics = new Metrics();
    ServedApplication app =
        new ServedApplication(
            Manifest.forModule(module), ServerConfig.defaults().withLog(quiet), metrics);
    HttpTrigger trigger = app.manifest().triggers().get(0);
    Responder component = app.executor(trigger);
    IncomingRequest request =
        new IncomingRequest(
            "GET",
            "http",
            "HTTP/1.1",
            "localhost",
            3000,
            "/hello",
            "",
            List.of(new String[] {"Host", "localhost:3000"}, new String[] {"Accept", "*/*"}),
            "127.0.0.1",
            new byte[0]);
    Router.Match match = app.router().match("/hello").orElseThrow();
    for (int round = 0; round < 8; round++) {
      int n = 20_000;
      long before = metrics.instantiations();
      long beforeNanos = metrics.meanInstantiationNanos() * before;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (!(component.run(request, match, "/", quiet) instanceof Outcome.Answered)) {
          throw new AssertionError("the program did not answer");
        }
      }
      long total = System.nanoTime() - start;
      long inst = metrics.meanInstantiationNanos() * metrics.instantiations() - beforeNanos;
      System.out.printf(
          "round %d: instantiation %.1f us, whole request %.1f us (%d per second on one thread)%n",
          round, inst / 1e3 / n, total / 1e3 / n, (long) (n / (total / 1e9)));
    }
    app.close();
  }
}
