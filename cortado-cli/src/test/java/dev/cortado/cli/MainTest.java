package dev.cortado.cli;

import static dev.cortado.cli.InProcess.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void validatePrintsOneLinePerFileInTheDocumentedShape() throws IOException {
    Path valid = file("ok.wat", "(module (func (result i32) (i32.const 1)))");
    Path invalid = file("bad.wat", "(module (func (result i32) (i64.const 1)))");
    Path malformed = file("junk.wasm", "not a module");
    InProcess r = run("validate", valid.toString(), invalid.toString(), malformed.toString());
    String[] lines = r.out().split("\\R");
    assertEquals(valid + ": valid", lines[0]);
    assertTrue(lines[1].startsWith(invalid + ": invalid: type mismatch"), lines[1]);
    assertTrue(lines[2].startsWith(malformed + ": malformed: magic header not detected"), lines[2]);
    assertEquals(1, r.status());
  }

  @Test
  void validateChecksAgainstWasm2OnRequest() throws IOException {
    Path f = file("ext.wat", "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))");
    assertEquals(0, run("validate", f.toString()).status());
    InProcess old = run("validate", "--wasm=2.0", f.toString());
    assertEquals(1, old.status());
    assertTrue(old.out().startsWith(f + ": invalid: constant expression required"), old.out());
    InProcess bad = run("validate", "--wasm=4", f.toString());
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("unknown --wasm '4': use 3.0 or 2.0"), bad.err());
  }

  @Test
  void wastRunsA2ScriptAsWrittenWithWasm2() throws IOException {
    Path script =
        file(
            "old.wast",
            "(assert_invalid (module (global i32 (i32.add (i32.const 1) (i32.const 2))))"
                + " \"constant expression required\")");
    assertEquals(0, run("wast", "--wasm=2.0", script.toString()).status());
    InProcess now = run("wast", script.toString());
    assertEquals(1, now.status());
    assertTrue(now.out().contains("0 passed, 1 failed"), now.out());
  }

  @Test
  void theHelpSummarizesEveryCommandInAWholeSentence() {
    InProcess r = run("--help");
    assertEquals(0, r.status());
    String commands = r.out().substring(r.out().indexOf("Commands:") + "Commands:".length());
    // An entry starts at two spaces of indent; its wrapped lines are indented further.
    List<String> entries = new ArrayList<>();
    for (String line : commands.split("\\R")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        entries.add(line.strip());
      } else if (!line.isBlank()) {
        entries.set(entries.size() - 1, entries.getLast() + " " + line.strip());
      }
    }
    assertEquals(13, entries.size(), String.join("\n", entries));
    for (String entry : entries) {
      assertTrue(entry.endsWith("."), "cut off in the command list: " + entry);
    }
  }

  @Test
  void wastRunsTheScriptsOfAFolderInNameOrder() throws IOException {
    Path suite = Files.createDirectory(dir.resolve("suite"));
    Files.writeString(
        suite.resolve("b.wast"), "(assert_malformed (module quote \"(module)\") \"x\")");
    Files.writeString(suite.resolve("a.wast"), "(module) (assert_return (invoke \"nope\"))");
    Files.writeString(suite.resolve("notes.txt"), "not a script");
    Files.createDirectory(suite.resolve("sub"));
    Files.writeString(suite.resolve("sub/c.wast"), "(module)");
    InProcess r = run("wast", suite.toString());
    assertEquals(1, r.status());
    String[] lines = r.out().split("\\R");
    assertTrue(lines[0].startsWith(suite.resolve("a.wast") + ":1:"), r.out());
    assertTrue(lines[0].contains("script error: no exported function nope"), lines[0]);
    assertTrue(lines[1].startsWith(suite.resolve("b.wast") + ":1:"), r.out());
    assertEquals("1 passed, 2 failed, 0 skipped", lines[lines.length - 1], r.out());
    InProcess empty =
        run("wast", suite.resolve("sub").resolve("..").resolve("sub").toString(), dir.toString());
    assertEquals(1, empty.status());
    assertTrue(empty.err().contains(dir + ": no .wast scripts in this folder"), empty.err());
  }

  @Test
  void validateExitsWithZeroWhenEveryFileIsValid() throws IOException {
    InProcess r = run("validate", file("a.wat", "(module)").toString());
    assertEquals(0, r.status());
  }

  @Test
  void aMissingFileIsAnErrorWithoutAStackTrace() {
    InProcess r = run("validate", dir.resolve("nope.wasm").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("nope.wasm: no such file"), r.err());
    assertFalse(r.err().contains("at dev.cortado"), r.err());
  }

  @Test
  void anUnknownImportIsNamedForWhatItIs() throws IOException {
    Path f = file("g.wat", "(module (import \"env\" \"__memory_base\" (global i32)))");
    InProcess r = run("run", f.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("provide this global;"), r.err());
  }

  @Test
  void wat2wasmRefusesTextWithoutABinaryEncodingClearly() throws IOException {
    Path f = file("big.wat", "(module (memory 0x1_0000_0000))");
    InProcess r = run("wat2wasm", "--no-check", f.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("big.wat: the module has no binary encoding"), r.err());
    assertFalse(r.err().contains("at dev.cortado"), r.err());
  }

  @Test
  void wat2wasmSaysWhatIsWrongWithItsOutput() throws IOException {
    Path f = file("m.wat", "(module)");
    InProcess folder = run("wat2wasm", f.toString(), "-o", dir.toString());
    assertEquals(1, folder.status());
    assertTrue(
        folder.err().contains("is a folder; give the module's file name, for example -o "),
        folder.err());
    Path nested = dir.resolve("out/deeper/m.wasm");
    InProcess made = run("wat2wasm", f.toString(), "-o", nested.toString());
    assertEquals(0, made.status(), made.err());
    assertEquals(8, Files.size(nested));
    Files.writeString(dir.resolve("plain"), "a file, not a folder");
    InProcess blocked = run("wat2wasm", f.toString(), "-o", dir.resolve("plain/m.wasm").toString());
    assertEquals(1, blocked.status());
    assertTrue(blocked.err().contains("cannot make the folder"), blocked.err());
    assertFalse(blocked.err().contains("internal error"), blocked.err());
  }

  @Test
  void imageBuildShipsATextModuleAsItsBinary() throws IOException {
    Path f = file("m.wat", "(module (func (export \"_start\")))");
    Path tar = dir.resolve("m.tar");
    InProcess r = run("image", "build", "-t", "m:1", f.toString(), "-o", tar.toString());
    assertEquals(0, r.status(), r.err());
    String layout =
        new String(Files.readAllBytes(tar), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(layout.contains("\"/m.wasm\""), "the entrypoint is named for the binary");
    Path invalid = file("bad.wat", "(module (func (result i32)))");
    InProcess refused = run("push", invalid.toString(), "localhost:1/m:1");
    assertEquals(1, refused.status());
    assertTrue(refused.err().contains("type mismatch"), refused.err());
  }

  @Test
  void runningAnHttpHandlerComponentPointsToServe() {
    String component = "../cortado-component/src/test/resources/components/js/hello.wasm";
    InProcess r = run("run", component);
    assertEquals(1, r.status());
    assertTrue(
        r.err().contains("it is an HTTP handler (it exports wasi:http/incoming-handler), not a"),
        r.err());
    assertTrue(r.err().contains("serve it with 'cortado serve " + component + "'"), r.err());
    InProcess command =
        run("run", "../cortado-component/src/test/resources/components/programs/exitcode.wasm");
    assertFalse(command.err().contains("HTTP handler"), command.err());
  }

  @Test
  void inspectWatPrintsSeveralAndWideMemories() throws IOException {
    String wat =
        "(module (memory i64 1) (memory $b 1) (table i64 2 funcref)"
            + " (func (drop (i32.load $b offset=4 (i32.const 0)))))";
    InProcess r = run("inspect", "--wat", file("m.wat", wat).toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("(memory (;0;) i64 1)"), r.out());
    assertTrue(r.out().contains("(table (;0;) i64 2 funcref)"), r.out());
    assertTrue(r.out().contains("i32.load 1 offset=4"), r.out());
  }

  /** A component importing interface {@code my:pkg/api} with {@code f: func(x: u32) -> string}. */
  private Path component() throws IOException {
    byte[] name = "my:pkg/api".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
    byte[] types = {1, 0x42, 2, 1, 0x40, 1, 1, 'x', 0x79, 0, 0x73, 4, 0, 1, 'f', 1, 0};
    b.write(7);
    b.write(types.length);
    b.writeBytes(types);
    b.write(10);
    b.write(1 + 1 + 1 + name.length + 2);
    b.writeBytes(new byte[] {1, 0, (byte) name.length});
    b.writeBytes(name);
    b.writeBytes(new byte[] {5, 0});
    return Files.write(dir.resolve("c.wasm"), b.toByteArray());
  }

  /** A component exporting {@code add: func(a: u32, b: u32) -> u32}, lifted from a core module. */
  private Path adder() throws IOException {
    byte[] core =
        dev.cortado.wasm.binary.ModuleEncoder.encode(
            dev.cortado.wasm.text.TextParser.parseModule(
                "(module (func (export \"add\") (param i32 i32) (result i32)"
                    + " (i32.add (local.get 0) (local.get 1))))"));
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
    section(b, 1, core);
    section(b, 2, new byte[] {1, 0, 0, 0}); // core instance 0: module 0, no arguments
    section(b, 6, new byte[] {1, 0, 0, 1, 0, 3, 'a', 'd', 'd'}); // core func 0
    section(b, 7, new byte[] {1, 0x40, 2, 1, 'a', 0x79, 1, 'b', 0x79, 0, 0x79}); // type 0
    section(b, 8, new byte[] {1, 0, 0, 0, 0, 0}); // func 0: canon lift
    section(b, 11, new byte[] {1, 0, 3, 'a', 'd', 'd', 1, 0, 0}); // export "add"
    return Files.write(dir.resolve("adder.wasm"), b.toByteArray());
  }

  private static void section(java.io.ByteArrayOutputStream b, int id, byte[] content) {
    b.write(id);
    b.write(content.length); // the sections here are shorter than 128 bytes
    b.writeBytes(content);
  }

  @Test
  void runInvokesAComponentsExportWithWaveValues() throws IOException {
    Path c = adder();
    InProcess r = run("run", "--invoke", "add(2, 40)", c.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("42\n", r.out());
    InProcess separate = run("run", "--invoke", "add", c.toString(), "4294967295", "1");
    assertEquals("0\n", separate.out(), separate.err());
    InProcess bad = run("run", "--invoke", "add(2)", c.toString());
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("the arguments (a: u32, b: u32) take"), bad.err());
    InProcess missing = run("run", "--invoke", "sub(1, 2)", c.toString());
    assertTrue(
        missing.err().contains("no exported function \"sub\" (it exports: add"), missing.err());
  }

  @Test
  void inspectShowsAComponentsWorld() throws IOException {
    InProcess r = run("inspect", component().toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out().contains("import my:pkg/api: interface {\n    f: func(x: u32) -> string;\n"),
        r.out());
    assertTrue(r.out().contains("core modules (0):"), r.out());
  }

  @Test
  void validateGivesAComponentsVerdict() throws IOException {
    Path c = component();
    InProcess r = run("validate", c.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals(c + ": valid component\n", r.out());
    Files.write(c, java.util.Arrays.copyOf(Files.readAllBytes(c), 20));
    InProcess cut = run("validate", c.toString());
    assertTrue(cut.out().startsWith(c + ": malformed: unexpected end"), cut.out());
  }

  @Test
  void inspectSummarizesImportsAndExports() throws IOException {
    Path f =
        file(
            "m.wat",
            "(module (import \"env\" \"f\" (func (param i32))) (memory (export \"mem\") 1))");
    InProcess r = run("inspect", f.toString());
    assertEquals(0, r.status());
    assertTrue(r.out().contains("\"env\" \"f\": (func (param i32))"), r.out());
    assertTrue(r.out().contains("\"mem\": memory 0"), r.out());
  }

  @Test
  void inspectShowsAnExportedMemorysTypeSharedOrOfOneBytePages() throws IOException {
    Path f =
        file(
            "m.wat",
            "(module (import \"env\" \"memory\" (memory 1 2 shared)) (export \"a\" (memory 0))"
                + " (memory (export \"b\") 10 (pagesize 1)))");
    InProcess r = run("inspect", f.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"a\": memory 0 (1 2 shared)"), r.out());
    assertTrue(r.out().contains("\"b\": memory 1 (10 (pagesize 1))"), r.out());
  }

  @Test
  void inspectWatPrintsTheTextFormat() throws IOException {
    InProcess r = run("inspect", "--wat", file("m.wat", "(module (memory 1))").toString());
    assertEquals("(module\n  (memory (;0;) 1)\n)\n", r.out());
  }

  @Test
  void inspectWatPrintsExtendedConstantsAndCustomSections() throws IOException {
    Path f =
        file(
            "c.wat",
            "(module (global $a i32 (i32.const 2))"
                + " (global i32 (i32.mul (global.get $a) (i32.const 3)))"
                + " (@custom \"note\" \"hi\"))");
    InProcess r = run("inspect", "--wat", f.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(
        "(module\n"
            + "  (global (;0;) i32 (i32.const 2))\n"
            + "  (global (;1;) i32 (global.get 0) (i32.const 3) (i32.mul))\n"
            + "  (@custom \"note\" (after data) \"hi\")\n"
            + ")\n",
        r.out());
  }

  @Test
  void wastReportsAScriptThatDoesNotParseAndGoesOnWithTheNext() throws IOException {
    Path broken = file("broken.wast", "(module)\n(assert_return (invoke \"f\") (i32.frob 1))\n");
    Path good =
        file(
            "good.wast",
            "(module (func (export \"f\") (result i32) (i32.const 7)))\n"
                + "(assert_return (invoke \"f\") (i32.const 7))\n");
    InProcess r = run("wast", broken.toString(), good.toString());
    String[] lines = r.out().split("\\R");
    assertEquals(2, lines.length, r.out());
    assertTrue(lines[0].startsWith(broken + ":2:30: script: does not parse: "), lines[0]);
    assertEquals("2 passed, 1 failed, 0 skipped", lines[1]);
    assertEquals(1, r.status());
    assertFalse(r.err().contains("at dev.cortado"), r.err());
  }

  @Test
  void aBadFlagGivesUsage() throws IOException {
    InProcess r = run("validate", "--frobnicate", file("a.wat", "(module)").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
    assertTrue(r.err().contains("Usage: cortado validate"), r.err());
  }
}
