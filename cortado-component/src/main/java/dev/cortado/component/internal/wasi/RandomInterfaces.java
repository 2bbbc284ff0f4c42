package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.AbiException;
import dev.cortado.component.ComponentValue;
import java.util.random.RandomGenerator;

/** {@code wasi:random}: secure and insecure random bytes, and the insecure seed. */
final class RandomInterfaces {
  private RandomInterfaces() {}

  /** The most bytes one call returns: a larger request traps rather than exhausting the heap. */
  static final long MAX_BYTES = 64L << 20;

  private static ComponentValue bytes(RandomGenerator g, ComponentValue len) {
    long n = Cv.integer(len);
    if (n < 0 || n > MAX_BYTES) {
      throw new AbiException(
          "a request for "
              + Long.toUnsignedString(n)
              + " random bytes exceeds the host's limit of "
              + MAX_BYTES);
    }
    byte[] b = new byte[(int) n];
    g.nextBytes(b);
    return Cv.bytes(b, b.length);
  }

  static void define(HostLinker l) {
    String random = "wasi:random/random" + Host.VERSION;
    l.defineFunction(random, "get-random-bytes", (h, args) -> of(bytes(h.random(), args.get(0))));
    l.defineFunction(random, "get-random-u64", (h, args) -> of(Cv.u64(h.random().nextLong())));
    String insecure = "wasi:random/insecure" + Host.VERSION;
    l.defineFunction(
        insecure, "get-insecure-random-bytes", (h, args) -> of(bytes(h.insecure, args.get(0))));
    l.defineFunction(
        insecure, "get-insecure-random-u64", (h, args) -> of(Cv.u64(h.insecure.nextLong())));
    l.defineFunction(
        "wasi:random/insecure-seed" + Host.VERSION,
        "insecure-seed",
        (h, args) -> of(Cv.tuple(Cv.u64(h.insecure.nextLong()), Cv.u64(h.insecure.nextLong()))));
  }
}
