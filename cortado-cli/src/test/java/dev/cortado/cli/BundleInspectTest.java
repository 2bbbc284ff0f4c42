package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.BindleWriter;
import dev.cortado.oci.testing.ZipWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cortado inspect} of a standalone bindle folder and of a Suborbital bundle. */
class BundleInspectTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(status), out.toString(), err.toString()};
  }

  @Test
  void listsABindlesParcelsGroupsAndWagiRoutes() {
    Path folder =
        new BindleWriter("example.com/site", "2.0.0")
            .group("files")
            .parcel(
                "site.wasm",
                "application/wasm",
                new byte[8],
                Map.of("route", "/..."),
                List.of(),
                List.of("files"))
            .parcel(
                "index.html",
                "text/html",
                new byte[3],
                Map.of("file", "true"),
                List.of("files"),
                List.of())
            .writeStandalone(dir.resolve("bindle"));
    String[] r = run("inspect", folder.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith(folder + ": bindle example.com/site/2.0.0 (a test bindle)"), r[1]);
    assertTrue(r[1].contains("index.html"), r[1]);
    assertTrue(r[1].contains("member of files"), r[1]);
    assertTrue(
        r[1].lines()
            .anyMatch(
                l -> l.matches("\\s+/\\.\\.\\.\\s+site\\.wasm, argv .*, files /index\\.html")),
        r[1]);
  }

  @Test
  void listsABundlesHandlersStepsAndRunnables() {
    Path zip =
        new ZipWriter()
            .file(
                "Directive.yaml",
                "identifier: com.example.x\nappVersion: v2\natmoVersion: v0.4.7\nhandlers:\n"
                    + "  - type: request\n    resource: /a\n    method: GET\n    steps:\n"
                    + "      - fn: one\n      - group:\n          - fn: two\n            as: deux\n"
                    + "          - fn: one\n    response: deux\n")
            .file("one.wasm", new byte[8])
            .file("two.wasm", new byte[8])
            .write(dir.resolve("runnables.wasm.zip"));
    String[] r = run("inspect", zip.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("Suborbital bundle com.example.x v2 (Atmo v0.4.7)"), r[1]);
    assertTrue(
        r[1].contains(
            "GET     /a                       one -> group(two as deux, one), response deux"),
        r[1]);
    assertTrue(r[1].contains("runnables (2):"), r[1]);
  }

  @Test
  void aHostileBundleIsOneLine() {
    Path zip = new ZipWriter().file("/abs.wasm", "x").write(dir.resolve("bad.zip"));
    String[] r = run("inspect", zip.toString());
    assertEquals("1", r[0]);
    assertEquals(1, r[2].strip().lines().count(), r[2]);
    assertTrue(r[2].contains("is not a plain relative path"), r[2]);
  }
}
