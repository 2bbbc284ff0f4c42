package dev.cortado.wasi.internal;

/**
 * {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}: the
 * program's arguments and environment as NUL-terminated UTF-8 strings.
 */
final class ArgsEnvFunctions {
  private ArgsEnvFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    d.define(
        "args_sizes_get",
        "ii",
        (caller, a) -> sizes(GuestMemory.of(caller), ctx.args, a.i32(0), a.i32(1)));
    d.define(
        "args_get", "ii", (caller, a) -> get(GuestMemory.of(caller), ctx.args, a.i32(0), a.i32(1)));
    d.define(
        "environ_sizes_get",
        "ii",
        (caller, a) -> sizes(GuestMemory.of(caller), ctx.env, a.i32(0), a.i32(1)));
    d.define(
        "environ_get",
        "ii",
        (caller, a) -> get(GuestMemory.of(caller), ctx.env, a.i32(0), a.i32(1)));
  }

  private static int sizes(GuestMemory mem, byte[][] strings, int countPtr, int sizePtr) {
    int size = 0;
    for (byte[] s : strings) {
      size += s.length + 1;
    }
    mem.setU32(countPtr, strings.length);
    mem.setU32(sizePtr, size);
    return Errno.SUCCESS;
  }

  private static int get(GuestMemory mem, byte[][] strings, int pointers, int buffer) {
    int at = buffer;
    for (int i = 0; i < strings.length; i++) {
      mem.setU32(pointers + 4 * i, at);
      mem.write(at, strings[i], 0, strings[i].length);
      mem.setU8(at + strings[i].length, 0);
      at += strings[i].length + 1;
    }
    return Errno.SUCCESS;
  }
}
