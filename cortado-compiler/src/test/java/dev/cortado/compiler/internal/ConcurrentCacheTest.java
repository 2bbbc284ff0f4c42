package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Module;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs fill one cache with the same modules at the same moment. */
class ConcurrentCacheTest {
  static final int FUNCTIONS = 600;
  private static final int MODULES = 6;

  @TempDir Path dir;

  @Test
  void twoProcessesFillingOneCacheBothRunRightAndLeaveItValid() throws Exception {
    Path cache = dir.resolve("cache");
    Path go = dir.resolve("go");
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CacheFiller.class.getName(),
                  cache.toString(),
                  go.toString(),
                  Integer.toString(MODULES))
              .redirectError(dir.resolve("err" + i).toFile())
              .start();
      processes.add(p);
      outs.add(
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
    for (BufferedReader out : outs) {
      assertEquals("ready", out.readLine());
    }
    Files.createFile(go);
    for (int i = 0; i < 2; i++) {
      Process p = processes.get(i);
      String last = outs.get(i).readLine();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process " + i + " did not finish");
      String err = Files.readString(dir.resolve("err" + i));
      assertEquals(0, p.exitValue(), "process " + i + ": " + last + "\n" + err);
      assertTrue(last != null && last.startsWith("ok "), last + "\n" + err);
      assertTrue(last.contains("rejected=0"), "no process saw a partial entry: " + last);
      System.out.println("process " + i + ": " + last);
    }
    try (Stream<Path> files = Files.list(cache)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(MODULES, names.size(), "one entry per module, no temporary files: " + names);
      for (String n : names) {
        assertTrue(n.endsWith(CodeCache.SUFFIX) && !n.startsWith("."), n);
      }
    }
    long hits = CacheStats.HITS.get();
    long rejected = CacheStats.REJECTED.get();
    for (int k = 0; k < MODULES; k++) {
      Fixtures.check(Module.compile(Fixtures.engine(cache), Fixtures.largeBinary(FUNCTIONS, k)), k);
    }
    assertEquals(MODULES, CacheStats.HITS.get() - hits, "every entry left is valid");
    assertEquals(rejected, CacheStats.REJECTED.get());
  }
}
