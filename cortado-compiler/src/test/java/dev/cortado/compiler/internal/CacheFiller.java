package dev.cortado.compiler.internal;

import dev.cortado.runtime.Module;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process for {@link ConcurrentCacheTest}: waits for a start signal, then compiles the
 * same large modules as its twin, with the same cache, checking each; prints its cache counters.
 */
public final class CacheFiller {
  private CacheFiller() {}

  /** {@code CacheFiller CACHE_DIR GO_FILE MODULES}. */
  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Path go = Path.of(args[1]);
    int modules = Integer.parseInt(args[2]);
    byte[][] binaries = new byte[modules][];
    for (int k = 0; k < modules; k++) {
      binaries[k] = Fixtures.largeBinary(ConcurrentCacheTest.FUNCTIONS, k);
    }
    System.out.println("ready");
    System.out.flush();
    while (!Files.exists(go)) {
      Thread.onSpinWait();
    }
    for (int k = 0; k < modules; k++) {
      Fixtures.check(Module.compile(Fixtures.engine(cache), binaries[k]), k);
    }
    System.out.println("ok " + CacheStats.summary());
  }
}
