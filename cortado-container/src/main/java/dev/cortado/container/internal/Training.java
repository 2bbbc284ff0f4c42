package dev.cortado.container.internal;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The training run of {@code bin/cortado-runc}'s class-data-sharing archive: the commands the shim
 * runs for every container (their parsing, state files, log lines, JSON) and an init process's work
 * on a small WASI program, in one JVM that dumps the classes it loaded at exit. Runs in the folder
 * given as its argument and leaves nothing elsewhere.
 */
public final class Training {
  private static final String HELLO =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "environ_sizes_get"
          (func $env (param i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 16) "hello\\n")
        (func (export "_start")
          (drop (call $env (i32.const 64) (i32.const 68)))
          (i32.store (i32.const 0) (i32.const 16))
          (i32.store (i32.const 4) (i32.const 6))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
      """;

  private Training() {}

  /** Trains in folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]);
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true);
    Path root = Files.createDirectories(work.resolve("root"));
    Path bundle = Files.createDirectories(work.resolve("bundle"));
    Path rootfs = Files.createDirectories(bundle.resolve("rootfs"));
    Path data = Files.createDirectories(work.resolve("data"));
    Files.write(rootfs.resolve("hello.wasm"), ModuleEncoder.encode(TextParser.parseModule(HELLO)));
    String config =
        """
        {"ociVersion":"1.0.2","process":{"args":["/hello.wasm","a"],"env":["PATH=/bin","A=b"],
         "cwd":"/","terminal":false},"root":{"path":"rootfs","readonly":true},
         "mounts":[{"destination":"/proc","type":"proc","source":"proc"},
          {"destination":"/data","type":"bind","source":"%s","options":["rbind","rw"]}],
         "annotations":{"a":"b"},"linux":{"resources":{"memory":{"limit":268435456}}}}
        """
            .formatted(data);
    Files.writeString(bundle.resolve("config.json"), config);
    Map<String, String> env = Map.of("PATH", "");
    String log = work.resolve("log.json").toString();
    String[] common = {"--root", root.toString(), "--log", log, "--log-format", "json"};
    for (String[] command :
        new String[][] {
          {"--version"},
          {"features"},
          {"state", "absent"},
          {"kill", "absent", "SIGTERM"},
          {"delete", "--force", "absent"},
          {"ps", "--format", "json", "absent"},
          {"start", "absent"},
          {"create", "--bundle", work.toString(), "absent"}
        }) {
      String[] line = new String[common.length + command.length];
      System.arraycopy(common, 0, line, 0, common.length);
      System.arraycopy(command, 0, line, common.length, command.length);
      Dispatcher.run(line, sink, sink, env);
    }
    BundleConfig bundleConfig = BundleConfig.read(bundle);
    Path module = WasmEntrypoint.of(bundleConfig).orElseThrow();
    RuncLog runcLog = RuncLog.of(Optional.of(Path.of(log)), RuncLog.Format.JSON, sink);
    ContainerDir dir = ContainerDir.of(root, "training");
    Files.createDirectories(dir.path());
    LaunchPlan.of(bundleConfig, module, MemoryBudget.of(bundleConfig.memoryLimit(), 65536), runcLog)
        .write(dir.launchPlan());
    ProcessStatus self = ProcessStatus.of(ProcessHandle.current().pid()).orElseThrow();
    ContainerState state =
        new ContainerState(
            "training",
            bundle.toString(),
            rootfs.toString(),
            ProcessHandle.current().pid(),
            self.startTicks(),
            "2026-01-01T00:00:00Z",
            bundleConfig.annotations(),
            java.util.List.of());
    state.save(dir);
    ContainerState.load(dir).ociState(state.status(dir));
    for (String[] command : new String[][] {{"state", "training"}, {"ps", "training"}}) {
      Dispatcher.run(
          new String[] {"--root", root.toString(), command[0], command[1]}, sink, sink, env);
    }
    Signals.parse("SIGKILL");
    InitProcess.rehearse(dir, sink);
    dir.remove();
    // A whole create (an init process that loads the module and waits), then its forced delete.
    String[] create = {
      "create",
      "--bundle",
      bundle.toString(),
      "--pid-file",
      work.resolve("pid").toString(),
      "created"
    };
    String[] delete = {"delete", "--force", "created"};
    for (String[] command : new String[][] {create, delete}) {
      String[] line = new String[common.length + command.length];
      System.arraycopy(common, 0, line, 0, common.length);
      System.arraycopy(command, 0, line, common.length, command.length);
      Dispatcher.run(line, sink, sink, env);
    }
  }
}
