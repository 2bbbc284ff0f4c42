package dev.cortado.compiler.internal;

/**
 * The most code one generated method may hold: HotSpot's 8,000 bytes ({@code HugeMethodLimit}),
 * less a margin. The system property {@code cortado.compiler.methodLimit} lowers it, so that tests
 * can cut every function (the code cache keys the value). A class of its own, so that the cache key
 * ({@link CompilerVersion}) reads it without loading {@link FunctionSplitter}, whose verification
 * loads ASM: a run whose code comes from the cache needs neither.
 */
final class MethodLimit {
  static final int DEFAULT = 7_800;

  static final int LIMIT = limit();

  private MethodLimit() {}

  private static int limit() {
    String set = System.getProperty("cortado.compiler.methodLimit");
    if (set != null) {
      try {
        return Math.max(64, Math.min(DEFAULT, Integer.parseInt(set.trim())));
      } catch (NumberFormatException e) {
        System.getLogger(MethodLimit.class.getName())
            .log(System.Logger.Level.WARNING, "ignoring cortado.compiler.methodLimit={0}", set);
      }
    }
    return DEFAULT;
  }
}
