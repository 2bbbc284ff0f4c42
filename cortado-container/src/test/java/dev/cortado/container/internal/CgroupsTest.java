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

class CgroupsTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final RuncLog log =
      RuncLog.of(Optional.empty(), RuncLog.Format.TEXT, new PrintStream(logged, true));

  @Test
  void systemdPathsBecomeTheFoldersSystemdMakes() {
    assertEquals(
        "kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod12.slice/"
            + "cri-containerd-abc.scope",
        Cgroups.relativePath("kubepods-besteffort-pod12.slice:cri-containerd:abc"));
    assertEquals("system.slice/x-y.scope", Cgroups.relativePath(":x:y"));
    assertEquals("default/app", Cgroups.relativePath("/default/app"));
    assertEquals("default/app", Cgroups.relativePath("/default//app/"));
  }

  @Test
  void aV2HierarchyGetsTheProcessAndMemoryMax(@TempDir Path mount) throws Exception {
    Files.writeString(mount.resolve("cgroup.controllers"), "memory pids");
    Files.writeString(mount.resolve("cgroup.procs"), "");
    List<String> created =
        Cgroups.at(mount).join("/default/app", 4242, OptionalLong.of(1 << 28), log);
    Path dir = mount.resolve("default/app");
    assertEquals(List.of(mount.resolve("default").toString(), dir.toString()), created);
    assertEquals("4242", Files.readString(dir.resolve("cgroup.procs")));
    assertEquals(Long.toString(1 << 28), Files.readString(dir.resolve("memory.max")));
    for (String d : created) { // a real cgroup folder has only kernel files: rmdir suffices
      try (var files = Files.list(Path.of(d))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.delete(f);
        }
      }
    }
    Cgroups.remove(created, log);
    assertTrue(Files.notExists(mount.resolve("default")));
  }

  @Test
  void v1HierarchiesEachGetTheProcessAndOnlyMemoryTheLimit(@TempDir Path mount) throws Exception {
    for (String c : List.of("memory", "cpu", "pids")) {
      Files.createDirectories(mount.resolve(c));
      Files.writeString(mount.resolve(c).resolve("cgroup.procs"), "");
    }
    Cgroups.at(mount).join("/k/c1", 7, OptionalLong.of(123456789), log);
    for (String c : List.of("memory", "cpu", "pids")) {
      assertEquals("7", Files.readString(mount.resolve(c + "/k/c1/cgroup.procs")));
    }
    assertEquals("123456789", Files.readString(mount.resolve("memory/k/c1/memory.limit_in_bytes")));
    assertTrue(Files.notExists(mount.resolve("cpu/k/c1/memory.limit_in_bytes")));
  }

  @Test
  void aNewV1CpusetGetsItsParentsCpusAndOneFailingHierarchyDoesNotStopTheOthers(@TempDir Path mount)
      throws Exception {
    Path cpuset = Files.createDirectories(mount.resolve("cpuset"));
    Files.writeString(cpuset.resolve("cgroup.procs"), "");
    Files.writeString(cpuset.resolve("cpuset.cpus"), "0-1\n");
    Files.writeString(cpuset.resolve("cpuset.mems"), "0\n");
    // What the kernel gives a new cpuset folder: empty files (made here by hand).
    Files.createDirectories(cpuset.resolve("k"));
    Files.writeString(cpuset.resolve("k/cpuset.cpus"), "");
    Files.writeString(cpuset.resolve("k/cpuset.mems"), "");
    Path blocked = Files.createDirectories(mount.resolve("blkio"));
    Files.writeString(blocked.resolve("cgroup.procs"), "");
    Files.writeString(blocked.resolve("k"), "a file where the folder should go");
    Path pids = Files.createDirectories(mount.resolve("pids"));
    Files.writeString(pids.resolve("cgroup.procs"), "");
    Cgroups.at(mount).join("/k/c", 9, OptionalLong.empty(), log);
    assertEquals("0-1", Files.readString(cpuset.resolve("k/cpuset.cpus")));
    assertEquals("0", Files.readString(cpuset.resolve("k/cpuset.mems")));
    assertEquals("9", Files.readString(pids.resolve("k/c/cgroup.procs")));
    assertTrue(logged.toString().contains(blocked.resolve("k/c").toString()), logged.toString());
  }

  @Test
  void withoutCgroupsTheContainerStillRunsAndTheLogSaysSo(@TempDir Path mount) {
    List<String> created =
        Cgroups.at(mount.resolve("absent")).join("/a", 1, OptionalLong.empty(), log);
    assertTrue(created.isEmpty());
    assertTrue(logged.toString().contains("stays in the runtime's"), logged.toString());
  }

  @Test
  void anEmptyPathJoinsNothing(@TempDir Path mount) {
    assertTrue(Cgroups.at(mount).join("", 1, OptionalLong.empty(), log).isEmpty());
    assertEquals("", logged.toString());
  }
}
