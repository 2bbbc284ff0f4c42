package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.SuborbitalDirective.Fn;
import dev.cortado.oci.SuborbitalDirective.Group;
import dev.cortado.oci.testing.ZipWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suborbital bundles read from zips the tests build, hostile ones refused with one line. */
class SuborbitalBundleTest {
  static final String DIRECTIVE =
      """
      identifier: com.example.test
      appVersion: v0.1.0
      atmoVersion: v0.4.7
      runnables:
        - name: hello
          namespace: default
          lang: rust
          version: v0.1.0
      handlers:
        - type: request
          resource: /hello/:name
          method: post
          steps:
            - group:
                - fn: hello
                  as: greeting
                - fn: shout
                  onErr:
                    code:
                      404: continue
                    other: return
            - fn: hello
              with:
                loud: shout
          response: hello
      """;

  @TempDir Path temp;

  static ZipWriter bundle() {
    return bundle(DIRECTIVE);
  }

  static ZipWriter bundle(String directive) {
    return new ZipWriter()
        .file("Directive.yaml", directive)
        .file("hello.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})
        .file("shout.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})
        .file("static/index.html", "<p>hi</p>");
  }

  @Test
  void readsTheDirectiveRunnablesAndStaticFiles() {
    SuborbitalBundle b = SuborbitalBundle.read(bundle().write(temp.resolve("runnables.wasm.zip")));
    SuborbitalDirective d = b.directive();
    assertEquals("com.example.test", d.identifier());
    assertEquals("v0.1.0", d.appVersion());
    assertEquals("rust", d.runnables().get(0).lang().orElseThrow());
    SuborbitalDirective.Handler h = d.handlers().get(0);
    assertEquals("POST", h.method());
    assertEquals("/hello/:name", h.resource());
    assertEquals("hello", h.response().orElseThrow());
    Group group = (Group) h.steps().get(0);
    assertEquals(List.of("greeting", "shout"), group.fns().stream().map(Fn::as).toList());
    assertTrue(group.fns().get(1).onErr().continues(404));
    assertTrue(!group.fns().get(1).onErr().continues(500));
    assertEquals(Map.of("loud", "shout"), ((Fn) h.steps().get(1)).with());
    assertEquals(List.of("hello", "shout"), List.copyOf(b.runnables().keySet()));
    assertEquals("<p>hi</p>", new String(b.staticFiles().get("index.html").toArray()));
  }

  @Test
  void aYamlSyntaxErrorNamesTheDirectiveAndLine() {
    Path zip =
        new ZipWriter()
            .file("Directive.yaml", "identifier: x\nhandlers:\n  - type: [request\n")
            .write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertEquals(OciException.Kind.MALFORMED_PACKAGE, e.kind());
    assertTrue(e.getMessage().startsWith(zip + "!Directive.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void aStepCallingARunnableTheBundleLacksIsRefused() {
    Path zip =
        new ZipWriter()
            .file("Directive.yaml", DIRECTIVE)
            .file("hello.wasm", new byte[8])
            .write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertTrue(
        e.getMessage().contains("calls shout, but the bundle has no shout.wasm"), e.getMessage());
  }

  @Test
  void entriesLeavingTheBundleAreRefused() {
    for (String name : List.of("../evil.wasm", "/etc/evil.wasm", "static/../../x", "a\\b.wasm")) {
      Path zip = bundle().file(name, "x").write(temp.resolve(Math.abs(name.hashCode()) + ".zip"));
      OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip), name);
      assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind(), name);
      assertTrue(e.getMessage().contains("not a plain relative path"), e.getMessage());
    }
  }

  @Test
  void linkEntriesAreRefused() {
    Path zip = bundle().link("static/passwd", "/etc/passwd").write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertTrue(e.getMessage().contains("static/passwd\" is a symbolic link"), e.getMessage());
  }

  @Test
  void aDecompressionBombIsRefused() {
    byte[] zeros = new byte[(int) SuborbitalBundle.MAX_ENTRY + 1];
    Path zip = bundle().file("static/bomb.bin", zeros).write(temp.resolve("b.zip"));
    assertTrue(zip.toFile().length() < 1 << 20, "the bomb is small packed");
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertTrue(e.getMessage().contains("static/bomb.bin unpacks to more than"), e.getMessage());
  }

  @Test
  void aYamlAliasBombIsNotExpanded() {
    StringBuilder y = new StringBuilder("identifier: x\nappVersion: v1\natmoVersion: v1\n");
    y.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    Path zip = new ZipWriter().file("Directive.yaml", y.toString()).write(temp.resolve("b.zip"));
    SuborbitalBundle b =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SuborbitalBundle.read(zip));
    assertEquals("x", b.directive().identifier(), "ten levels of ten aliases read in no time");
  }

  @Test
  void aZipWithoutDirectiveIsNotABundle() {
    Path zip = new ZipWriter().file("hello.wasm", new byte[8]).write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertTrue(e.getMessage().contains("holds no Directive.yaml"), e.getMessage());
  }

  @Test
  void anOversizedDirectiveIsRefusedBeforeParsing() {
    String huge = "identifier: x\n# " + "x".repeat(SuborbitalBundle.MAX_DIRECTIVE) + "\n";
    Path zip = new ZipWriter().file("Directive.yaml", huge).write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertTrue(e.getMessage().contains("Directive.yaml is larger than"), e.getMessage());
  }

  @Test
  void onErrTakesAnyAloneAndOtherBesideCodes() {
    String directive = DIRECTIVE.replace("other: return", "any: return");
    Path zip = bundle(directive).write(temp.resolve("b.zip"));
    OciException e = assertThrows(OciException.class, () -> SuborbitalBundle.read(zip));
    assertTrue(e.getMessage().contains("the other codes are other:, not any:"), e.getMessage());
  }

  @Test
  void withMayBeAListOfNameKeyStringsAsInEarlyDirectives() {
    String directive = DIRECTIVE.replaceFirst("(?m)^( +)loud: shout$", "$1- \"loud: shout\"");
    assertTrue(directive.contains("- \"loud: shout\""), directive);
    Path zip = bundle(directive).write(temp.resolve("b.zip"));
    SuborbitalDirective.Fn fn =
        (SuborbitalDirective.Fn)
            SuborbitalBundle.read(zip).directive().handlers().get(0).steps().get(1);
    assertEquals(Map.of("loud", "shout"), fn.with());
  }
}
