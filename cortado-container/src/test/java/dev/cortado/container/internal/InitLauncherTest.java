package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InitLauncherTest {
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
}
