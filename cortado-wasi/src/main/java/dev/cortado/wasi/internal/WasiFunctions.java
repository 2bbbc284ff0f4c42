package dev.cortado.wasi.internal;

import dev.cortado.runtime.Linker;

/** Defines every {@code wasi_snapshot_preview1} function, group by group. */
public final class WasiFunctions {
  private WasiFunctions() {}

  /** Defines the functions in {@code linker}, all working on {@code ctx}. */
  public static void define(Linker linker, WasiContext ctx) {
    Definer d = new Definer(linker);
    ArgsEnvFunctions.define(d, ctx);
    ClockFunctions.define(d, ctx);
    RandomFunctions.define(d, ctx);
    ProcFunctions.define(d, ctx);
    FdFunctions.define(d, ctx);
    PathFunctions.define(d, ctx);
    PollFunctions.define(d, ctx);
    SockFunctions.define(d, ctx);
  }
}
