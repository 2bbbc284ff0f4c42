package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a container's init process: a JVM running {@link InitProcess} on cortado-runc's own class
 * path, with the launcher's class-data-sharing archive (system property {@value #CDS_PROPERTY}, set
 * by {@code bin/cortado-runc}) so it starts as fast as the command itself, the serial collector,
 * and the heap of the container's {@link MemoryBudget}. It inherits standard input, output and
 * error (the shim's pipes) and runs in a session of its own ({@code setsid}), so that nothing aimed
 * at cortado-runc's process group reaches it; when cortado-runc exits, the shim (a subreaper)
 * becomes its parent and collects its exit status.
 */
final class InitLauncher {
  /** The system property naming the class-data-sharing archive to use, if any. */
  static final String CDS_PROPERTY = "cortado.runc.cds";

  /** The system property naming the JIT directives file to use, if any (bin/cortado's). */
  static final String DIRECTIVES_PROPERTY = "cortado.runc.directives";

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  // The last JDK on which -XX:MinInlineFrequencyRatio was checked to exist; a JVM refuses to start
  // on a flag it lacks.
  private static final int CHECKED_INLINING_FLAG = 25;

  private InitLauncher() {}

  /** Returns the command that starts the init process of the container in {@code dir}. */
  static List<String> command(ContainerDir dir, Optional<MemoryBudget> budget) {
    List<String> c = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      c.add(SETSID.toString());
      c.add("-f");
    }
    c.add(ProcessHandle.current().info().command().orElse(javaFromHome()));
    String cds = System.getProperty(CDS_PROPERTY, "");
    if (!cds.isEmpty() && Files.isReadable(Path.of(cds))) {
      c.add("-XX:SharedArchiveFile=" + cds);
      c.add("-Xlog:cds=off");
      c.add("-Xlog:cds+dynamic=off");
    }
    c.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-XX:PretenureSizeThreshold=1m",
            "-XX:-ClipInlining",
            "-XX:Tier3BackEdgeThreshold=10000",
            "-XX:MaxJavaStackTraceDepth=1000000"));
    c.add("-XX:+UnlockDiagnosticVMOptions");
    if (Runtime.version().feature() <= CHECKED_INLINING_FLAG) {
      // As bin/cortado does: C2 inlines compiled memory accesses at rarely taken call sites too
      // (RATIONALE.md, "C2 inlines rarely taken calls too").
      c.add("-XX:MinInlineFrequencyRatio=0");
    }
    String directives = System.getProperty(DIRECTIVES_PROPERTY, "");
    if (!directives.isEmpty() && Files.isReadable(Path.of(directives))) {
      // As bin/cortado does: C1 inlines nothing into generated code, and HotSpot's announcement of
      // the directives stays off the guest's standard output (RATIONALE.md, "C1 inlines nothing
      // into generated code").
      c.add("-XX:CompilerDirectivesFile=" + directives);
      c.add("-XX:-DisplayVMOutput");
    }
    budget.ifPresent(b -> c.addAll(b.jvmOptions()));
    c.add("-cp");
    c.add(absoluteClassPath(System.getProperty("java.class.path")));
    c.add(InitProcess.class.getName());
    c.add(dir.path().toString());
    return c;
  }

  /**
   * Starts the init process of the container in {@code dir}; returns the process started: {@code
   * setsid}, which has forked the init process and ends, or the init process itself.
   */
  static Process start(ContainerDir dir, Optional<MemoryBudget> budget) {
    try {
      return new ProcessBuilder(command(dir, budget))
          .directory(dir.path().toFile())
          .inheritIO()
          .start();
    } catch (IOException e) {
      throw new RuncException("cannot start the container's process: " + e.getMessage());
    }
  }

  /** Whether {@link #start} forks the init process (else the process it returns is the init). */
  static boolean forks() {
    return Files.isExecutable(SETSID);
  }

  /** The class path with every entry absolute: the init process runs in the state folder. */
  static String absoluteClassPath(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String e : classPath.split(java.io.File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static String javaFromHome() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
