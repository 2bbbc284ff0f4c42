package dev.cortado.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the large WASI command of {@code startup-bench.sh}: the shape of a big compiled
 * application (tens of thousands of functions of skewed sizes with loops, branches, memory traffic,
 * float code and direct and indirect calls; a function table; megabytes of read-only data; a name
 * section), whose {@code --version} prints one line and exits after running a few dozen
 * instructions. Without arguments it calls into the generated code and prints a checksum.
 * Deterministic: the same arguments give the same bytes. Runs as a single-file program: {@code java
 * StartupModule.java out.wasm [code MiB]}.
 */
public final class StartupModule {
  static final String VERSION = "bigapp 3.14.159 (cortado start-up benchmark)\n";

  private static final int IMPORTS = 4; // args_sizes_get, args_get, fd_write, proc_exit
  private static final int START = IMPORTS; // _start is the first defined function
  private static final int FIRST = IMPORTS + 1; // then the generated functions
  private static final int TYPE_WASI2 = 0; // (i32 i32) -> i32: also every generated function
  private static final int TYPE_FD_WRITE = 1;
  private static final int TYPE_EXIT = 2;
  private static final int TYPE_VOID = 3;
  private static final int DATA_BASE = 1 << 20;

  private final Random random = new Random(20240601);
  private final int functions;
  private final int tableSize;

  private StartupModule(int functions) {
    this.functions = functions;
    this.tableSize = functions / 3;
  }

  public static void main(String[] args) throws IOException {
    long codeBytes = (args.length > 1 ? Long.parseLong(args[1]) : 36) << 20;
    // Bodies average about 520 bytes, as in large C++ or Rust programs.
    Files.write(Path.of(args[0]), new StartupModule((int) (codeBytes / 520)).module());
  }

  private byte[] module() {
    Buf m = new Buf();
    m.bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    m.section(1, types());
    m.section(2, imports());
    Buf funcs = new Buf().u(functions + 1).u(TYPE_VOID);
    for (int i = 0; i < functions; i++) {
      funcs.u(TYPE_WASI2);
    }
    m.section(3, funcs);
    m.section(4, new Buf().u(1).bytes(0x70, 0x00).u(tableSize));
    int dataBytes = 6 << 20;
    m.section(5, new Buf().u(1).bytes(0x00).u((DATA_BASE + dataBytes) / 65536 + 16));
    m.section(6, new Buf().u(1).bytes(0x7f, 0x01, 0x41).s(DATA_BASE - 16).bytes(0x0b));
    Buf exports = new Buf().u(2);
    exports.name("memory").bytes(0x02).u(0).name("_start").bytes(0x00).u(START);
    m.section(7, exports);
    Buf elements = new Buf().u(1).u(0).bytes(0x41).s(0).bytes(0x0b).u(tableSize);
    for (int i = 0; i < tableSize; i++) {
      elements.u(FIRST + i * 3);
    }
    m.section(9, elements);
    Buf code = new Buf().u(functions + 1);
    code.sized(start());
    for (int i = 0; i < functions; i++) {
      code.sized(function(i));
    }
    m.section(10, code);
    m.section(11, data(dataBytes));
    m.section(0, names());
    return m.toByteArray();
  }

  private static Buf types() {
    Buf t = new Buf().u(4);
    t.bytes(0x60).u(2).bytes(0x7f, 0x7f).u(1).bytes(0x7f);
    t.bytes(0x60).u(4).bytes(0x7f, 0x7f, 0x7f, 0x7f).u(1).bytes(0x7f);
    t.bytes(0x60).u(1).bytes(0x7f).u(0);
    t.bytes(0x60).u(0).u(0);
    return t;
  }

  private static Buf imports() {
    Buf b = new Buf().u(IMPORTS);
    String wasi = "wasi_snapshot_preview1";
    b.name(wasi).name("args_sizes_get").bytes(0x00).u(TYPE_WASI2);
    b.name(wasi).name("args_get").bytes(0x00).u(TYPE_WASI2);
    b.name(wasi).name("fd_write").bytes(0x00).u(TYPE_FD_WRITE);
    b.name(wasi).name("proc_exit").bytes(0x00).u(TYPE_EXIT);
    return b;
  }

  /**
   * {@code _start}: prints {@link #VERSION} and exits when argv[1] is {@code --version}; else adds
   * up 64 indirect calls into the generated code and prints the sum in hex.
   */
  private Buf start() {
    Buf b = new Buf().u(1).u(3).bytes(0x7f); // locals 0: argv[1], 1: sum, 2: counter
    b.bytes(0x41).s(0x100).bytes(0x41).s(0x104).bytes(0x10).u(0).bytes(0x1a);
    b.bytes(0x41).s(0x100).bytes(0x28, 2, 0, 0x41, 2, 0x4f, 0x04, 0x40); // argc >= 2: if
    b.bytes(0x41).s(0x200).bytes(0x41).s(0x1000).bytes(0x10).u(1).bytes(0x1a);
    b.bytes(0x41).s(0x204).bytes(0x28, 2, 0, 0x21, 0);
    long versio = 0;
    byte[] prefix = "--versio".getBytes(StandardCharsets.US_ASCII);
    for (int i = 7; i >= 0; i--) {
      versio = versio << 8 | prefix[i];
    }
    b.bytes(0x20, 0, 0x29, 0, 0, 0x42).s(versio).bytes(0x51);
    b.bytes(0x20, 0, 0x2f, 0, 8, 0x41).s('n').bytes(0x46, 0x71, 0x04, 0x40);
    b.bytes(0x41, 1, 0x41).s(0x300).bytes(0x41, 1, 0x41).s(0x310).bytes(0x10).u(2).bytes(0x1a);
    b.bytes(0x41, 0, 0x10).u(3).bytes(0x0b, 0x0b);
    // for counter in 0..63: sum += table[counter](3, counter * 7919 + sum)
    b.bytes(0x02, 0x40, 0x03, 0x40);
    b.bytes(0x20, 1, 0x41, 3, 0x20, 2, 0x41).s(7919).bytes(0x6c, 0x20, 1, 0x6a, 0x20, 2);
    b.bytes(0x11).u(TYPE_WASI2).u(0).bytes(0x6a, 0x21, 1);
    b.bytes(0x20, 2, 0x41, 1, 0x6a, 0x22, 2, 0x41).s(64).bytes(0x49, 0x0d, 0, 0x0b, 0x0b);
    // eight hex digits of the sum at 0x400, from the digits at 0x500, then a newline
    b.bytes(0x41, 0, 0x21, 2, 0x02, 0x40, 0x03, 0x40);
    b.bytes(0x20, 2, 0x20, 1, 0x41, 28, 0x20, 2, 0x41, 2, 0x74, 0x6b, 0x76, 0x41, 15, 0x71);
    b.bytes(0x2d, 0).u(0x500).bytes(0x3a, 0).u(0x400);
    b.bytes(0x20, 2, 0x41, 1, 0x6a, 0x22, 2, 0x41, 8, 0x49, 0x0d, 0, 0x0b, 0x0b);
    b.bytes(0x41, 1, 0x41).s(0x308).bytes(0x41, 1, 0x41).s(0x310).bytes(0x10).u(2).bytes(0x1a);
    return b.bytes(0x0b);
  }

  /**
   * A generated function {@code (depth, x) -> i32}: locals 2..4 i32, 5 i64, 6 f64. Calls happen
   * only when depth is not zero, pass depth - 1, and at most three per function, so a call from
   * {@code _start} runs a bounded tree of them.
   */
  private Buf function(int index) {
    Buf b = new Buf().u(3).u(3).bytes(0x7f).u(1).bytes(0x7e).u(1).bytes(0x7c);
    double size = Math.exp(random.nextGaussian() * 1.1 + 5.6);
    int target = (int) Math.min(60_000, 24 + size);
    int[] calls = {0};
    while (b.size() < target) {
      statement(b, index, 0, calls);
    }
    return b.bytes(0x20, 2, 0x0b);
  }

  private void statement(Buf b, int index, int depth, int[] calls) {
    int x = 1 + random.nextInt(4);
    int y = 1 + random.nextInt(3); // local 4 counts loops down: never written here
    switch (random.nextInt(depth >= 2 ? 5 : 8)) {
      case 0 -> b.bytes(0x20, x, 0x41).s(random.nextInt()).bytes(arith()).bytes(0x21, y);
      case 1 ->
          b.bytes(0x20, x, 0x41)
              .s(0xfffc)
              .bytes(0x71, 0x28, 2)
              .u(0x20000)
              .bytes(0x20, y, 0x6a, 0x21, y);
      case 2 -> b.bytes(0x20, x, 0x41).s(0xfff8).bytes(0x71, 0x20, y, 0x36, 2).u(0x20000);
      case 3 -> {
        b.bytes(0x20, x, 0xad, 0x42).s(random.nextLong()).bytes(0x7e, 0x20, 5, 0x85, 0x21, 5);
        b.bytes(0x20, 5, 0xa7, 0x21, y);
      }
      case 4 -> {
        b.bytes(0x20, x, 0xb7, 0x44).f64(random.nextDouble()).bytes(0xa2, 0x20, 6, 0xa0, 0x22, 6);
        b.bytes(0xfc, 0x02, 0x20, y, 0x73, 0x21, y);
      }
      case 5 -> { // if/else on a comparison
        b.bytes(0x20, x, 0x41).s(random.nextInt(1000)).bytes(0x49, 0x04, 0x40);
        statement(b, index, depth + 1, calls);
        b.bytes(0x05);
        statement(b, index, depth + 1, calls);
        b.bytes(0x0b);
      }
      case 6 -> { // a counted loop with a body that does not call
        b.bytes(0x41).s(2 + random.nextInt(6)).bytes(0x21, 4, 0x03, 0x40);
        for (int i = random.nextInt(3); i >= 0; i--) {
          statement(b, index, 2, calls);
        }
        b.bytes(0x20, 4, 0x41, 1, 0x6b, 0x22, 4, 0x0d, 0, 0x0b);
      }
      default -> {
        if (calls[0] == 3) {
          b.bytes(0x20, x, 0x20, y, 0x6a, 0x21, y);
          return;
        }
        calls[0]++;
        b.bytes(0x20, 0, 0x04, 0x40, 0x20, 0, 0x41, 1, 0x6b, 0x20, x);
        if (random.nextBoolean()) {
          b.bytes(0x10).u(FIRST + (index + 1 + random.nextInt(5000)) % functions);
        } else {
          b.bytes(0x20, y, 0x41).s(tableSize).bytes(0x70, 0x11).u(TYPE_WASI2).u(0);
        }
        b.bytes(0x20, 2, 0x6a, 0x21, 2, 0x0b);
      }
    }
  }

  private int arith() {
    int[] ops = {0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76, 0x77};
    return ops[random.nextInt(ops.length)];
  }

  /** At 0x300: the iovecs of the version line and the hex sum; the digits at 0x500; rodata. */
  private Buf data(int dataBytes) {
    int segments = 96;
    Buf d = new Buf().u(3 + segments);
    byte[] version = VERSION.getBytes(StandardCharsets.US_ASCII);
    Buf low = new Buf().i32(0x320).i32(version.length).i32(0x400).i32(9);
    low.bytes(new byte[0x320 - 0x310]).bytes(version);
    d.bytes(0x00, 0x41).s(0x300).bytes(0x0b).sized(low);
    byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    d.bytes(0x00, 0x41).s(0x408).bytes(0x0b).u(1).bytes('\n');
    d.bytes(0x00, 0x41).s(0x500).bytes(0x0b).u(digits.length).bytes(digits);
    byte[] chunk = new byte[dataBytes / segments];
    for (int i = 0; i < segments; i++) {
      random.nextBytes(chunk);
      d.bytes(0x00, 0x41).s(DATA_BASE + i * chunk.length).bytes(0x0b).u(chunk.length).bytes(chunk);
    }
    return d;
  }

  private Buf names() {
    Buf functionNames = new Buf().u(functions + 1).u(START).name("_start");
    for (int i = 0; i < functions; i++) {
      functionNames.u(FIRST + i).name("bigapp::module" + i % 97 + "::function_" + i);
    }
    return new Buf().name("name").bytes(1).sized(functionNames);
  }

  /** A growable byte buffer with the binary format's encodings. */
  private static final class Buf extends ByteArrayOutputStream {
    Buf bytes(int... values) {
      for (int v : values) {
        write(v);
      }
      return this;
    }

    Buf bytes(byte[] values) {
      write(values, 0, values.length);
      return this;
    }

    Buf u(long value) {
      do {
        int b = (int) (value & 0x7f);
        value >>>= 7;
        write(value == 0 ? b : b | 0x80);
      } while (value != 0);
      return this;
    }

    Buf s(long value) {
      while (true) {
        int b = (int) (value & 0x7f);
        value >>= 7;
        boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
        write(done ? b : b | 0x80);
        if (done) {
          return this;
        }
      }
    }

    Buf i32(int value) {
      return bytes(value, value >> 8, value >> 16, value >> 24);
    }

    Buf f64(double value) {
      long bits = Double.doubleToRawLongBits(value);
      for (int i = 0; i < 8; i++) {
        write((int) (bits >>> (8 * i)));
      }
      return this;
    }

    Buf name(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      return u(utf8.length).bytes(utf8);
    }

    Buf sized(Buf content) {
      u(content.size());
      write(content.buf, 0, content.count);
      return this;
    }

    Buf section(int id, Buf content) {
      return bytes(id).sized(content);
    }
  }
}
