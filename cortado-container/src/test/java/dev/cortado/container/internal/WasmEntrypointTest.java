package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmEntrypointTest {
  private static final byte[] WASM = {0, 'a', 's', 'm', 1, 0, 0, 0};

  @TempDir Path dir;

  private BundleConfig config(
      List<String> args,
      List<String> env,
      Map<String, String> annotations,
      List<BundleConfig.Mount> mounts) {
    return new BundleConfig(
        dir,
        dir.resolve("rootfs"),
        false,
        args,
        env,
        "/srv",
        false,
        mounts,
        annotations,
        OptionalLong.empty(),
        "");
  }

  private Path file(String relative, byte[] bytes) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }

  @Test
  void aDotWasmEntrypointInTheRootfsIsWasm() throws Exception {
    Path module = file("rootfs/app/main.wasm", WASM);
    assertEquals(
        module.toRealPath(),
        WasmEntrypoint.of(config(List.of("/app/main.wasm"), List.of(), Map.of(), List.of()))
            .orElseThrow());
  }

  @Test
  void aRelativeEntrypointIsFoundFromTheWorkingDirectory() throws Exception {
    Path module = file("rootfs/srv/bin/x.wasm", WASM);
    assertEquals(
        module.toRealPath(),
        WasmEntrypoint.of(config(List.of("bin/x.wasm"), List.of(), Map.of(), List.of()))
            .orElseThrow());
  }

  @Test
  void anyOtherEntrypointIsNotWasm() throws Exception {
    file("rootfs/bin/sh", new byte[] {0x7f, 'E', 'L', 'F'});
    assertTrue(
        WasmEntrypoint.of(config(List.of("/bin/sh"), List.of(), Map.of(), List.of())).isEmpty());
  }

  @Test
  void compatMakesAnyEntrypointWasmFoundAlongPath() throws Exception {
    Path module = file("rootfs/opt/bin/app", WASM);
    assertEquals(
        module.toRealPath(),
        WasmEntrypoint.of(
                config(
                    List.of("app"),
                    List.of("PATH=/usr/bin:/opt/bin"),
                    Map.of(WasmEntrypoint.VARIANT, "compat"),
                    List.of()))
            .orElseThrow());
  }

  @Test
  void compatSmartLooksAtTheFileHeader() throws Exception {
    file("rootfs/bin/native", new byte[] {0x7f, 'E', 'L', 'F'});
    Path module = file("rootfs/bin/wasm", WASM);
    Map<String, String> smart = Map.of(WasmEntrypoint.VARIANT, "compat-smart");
    assertTrue(
        WasmEntrypoint.of(config(List.of("/bin/native"), List.of(), smart, List.of())).isEmpty());
    assertEquals(
        module.toRealPath(),
        WasmEntrypoint.of(config(List.of("/bin/wasm"), List.of(), smart, List.of())).orElseThrow());
  }

  @Test
  void aModuleOnABindMountIsFoundThere() throws Exception {
    Path module = file("host/modules/m.wasm", WASM);
    file("rootfs/mnt/m.wasm", new byte[] {1}); // hidden by the mount, as in the container
    BundleConfig.Mount mount =
        new BundleConfig.Mount("/mnt", "bind", dir.resolve("host/modules").toString(), List.of());
    assertEquals(
        module.toRealPath(),
        WasmEntrypoint.of(config(List.of("/mnt/m.wasm"), List.of(), Map.of(), List.of(mount)))
            .orElseThrow());
  }

  @Test
  void aMissingWasmEntrypointIsNamed() {
    RuncException e =
        assertThrows(
            RuncException.class,
            () -> WasmEntrypoint.of(config(List.of("/gone.wasm"), List.of(), Map.of(), List.of())));
    assertTrue(
        e.getMessage().contains("/gone.wasm is not a file in the container"), e.getMessage());
  }

  @Test
  void aLinkOutOfTheRootfsIsNotFollowed() throws Exception {
    file("outside/secret.wasm", WASM);
    Files.createDirectories(dir.resolve("rootfs"));
    Files.createSymbolicLink(dir.resolve("rootfs/app.wasm"), dir.resolve("outside/secret.wasm"));
    assertThrows(
        RuncException.class,
        () -> WasmEntrypoint.of(config(List.of("/app.wasm"), List.of(), Map.of(), List.of())));
  }
}
