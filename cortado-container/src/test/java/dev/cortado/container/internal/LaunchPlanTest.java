package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanTest {
  @Test
  void theRootfsAndDirectoryBindMountsArePreopened(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.writeString(dir.resolve("resolv.conf"), "");
    BundleConfig config =
        new BundleConfig(
            dir,
            dir.resolve("rootfs"),
            true,
            List.of("/app.wasm", "-v"),
            List.of("A=1", "B=x=y", "NOEQUALS"),
            "/srv",
            false,
            List.of(
                new BundleConfig.Mount("/proc", "proc", "proc", List.of()),
                new BundleConfig.Mount("/data/", "bind", data.toString(), List.of("rbind", "ro")),
                new BundleConfig.Mount(
                    "/etc/resolv.conf", "bind", file.toString(), List.of("rbind"))),
            java.util.Map.of(),
            OptionalLong.of(256L << 20),
            "");
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    RuncLog log = RuncLog.of(Optional.empty(), RuncLog.Format.TEXT, new PrintStream(logged, true));
    LaunchPlan plan =
        LaunchPlan.of(
            config,
            dir.resolve("rootfs/app.wasm"),
            MemoryBudget.of(config.memoryLimit(), 65536),
            log);
    assertEquals(
        List.of(
            new LaunchPlan.Dir(dir.resolve("rootfs").toString(), "/", true),
            new LaunchPlan.Dir(data.toString(), "/data", true)),
        plan.preopens());
    assertEquals(java.util.Map.of("A", "1", "B", "x=y", "PWD", "/srv"), plan.env());
    assertEquals(List.of("/app.wasm", "-v"), plan.args());
    assertEquals(
        MemoryBudget.of(config.memoryLimit(), 65536).get().guestPages(), plan.maxMemoryPages());
    assertTrue(logged.toString().contains("/etc/resolv.conf"), logged.toString());

    Path saved = dir.resolve("launch.json");
    plan.write(saved);
    assertEquals(plan, LaunchPlan.read(saved));
  }
}
