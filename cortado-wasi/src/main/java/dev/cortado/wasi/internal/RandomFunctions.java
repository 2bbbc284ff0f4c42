package dev.cortado.wasi.internal;

/** {@code random_get}: bytes from the configured generator (secure by default). */
final class RandomFunctions {
  private static final int CHUNK = 64 * 1024;

  private RandomFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    d.define(
        "random_get",
        "ii",
        (caller, a) -> {
          GuestMemory mem = GuestMemory.of(caller);
          int buf = a.i32(0);
          long len = Integer.toUnsignedLong(a.i32(1));
          mem.check(buf, len);
          byte[] chunk = new byte[(int) Math.min(len, CHUNK)];
          for (long done = 0; done < len; done += chunk.length) {
            int n = (int) Math.min(chunk.length, len - done);
            ctx.random().nextBytes(chunk);
            mem.write((int) (buf + done), chunk, 0, n);
          }
          return Errno.SUCCESS;
        });
  }
}
