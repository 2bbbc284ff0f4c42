package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WIT parsed and resolved into worlds, printed, and components checked against them. */
class WitTest {
  static final String KV =
      """
      // A package of two interfaces and a world, with most of WIT's forms.
      package demo:kv@1.2.0;

      interface types {
        /// An error.
        variant error { no-such-store, access-denied, other(string) }
        record entry { key: string, value: list<u8> }
        enum level { low, high }
        flags perms { read, write }
        type key = string;
        resource bucket {
          constructor(name: string);
          get: func(key: key) -> result<option<list<u8>>, error>;
          keys: func() -> list<key>;
          open: static func(name: string) -> result<bucket, error>;
        }
      }

      interface store {
        use types.{bucket, error as store-error, entry};
        /* a block /* nested */ comment */
        open: func(name: string) -> result<bucket, store-error>;
        put-all: func(b: borrow<bucket>, entries: list<entry>, pair: tuple<u32, f64>);
        @since(version = 1.2.0)
        fixed: func(digest: list<u8, 32>) -> result;
      }

      world app {
        import store;
        import log: func(message: string);
        export run: func() -> result<_, string>;
        export handler: interface {
          handle: func(request: list<u8>) -> list<u8>;
        }
      }
      """;

  @Test
  void aWorldResolvesWithItsTypesSpelledOut() {
    Wit wit = Wit.parse(KV);
    assertEquals(List.of("demo:kv/app@1.2.0"), wit.worlds());
    World app = wit.world("app");
    // store uses types, so types is imported too, as the component model has it.
    assertEquals(
        List.of("demo:kv/store@1.2.0", "demo:kv/types@1.2.0", "log"),
        app.imports().stream().map(World.Item::name).toList());
    assertEquals(List.of("run", "handler"), app.exports().stream().map(World.Item::name).toList());
    String text = WorldText.of(app);
    assertTrue(text.contains("open: func(name: string) -> result<bucket, error>"), text);
    assertTrue(text.contains("fixed: func(digest: list<u8, 32>) -> result"), text);
    assertTrue(text.contains("[method]bucket.get: func(self: borrow<bucket>, key: key)"), text);
    assertTrue(text.contains("[constructor]bucket: func(name: string) -> bucket"), text);
    assertTrue(text.contains("[static]bucket.open: func(name: string)"), text);
  }

  @Test
  void oneResourceIsOneTypeWhereverItIsUsed() {
    World app = Wit.parse(KV).world("demo:kv/app");
    World.Item store = app.imports().get(0);
    World.Item types = app.imports().get(1);
    Shape.Handle fromStore = handle(store, "open");
    Shape.Handle fromTypes = handle(types, "[static]bucket.open");
    assertTrue(fromStore.type() == fromTypes.type(), "the same ResourceType");
  }

  private static Shape.Handle handle(World.Item item, String function) {
    World.Function f =
        item.members().stream()
            .filter(m -> m instanceof World.Function g && g.name().equals(function))
            .map(World.Function.class::cast)
            .findFirst()
            .orElseThrow();
    return (Shape.Handle) ((Shape.Result) f.result().orElseThrow()).ok().orElseThrow();
  }

  @Test
  void syntaxErrorsNameTheFileLineAndColumn() {
    WitException e =
        assertThrows(
            WitException.class,
            () -> Wit.parse(Map.of("a.wit", "package a:b;\ninterface i {\n  f: func(x: );\n}\n")));
    assertEquals("a.wit:3:14: expected a type, found ')'", e.getMessage());
    WitException noPackage =
        assertThrows(WitException.class, () -> Wit.parse(Map.of("b.wit", "interface i {}")));
    assertTrue(noPackage.getMessage().startsWith("b.wit:1:1: expected a package declaration"));
    WitException camel =
        assertThrows(WitException.class, () -> Wit.parse("package a:b; interface myIface {}"));
    assertTrue(camel.getMessage().contains("\"myIface\" is not a kebab-case identifier"));
  }

  @Test
  void aWorldsTypeMayBeUsedAboveItsDefinition() {
    World w =
        Wit.parse(
                "package a:b;\nworld w {\n  import get: func() -> own<thing>;\n"
                    + "  import size: func() -> t;\n  resource thing;\n  type t = u8;\n}\n")
            .world("w");
    assertEquals(List.of("get", "size"), w.imports().stream().map(World.Item::name).toList());
    assertTrue(WorldText.of(w).contains("import size: func() -> t;"), WorldText.of(w));
  }

  @Test
  void unknownNamesAreNamedWhenTheWorldResolves() {
    Wit wit =
        Wit.parse("package a:b;\ninterface i { f: func() -> missing; }\nworld w { import i; }\n");
    WitException e = assertThrows(WitException.class, () -> wit.world("w"));
    assertTrue(e.getMessage().contains("no type named \"missing\" in a:b/i"), e.getMessage());
    WitException other =
        assertThrows(
            WitException.class,
            () -> Wit.parse("package a:b;\nworld w { import c:d/e; }\n").world("w"));
    assertTrue(other.getMessage().contains("no package c:d"), other.getMessage());
    assertThrows(WitException.class, () -> wit.world("nowhere"));
  }

  @Test
  void theWasiWorldsResolveAndCommandComponentsFitTheCommandWorld() throws IOException {
    Wit wasi = Wit.read(Jco.wasiWit("components cannot be checked against the WASI worlds"));
    assertTrue(wasi.worlds().contains("wasi:cli/command@0.2.12"), wasi.worlds().toString());
    assertTrue(wasi.worlds().contains("wasi:http/proxy@0.2.12"), wasi.worlds().toString());
    World command = wasi.world("wasi:cli/command");
    assertTrue(
        WorldText.of(command).contains("read: func(self: borrow<input-stream>, len: u64)"),
        WorldText.of(command));
    for (String name : List.of("hello", "args_env", "files", "rust_io", "go_runtime")) {
      Component c = TwoAbis.component(name);
      assertEquals(List.of(), Wit.check(c, command), name);
    }
    // A command does not fit the proxy world: it exports no incoming handler.
    List<String> problems = Wit.check(TwoAbis.component("hello"), wasi.world("wasi:http/proxy"));
    assertTrue(
        problems.contains("does not export wasi:http/incoming-handler@0.2.12"),
        problems.toString());
  }

  @Test
  void aComponentWhoseImportHasAnotherTypeIsNamed() throws IOException {
    Component hello;
    try (InputStream in = WitTest.class.getResourceAsStream("/components/hello.wasm")) {
      hello = Component.decode(Bytes.of(in.readAllBytes()));
    }
    World wrong =
        Wit.parse(
                """
                package wasi:cli@0.2.0;
                interface environment { get-arguments: func() -> list<u32>; }
                interface run { run: func() -> result; }
                world w { import environment; export run; }
                """)
            .world("w");
    List<String> problems = Wit.check(hello, wrong);
    assertTrue(
        problems.contains(
            "import wasi:cli/environment@0.2.12, function get-arguments has type"
                + " func() -> list<string>, the world's is func() -> list<u32>"),
        problems.toString());
    assertTrue(
        problems.contains("imports wasi:io/streams@0.2.12, which the world does not"),
        problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("run")), "it exports run");
  }

  @Test
  void mangledWitGivesWitExceptionsOnly() {
    java.util.Random random = new java.util.Random(7);
    String tokens = "{}()<>,;:.=/@*_-> \n%a0";
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder(KV);
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, tokens.charAt(random.nextInt(tokens.length())));
          default -> b.delete(at, Math.min(b.length(), at + random.nextInt(20)));
        }
      }
      try {
        Wit wit = Wit.parse(b.toString());
        for (String w : wit.worlds()) {
          WorldText.of(wit.world(w));
        }
      } catch (WitException expected) {
        // the one exception bad WIT may give
      }
    }
    String deep = "package a:b; interface i { f: func() -> " + "list<".repeat(100_000) + "u8";
    assertThrows(WitException.class, () -> Wit.parse(deep));
    assertThrows(
        WitException.class,
        () -> Wit.parse("package a:b; interface i { f: func() -> list<u8, 99999999999>; }"));
  }

  @Test
  void anIncludedWorldsPlainNamesCanBeRenamed() {
    Wit wit =
        Wit.parse(
            """
            package a:b;
            interface i { f: func(); }
            world base {
              import i;
              import log: func(line: string);
              export run: func();
            }
            world app {
              include base with { log as trace, run as start };
              export run: func(code: u32);
            }
            """);
    World app = wit.world("app");
    assertEquals(List.of("a:b/i", "trace"), app.imports().stream().map(World.Item::name).toList());
    assertEquals(List.of("start", "run"), app.exports().stream().map(World.Item::name).toList());
    assertEquals("trace", app.imports().get(1).function().orElseThrow().name());
    WitException e =
        assertThrows(
            WitException.class,
            () ->
                Wit.parse(
                        "package a:b; world base { export run: func(); }"
                            + " world app { include base with { nothing as x }; }")
                    .world("app"));
    assertTrue(e.getMessage().contains("has no import or export \"nothing\""), e.getMessage());
  }

  @Test
  void aTopLevelUseNamesAnotherPackagesInterface() {
    Wit wit =
        Wit.parse(
            Map.of(
                "b.wit",
                "package a:b@1.0.0; interface i { record r { x: u8 } f: func() -> r; }",
                "c.wit",
                """
                package a:c;
                use a:b/i@1.0.0 as j;
                interface k { use j.{r}; g: func(v: r); }
                world w { import j; import k; }
                """));
    World w = wit.world("a:c/w");
    assertEquals(
        List.of("a:b/i@1.0.0", "a:c/k"), w.imports().stream().map(World.Item::name).toList());
    assertTrue(WorldText.of(w).contains("g: func(v: r)"), WorldText.of(w));
  }
}
