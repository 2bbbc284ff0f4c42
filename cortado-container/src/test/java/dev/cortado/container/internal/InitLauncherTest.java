package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InitLauncherTest {
  // The repository: the build runs this module's tests in its folder.
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theClassPathIsMadeAbsoluteForAProcessRunningInTheStateFolder() {
    String relative = "a.jar" + File.pathSeparator + "lib/b.jar";
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals(
        cwd.resolve("a.jar") + File.pathSeparator + cwd.resolve("lib/b.jar"),
        InitLauncher.absoluteClassPath(relative));
  }

  @Test
  void theCommandRunsTheInitProcessWithTheBudgetsHeap() {
    ContainerDir dir = ContainerDir.of(Path.of("/run/x"), "c");
    List<String> c = InitLauncher.command(dir, MemoryBudget.of(OptionalLong.of(256L << 20), 65536));
    assertEquals(InitProcess.class.getName(), c.get(c.size() - 2));
    assertEquals("/run/x/c", c.get(c.size() - 1));
    assertTrue(c.containsAll(List.of("-Xmx208m", "-Xmn26m", "-XX:+UseSerialGC")), c.toString());
    assertTrue(
        InitLauncher.command(dir, Optional.empty()).stream().noneMatch(a -> a.startsWith("-Xmx")));
  }

  @Test
  void theInitProcessGetsTheLaunchersJitDirectivesQuietly() throws Exception {
    ContainerDir dir = ContainerDir.of(Path.of("/run/x"), "c");
    Path directives = REPO.resolve("bin/jit-directives.json");
    String before = System.getProperty(InitLauncher.DIRECTIVES_PROPERTY);
    try {
      System.setProperty(InitLauncher.DIRECTIVES_PROPERTY, directives.toString());
      List<String> c = InitLauncher.command(dir, Optional.empty());
      assertTrue(
          c.containsAll(
              List.of("-XX:CompilerDirectivesFile=" + directives, "-XX:-DisplayVMOutput")),
          c.toString());
      // The file is one the JVM takes: a JVM given it starts, and says nothing on standard output.
      Process java =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UnlockDiagnosticVMOptions",
                  "-XX:CompilerDirectivesFile=" + directives,
                  "-XX:-DisplayVMOutput",
                  "-version")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, java.waitFor());
      assertEquals("", out);
      // A missing file is left out rather than stopping the JVM.
      System.setProperty(InitLauncher.DIRECTIVES_PROPERTY, "/nonexistent/jit-directives.json");
      assertTrue(
          InitLauncher.command(dir, Optional.empty()).stream()
              .noneMatch(a -> a.startsWith("-XX:CompilerDirectivesFile")));
    } finally {
      if (before == null) {
        System.clearProperty(InitLauncher.DIRECTIVES_PROPERTY);
      } else {
        System.setProperty(InitLauncher.DIRECTIVES_PROPERTY, before);
      }
    }
  }
}
