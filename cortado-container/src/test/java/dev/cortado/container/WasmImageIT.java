package dev.cortado.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.Progress;
import dev.cortado.oci.Reference;
import dev.cortado.oci.RegistryClient;
import dev.cortado.oci.testing.RealRegistry;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images built by {@link WasmImage}, pushed to a real registry (Debian's docker-registry) and
 * pulled by containerd with {@code ctr image pull --plain-http}, or imported from a layout tarball,
 * then run by cortado-runc.
 */
class WasmImageIT extends WithContainerd {
  private static final byte[] MODULE =
      ModuleEncoder.encode(TextParser.parseModule(WasiPrograms.ARGS_ENV));

  private static WasmImage image() {
    return WasmImage.of(
        MODULE, "/app/args.wasm", List.of("from", "the image"), List.of("MODE=image"));
  }

  private static Containerd.Result run(String ref, String id) throws Exception {
    List<String> a = new ArrayList<>(containerd.run("--rm", "--snapshotter", "native"));
    a.addAll(List.of(ref, id));
    return containerd.ctr(a.toArray(String[]::new));
  }

  private static void assertRanTheImage(Containerd.Result r) {
    assertEquals(7, r.status(), r.all());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("/app/args.wasm", "from", "the image"), lines.subList(0, 3), r.all());
    assertTrue(lines.contains("MODE=image"), r.all());
  }

  @Test
  void anImagePushedToARegistryIsPulledAndRun(@TempDir Path dir) throws Exception {
    try (RealRegistry registry = RealRegistry.open(dir)) {
      Reference ref = registry.ref("wasm/args:1.0");
      WasmImage image = image();
      RegistryClient client = RegistryClient.builder().insecure(true).build();
      assertEquals(image.digest(), image.push(client, ref, Progress.none()));
      Containerd.Result pull =
          containerd.ctr(
              "image", "pull", "--plain-http", "--snapshotter", "native", ref.toString());
      assertEquals(0, pull.status(), pull.all());
      assertRanTheImage(run(ref.toString(), "pulled"));
    }
  }

  @Test
  void anImageLayoutTarballIsImportedAndRun(@TempDir Path dir) throws Exception {
    Path tar = dir.resolve("args.tar");
    String name = "example.test/wasm/args:layout";
    image().writeLayout(tar, name);
    Containerd.Result imported =
        containerd.ctr("image", "import", "--snapshotter", "native", tar.toString());
    assertEquals(0, imported.status(), imported.all());
    assertRanTheImage(run(name, "imported"));
  }
}
