package dev.cortado.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.container.internal.MemoryBudget;
import dev.cortado.runtime.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * cortado-runc under a real containerd (Debian's 1.6 with its runc shim), driven by {@code ctr run
 * --runc-binary bin/cortado-runc}: Wasm programs end to end, and a busybox container handed to
 * runc.
 */
class ContainerdIT extends WithContainerd {

  private static Path rootfs(String id, String wat) throws Exception {
    Path rootfs = containerd.dir().resolve("rootfs-" + id);
    WasiPrograms.write(rootfs.resolve("prog.wasm"), wat);
    return rootfs;
  }

  private static String[] run(List<String> options, Path rootfs, String id, String... command) {
    List<String> a = new ArrayList<>(containerd.run(options.toArray(String[]::new)));
    a.addAll(List.of("--rootfs", rootfs.toString(), id));
    a.addAll(List.of(command));
    return a.toArray(String[]::new);
  }

  @Test
  void runsAWasmProgramWithItsArgumentsEnvironmentAndExitCode() throws Exception {
    Path rootfs = rootfs("args", WasiPrograms.ARGS_ENV);
    Containerd.Result r =
        containerd.ctr(
            run(
                List.of("--rm", "--env", "GREETING=hello there", "--env", "SECOND=2"),
                rootfs,
                "args",
                "/prog.wasm",
                "one",
                "two words"));
    assertEquals(7, r.status(), r.all());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("/prog.wasm", "one", "two words"), lines.subList(0, 3), r.all());
    assertTrue(lines.contains("GREETING=hello there"), r.all());
    assertTrue(lines.contains("SECOND=2"), r.all());
  }

  @Test
  void runsACommandComponent() throws Exception {
    Path rootfs = containerd.dir().resolve("rootfs-component");
    Files.createDirectories(rootfs);
    Files.copy(
        Path.of("../cortado-component/src/test/resources/components/hello.wasm"),
        rootfs.resolve("prog.wasm"));
    Containerd.Result r =
        containerd.ctr(run(List.of("--rm"), rootfs, "component", "/prog.wasm", "container"));
    assertEquals("hello, container\n", r.out(), r.all());
    // The program exits with 3; WASI 0.2's exit says only error, which is 1.
    assertEquals(1, r.status(), r.all());
  }

  @Test
  void writesFilesToABindMount() throws Exception {
    Path rootfs = rootfs("mount", WasiPrograms.WRITE_DATA);
    Path data = Files.createDirectories(containerd.dir().resolve("data"));
    Containerd.Result r =
        containerd.ctr(
            run(
                List.of("--rm", "--mount", "type=bind,src=" + data + ",dst=/data,options=rbind:rw"),
                rootfs,
                "mount",
                "/prog.wasm"));
    assertEquals(0, r.status(), r.all());
    assertEquals("written by wasm\n", Files.readString(data.resolve("out.txt")));
  }

  @Test
  void aReadOnlyBindMountRefusesWrites() throws Exception {
    Path rootfs = rootfs("readonly", WasiPrograms.WRITE_DATA);
    Path data = Files.createDirectories(containerd.dir().resolve("data-ro"));
    Containerd.Result r =
        containerd.ctr(
            run(
                List.of("--rm", "--mount", "type=bind,src=" + data + ",dst=/data,options=rbind:ro"),
                rootfs,
                "readonly",
                "/prog.wasm"));
    assertEquals(3, r.status(), "path_open must fail: " + r.all());
    assertTrue(Files.notExists(data.resolve("out.txt")));
  }

  @Test
  void singleFileBindMountsAreReadAndWritten() throws Exception {
    // What Kubernetes gives every pod: /etc/hosts (here read-only), and a writable file such as
    // /dev/termination-log; the rootfs has neither, so their mount points are made as runc would.
    Path rootfs = rootfs("files", WasiPrograms.HOSTS_AND_LOG);
    Path hosts = Files.writeString(containerd.dir().resolve("hosts"), "10.1.2.3 pod\n");
    Path log = Files.writeString(containerd.dir().resolve("log"), "old contents, longer\n");
    Containerd.Result r =
        containerd.ctr(
            run(
                List.of(
                    "--rm",
                    "--mount",
                    "type=bind,src=" + hosts + ",dst=/etc/hosts,options=rbind:ro",
                    "--mount",
                    "type=bind,src=" + log + ",dst=/log.txt,options=rbind:rw"),
                rootfs,
                "files",
                "/prog.wasm"));
    assertEquals(0, r.status(), r.all());
    assertEquals("10.1.2.3 pod\n", r.out(), r.all());
    assertEquals("written by wasm\n", Files.readString(log));
    assertEquals("", Files.readString(rootfs.resolve("etc/hosts")), "the mount point");
    assertEquals("10.1.2.3 pod\n", Files.readString(hosts));
  }

  @Test
  void aTrapExitsWith134AndSaysWhyOnStandardError() throws Exception {
    Path rootfs = rootfs("trap", WasiPrograms.TRAP);
    Containerd.Result r = containerd.ctr(run(List.of("--rm"), rootfs, "trap", "/prog.wasm"));
    assertEquals(134, r.status(), r.all());
    assertTrue(r.out().contains("about to trap"), r.all());
    assertTrue(r.all().contains("unreachable"), r.all());
  }

  @Test
  void psPauseResumeAndSigtermWhichStopsTheGuestWith143() throws Exception {
    Process run = startSpinning("term");
    Containerd.Result ps = containerd.ctr("task", "ps", "term");
    assertEquals(0, ps.status(), ps.all());
    assertTrue(ps.out().lines().skip(1).anyMatch(l -> l.strip().matches("\\d+\\s+.*")), ps.out());
    Containerd.Result pause = containerd.ctr("task", "pause", "term");
    assertEquals(0, pause.status(), pause.all());
    assertTrue(containerd.ctr("task", "ls").out().contains("PAUSED"), "ctr task ls");
    Containerd.Result resume = containerd.ctr("task", "resume", "term");
    assertEquals(0, resume.status(), resume.all());
    assertTrue(containerd.ctr("task", "ls").out().contains("RUNNING"), "ctr task ls");
    Containerd.Result kill = containerd.ctr("task", "kill", "term");
    assertEquals(0, kill.status(), kill.all());
    Containerd.Result r = containerd.await(run);
    assertEquals(143, r.status(), r.all());
  }

  @Test
  void sigkillKillsTheGuestWith137() throws Exception {
    Process run = startSpinning("killed");
    Containerd.Result kill = containerd.ctr("task", "kill", "--signal", "SIGKILL", "killed");
    assertEquals(0, kill.status(), kill.all());
    Containerd.Result r = containerd.await(run);
    assertEquals(137, r.status(), r.all());
  }

  private static Process startSpinning(String id) throws Exception {
    Path rootfs = rootfs(id, WasiPrograms.SPIN);
    Process run = containerd.ctrProcess(run(List.of("--rm"), rootfs, id, "/prog.wasm"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!containerd.outputSoFar(run).contains("spinning")) {
      if (!run.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the guest did not start: " + containerd.await(run).all());
      }
      Thread.sleep(20);
    }
    return run;
  }

  @Test
  void theMemoryLimitBoundsTheGuestsMemory() throws Exception {
    long limit = 256L << 20;
    Path rootfs = rootfs("grow", WasiPrograms.GROW);
    Containerd.Result r =
        containerd.ctr(
            run(
                List.of("--rm", "--memory-limit", Long.toString(limit)),
                rootfs,
                "grow",
                "/prog.wasm"));
    int pages =
        MemoryBudget.of(OptionalLong.of(limit), StoreConfig.defaults().maxMemoryPages())
            .orElseThrow()
            .guestPages();
    assertEquals(pages / 64, r.status(), "memory.grow stops at the budget: " + r.all());
  }

  @Test
  void theProcessRunsInTheContainersCgroupUntilDeleted() throws Exception {
    Process run = startSpinning("grouped");
    long pid =
        Long.parseLong(
            containerd
                .ctr("task", "ps", "grouped")
                .out()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .strip()
                .split("\\s+")[0]);
    String cgroups = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
    String memory =
        cgroups
            .lines()
            .filter(l -> l.contains(":memory:") || l.startsWith("0::"))
            .findFirst()
            .orElseThrow()
            .replaceFirst("^[^:]*:[^:]*:", "");
    assertTrue(memory.endsWith("/grouped"), "ctr's cgroup /NAMESPACE/ID: " + cgroups);
    Path dir =
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))
            ? Path.of("/sys/fs/cgroup" + memory)
            : Path.of("/sys/fs/cgroup/memory" + memory);
    assertTrue(Files.isDirectory(dir), dir.toString());
    containerd.ctr("task", "kill", "--signal", "SIGKILL", "grouped");
    containerd.await(run);
    assertTrue(Files.notExists(dir), "delete removes the cgroup it made: " + dir);
  }

  @Test
  void aDeletedContainerRunsAgainUnderTheSameId() throws Exception {
    Path rootfs = rootfs("again", WasiPrograms.ARGS_ENV);
    Containerd.Result first = containerd.ctr(run(List.of(), rootfs, "again", "/prog.wasm", "1"));
    assertEquals(7, first.status(), first.all());
    // ctr run (without --rm) deletes the task when it ends, and keeps the container.
    Containerd.Result container = containerd.ctr("container", "rm", "again");
    assertEquals(0, container.status(), container.all());
    Containerd.Result second =
        containerd.ctr(run(List.of("--rm"), rootfs, "again", "/prog.wasm", "2"));
    assertEquals(7, second.status(), second.all());
    assertTrue(second.out().lines().toList().contains("2"), second.all());
  }

  @Test
  void aModuleThatCannotLoadFailsCreateWithTheReason() throws Exception {
    Path rootfs = containerd.dir().resolve("rootfs-bad");
    Files.createDirectories(rootfs);
    Files.writeString(rootfs.resolve("bad.wasm"), "not a module");
    Containerd.Result r = containerd.ctr(run(List.of("--rm"), rootfs, "bad", "/bad.wasm"));
    assertTrue(r.status() != 0, r.all());
    assertTrue(r.err().contains("OCI runtime create failed"), r.all());
    assertTrue(r.err().contains("magic"), "the decoder's reason: " + r.all());
  }

  @Test
  void aBusyboxContainerIsHandedToRunc() throws Exception {
    Path rootfs = containerd.dir().resolve("rootfs-busybox");
    Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(Path.of("/usr/bin/busybox"), rootfs.resolve("bin/busybox"));
    Files.createSymbolicLink(rootfs.resolve("bin/echo"), Path.of("busybox"));
    Containerd.Result r =
        containerd.ctr(run(List.of("--rm"), rootfs, "busybox", "/bin/echo", "hello", "from runc"));
    assertEquals(0, r.status(), r.all());
    assertEquals("hello from runc\n", r.out());
  }
}
