package dev.cortado.oci;

import static dev.cortado.oci.testing.WebcWriter.fsMapping;
import static dev.cortado.oci.testing.WebcWriter.map;
import static dev.cortado.oci.testing.WebcWriter.wasiCommand;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.WasmerPackage.Format;
import dev.cortado.oci.testing.TarGz;
import dev.cortado.oci.testing.WebcWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmerPackageTest {
  @TempDir Path dir;

  static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /**
   * A package with a name and version, an fs mapping, two commands, an entrypoint, two atoms and a
   * volume with a nested file.
   */
  static WebcWriter hello(WebcWriter w) {
    return w.manifest(
            map(
                "package",
                map(
                    "wapm", map("name", "cortado/hello", "version", "1.2.3"),
                    "fs", List.of(fsMapping("data", "/", "/data"))),
                "commands",
                map(
                    "hello",
                    wasiCommand("hello", "--greet", "world"),
                    "other",
                    wasiCommand("other")),
                "entrypoint",
                "hello"))
        .atom("hello", MODULE)
        .atom("other", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0})
        .volume(
            "data",
            Map.of("hello.txt", "hi\n".getBytes(UTF_8), "sub/deep.txt", "x".getBytes(UTF_8)));
  }

  @Test
  void readsAVersion3PackageWithItsCommandsAtomsVolumesAndMounts() throws IOException {
    WasmerPackage p = WasmerPackage.read(write("hello.webc", hello(WebcWriter.v3()).build()));
    assertEquals(Format.WEBC_V3, p.format());
    assertEquals(Optional.of("cortado/hello"), p.name());
    assertEquals(Optional.of("1.2.3"), p.version());
    assertEquals(
        List.of("hello", "other"), p.commands().stream().map(WasmerCommand::name).toList());
    WasmerCommand hello = p.commands().get(0);
    assertEquals("hello", hello.atom());
    assertEquals(List.of("--greet", "world"), hello.mainArgs());
    assertTrue(hello.isWasi());
    assertArrayEquals(MODULE, p.atom("hello").orElseThrow());
    assertEquals(List.of("hello", "other"), List.copyOf(p.atoms().keySet()));
    WasmerVolume data = p.volume("data").orElseThrow();
    assertEquals(List.of("hello.txt", "sub/deep.txt"), List.copyOf(data.files().keySet()));
    assertEquals(List.of("sub"), List.copyOf(data.directories()));
    assertArrayEquals("hi\n".getBytes(UTF_8), data.files().get("hello.txt").bytes());
    assertEquals(List.of(new WasmerMount("/data", "data", "", Optional.empty())), p.mounts());
    assertEquals(Optional.of("hello"), p.entrypoint());
    assertEquals("hello", p.command(Optional.empty()).name());
    assertEquals("other", p.command(Optional.of("other")).name());
  }

  @Test
  void readsAVersion2PackageAndMountsTheMappedFolderOfItsVolume() throws IOException {
    byte[] webc =
        WebcWriter.v2()
            .manifest(
                map(
                    "package", map("fs", List.of(fsMapping("atom", "/share", "/usr/share"))),
                    "commands", map("tool", wasiCommand("tool"))))
            .atom("tool", MODULE)
            .volume("atom", Map.of("share/doc.txt", "d".getBytes(UTF_8), "top.txt", new byte[0]))
            .build();
    WasmerPackage p = WasmerPackage.read(write("tool.webc", webc));
    assertEquals(Format.WEBC_V2, p.format());
    assertEquals(Optional.empty(), p.name());
    assertEquals(
        List.of(new WasmerMount("/usr/share", "atom", "share", Optional.empty())), p.mounts());
    assertEquals(2, p.volume("atom").orElseThrow().fileCount());
    assertEquals("tool", p.command(Optional.empty()).name());
  }

  @Test
  void aVersion2PackageWithoutAnFsAnnotationHasItsAtomVolumeAtTheRoot() throws IOException {
    byte[] webc =
        WebcWriter.v2()
            .manifest(map("commands", map("tool", wasiCommand("tool"))))
            .atom("tool", MODULE)
            .volume("atom", Map.of("etc/conf", "c".getBytes(UTF_8)))
            .build();
    WasmerPackage p = WasmerPackage.read(write("tool.webc", webc));
    assertEquals(List.of(new WasmerMount("/", "atom", "", Optional.empty())), p.mounts());
  }

  @Test
  void aVersion3PackageWithoutAnFsAnnotationMountsNothing() throws IOException {
    byte[] webc =
        WebcWriter.v3()
            .manifest(map("commands", map("tool", wasiCommand("tool"))))
            .atom("tool", MODULE)
            .volume("atom", Map.of("etc/conf", "c".getBytes(UTF_8)))
            .build();
    assertEquals(List.of(), WasmerPackage.read(write("tool.webc", webc)).mounts());
  }

  @Test
  void commandsWithoutAtomAnnotationsFollowWasmersOlderRules() throws IOException {
    Map<String, Object> commands = new LinkedHashMap<>();
    commands.put("ls", Map.of("runner", WebcWriter.WASI, "annotations", Map.of()));
    commands.put(
        "py",
        Map.of(
            "runner",
            WebcWriter.WASI,
            "annotations",
            Map.of("wasi", Map.of("atom", "python/python:python", "mainArgs", List.of("-q")))));
    commands.put("coreutils", Map.of("runner", WebcWriter.WASI, "annotations", Map.of()));
    byte[] webc =
        WebcWriter.v2().manifest(map("commands", commands)).atom("coreutils", MODULE).build();
    WasmerPackage p = WasmerPackage.read(write("old.webc", webc));
    assertEquals("coreutils", p.command(Optional.of("ls")).atom(), "the first atom");
    WasmerCommand py = p.command(Optional.of("py"));
    assertEquals("python", py.atom());
    assertEquals(Optional.of("python/python"), py.atomDependency());
    assertEquals(List.of("-q"), py.mainArgs());
    assertEquals("coreutils", p.command(Optional.of("coreutils")).atom(), "the command's name");
  }

  @Test
  void choosingACommandNamesTheCommandsWhenItCannot() throws IOException {
    byte[] webc =
        WebcWriter.v3()
            .manifest(map("commands", map("a", wasiCommand("x"), "b", wasiCommand("x"))))
            .atom("x", MODULE)
            .build();
    WasmerPackage p = WasmerPackage.read(write("two.webc", webc));
    OciException several = assertThrows(OciException.class, () -> p.command(Optional.empty()));
    assertEquals(OciException.Kind.AMBIGUOUS_MODULE, several.kind());
    assertTrue(
        several.getMessage().contains("name one with --command (a, b)"), several.getMessage());
    OciException unknown = assertThrows(OciException.class, () -> p.command(Optional.of("c")));
    assertEquals("the package has no command 'c' (its commands: a, b)", unknown.getMessage());
  }

  @Test
  void readsAWapmTarballWithModulesCommandsAndFsFolders() throws IOException {
    String toml =
        """
        [package]
        name = "cortado/hello"
        version = "0.1.0"
        description = "says hello"

        [[module]]
        name = "hello"
        source = "target/hello.wasm"
        abi = "wasi"

        [[command]]
        name = "greet"
        module = "hello"
        main_args = "--loud  twice"

        [fs]
        "/data" = "assets"
        """;
    byte[] tgz =
        TarGz.builder()
            .entry("wapm.toml", '0', toml.getBytes(UTF_8), "")
            .entry("target/hello.wasm", '0', MODULE, "")
            .entry("assets/", '5', new byte[0], "")
            .entry("assets/hello.txt", '0', "hi".getBytes(UTF_8), "")
            .entry("assets/sub/more.txt", '0', "more".getBytes(UTF_8), "")
            .entry("README.md", '0', "readme".getBytes(UTF_8), "")
            .build();
    WasmerPackage p = WasmerPackage.read(write("hello-0.1.0.tar.gz", tgz));
    assertEquals(Format.WAPM_TARBALL, p.format());
    assertEquals(Optional.of("cortado/hello"), p.name());
    WasmerCommand greet = p.command(Optional.empty());
    assertEquals("greet", greet.name());
    assertEquals(List.of("--loud", "twice"), greet.mainArgs());
    assertTrue(greet.isWasi());
    assertArrayEquals(MODULE, p.atom("hello").orElseThrow());
    WasmerVolume assets = p.volume("assets").orElseThrow();
    assertEquals(List.of("hello.txt", "sub/more.txt"), List.copyOf(assets.files().keySet()));
    assertEquals(List.of(new WasmerMount("/data", "assets", "", Optional.empty())), p.mounts());
  }

  @Test
  void readsAWasmerTomlWithRunnersAndAnnotations() throws IOException {
    String toml =
        """
        [package]
        name = "cortado/tool"
        version = "2.0.0"
        entrypoint = "tool"

        [[module]]
        name = "tool"
        source = "tool.wasm"

        [[command]]
        name = "tool"
        module = "tool"
        runner = "wasi"

        [command.annotations.wasi]
        main-args = ["--quiet", "a b"]
        env = ["MODE=fast"]

        [[command]]
        name = "web"
        module = "tool"
        runner = "https://webc.org/runner/wcgi"
        """;
    byte[] tgz =
        TarGz.builder()
            .entry("wasmer.toml", '0', toml.getBytes(UTF_8), "")
            .entry("tool.wasm", '0', MODULE, "")
            .build();
    WasmerPackage p = WasmerPackage.read(write("tool.tar.gz", tgz));
    WasmerCommand tool = p.command(Optional.empty());
    assertEquals("tool", tool.name());
    assertTrue(tool.isWasi());
    assertEquals(List.of("--quiet", "a b"), tool.mainArgs());
    assertEquals(List.of("MODE=fast"), tool.env());
    WasmerCommand web = p.command(Optional.of("web"));
    assertEquals("https://webc.org/runner/wcgi", web.runner());
    assertFalse(web.isWasi());
  }

  @Test
  void aVolumeIsWrittenOnceUnderItsDigestAndNothingElseIsLeft() throws IOException {
    WasmerPackage p = WasmerPackage.read(write("hello.webc", hello(WebcWriter.v3()).build()));
    WasmerVolume data = p.volume("data").orElseThrow();
    Path cache = dir.resolve("cache");
    Path first = data.extract(cache);
    assertEquals(cache.resolve("volumes").resolve(data.digest().hex()), first);
    assertEquals("hi\n", Files.readString(first.resolve("hello.txt")));
    assertEquals("x", Files.readString(first.resolve("sub/deep.txt")));
    Files.writeString(first.resolve("marker"), "kept");
    assertEquals(first, data.extract(cache), "the same folder, not written again");
    assertTrue(Files.exists(first.resolve("marker")));
    try (Stream<Path> all = Files.list(cache.resolve("volumes"))) {
      assertEquals(List.of(first), all.toList(), "no temporary folders left");
    }
  }

  @Test
  void volumesWithTheSameTreeShareADigestAndOthersDoNot() throws IOException {
    WasmerPackage v2 = WasmerPackage.read(write("a.webc", hello(WebcWriter.v2()).build()));
    WasmerPackage v3 = WasmerPackage.read(write("b.webc", hello(WebcWriter.v3()).build()));
    assertEquals(
        v2.volume("data").orElseThrow().digest(), v3.volume("data").orElseThrow().digest());
    assertFalse(
        v3.volume("data")
            .orElseThrow()
            .digest()
            .equals(WasmerVolume.of("data", Map.of(), List.of()).digest()));
  }

  @Test
  void aVolumeOnlyHoldsPlainRelativePaths() {
    WasmerVolume.File f = new WasmerVolume.File("x", java.nio.ByteBuffer.wrap(MODULE));
    for (String bad : List.of("../x", "/abs", "a//b", "a/./b", "a\\b", "", "a/")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> WasmerVolume.of("v", Map.of(bad, f), List.of()),
          bad);
      assertThrows(
          IllegalArgumentException.class, () -> WasmerVolume.of("v", Map.of(), List.of(bad)), bad);
    }
    assertEquals(
        List.of("a", "a/b"),
        List.copyOf(WasmerVolume.of("v", Map.of("a/b/c", f), List.of()).directories()));
  }

  @Test
  void recognizesPackagesByMagicNumberOrName() throws IOException {
    assertTrue(WasmerPackage.isPackage(write("x.bin", hello(WebcWriter.v3()).build())));
    assertTrue(WasmerPackage.isPackage(write("y.tar.gz", new byte[] {1})));
    assertFalse(WasmerPackage.isPackage(write("m.wasm", MODULE)));
    assertFalse(WasmerPackage.isPackage(dir.resolve("missing.webc")));
  }
}
