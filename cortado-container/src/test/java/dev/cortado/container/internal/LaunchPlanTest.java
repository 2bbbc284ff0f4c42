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
  void theRootfsAndDirectoryBindMountsArePreopenedAndFileMountsShowInThem(@TempDir Path dir)
      throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.writeString(dir.resolve("resolv.conf"), "");
    Path hosts = Files.writeString(dir.resolve("hosts"), "");
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
    // The image's /etc/resolv.conf leads to /run/resolv.conf, which it lacks: runc would mount the
    // file there, making /run and the file first.
    Files.createSymbolicLink(dir.resolve("rootfs/etc/resolv.conf"), Path.of("../run/resolv.conf"));
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
                    "/etc/resolv.conf", "bind", file.toString(), List.of("rbind")),
                new BundleConfig.Mount("/data/hosts", "bind", hosts.toString(), List.of("ro"))),
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
            new LaunchPlan.Dir(
                dir.resolve("rootfs").toString(),
                "/",
                true,
                List.of(
                    new LaunchPlan.File("etc/resolv.conf", file.toString(), false),
                    new LaunchPlan.File("run/resolv.conf", file.toString(), false))),
            new LaunchPlan.Dir(
                data.toString(),
                "/data",
                true,
                List.of(new LaunchPlan.File("hosts", hosts.toString(), true)))),
        plan.preopens());
    assertTrue(Files.isRegularFile(rootfs.resolve("../run/resolv.conf")), "the mount point");
    assertEquals(List.of(), Files.list(data).toList(), "no mount point made outside the rootfs");
    assertEquals(java.util.Map.of("A", "1", "B", "x=y", "PWD", "/srv"), plan.env());
    assertEquals(List.of("/app.wasm", "-v"), plan.args());
    assertEquals(
        MemoryBudget.of(config.memoryLimit(), 65536).get().guestPages(), plan.maxMemoryPages());
    assertTrue(logged.toString().contains("/proc of type proc"), logged.toString());

    Path saved = dir.resolve("launch.json");
    plan.write(saved);
    assertEquals(plan, LaunchPlan.read(saved));
  }

  @Test
  void aMissingBindMountSourceFailsTheCreate(@TempDir Path dir) {
    BundleConfig config =
        new BundleConfig(
            dir,
            dir.resolve("rootfs"),
            false,
            List.of("/app.wasm"),
            List.of(),
            "/",
            false,
            List.of(
                new BundleConfig.Mount(
                    "/etc/hosts", "bind", dir.resolve("gone").toString(), List.of("rbind"))),
            java.util.Map.of(),
            OptionalLong.empty(),
            "");
    RuncLog log =
        RuncLog.of(
            Optional.empty(),
            RuncLog.Format.TEXT,
            new PrintStream(new ByteArrayOutputStream(), true));
    RuncException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuncException.class,
            () -> LaunchPlan.of(config, dir.resolve("rootfs/app.wasm"), Optional.empty(), log));
    assertEquals(
        "mount /etc/hosts: its source " + dir.resolve("gone") + " does not exist", e.getMessage());
  }

  @Test
  void aPlanWrittenBeforeFileMountsReadsWithNone(@TempDir Path dir) throws Exception {
    Path saved =
        Files.writeString(
            dir.resolve("launch.json"),
            """
            {"module": "/m.wasm", "args": ["m"], "env": {}, "maxMemoryPages": 0,
             "preopens": [{"host": "/r", "guest": "/", "readOnly": false}]}
            """);
    assertEquals(List.of(new LaunchPlan.Dir("/r", "/", false)), LaunchPlan.read(saved).preopens());
  }
}
