package dev.cortado.wasi.internal;

import dev.cortado.runtime.Arguments;
import dev.cortado.runtime.Caller;
import dev.cortado.runtime.HostFunction;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Results;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Defines WASI functions in a linker: every preview1 function returns an errno, which the bodies
 * give by returning it or by throwing {@link Errno.Failure}.
 */
final class Definer {
  /** The body of a WASI function. */
  @FunctionalInterface
  interface Body {
    /** Runs the function and returns its errno. */
    int call(Caller caller, Arguments args);
  }

  private final Linker linker;

  Definer(Linker linker) {
    this.linker = linker;
  }

  /**
   * Defines {@code name} with parameter types given as a string ({@code i} = i32, {@code l} = i64)
   * returning an errno.
   */
  void define(String name, String params, Body body) {
    linker.define(
        Abi.MODULE, name, FuncType.of(types(params), List.of(ValType.I32)), new Call(body));
  }

  /**
   * A WASI function as a host function: runs the body and returns its errno. A class rather than a
   * lambda: the JVM spins a class per lambda at start-up, and there are dozens of functions.
   */
  private static final class Call implements HostFunction {
    private final Body body;

    Call(Body body) {
      this.body = body;
    }

    @Override
    public void call(Caller caller, Arguments args, Results results) {
      results.setI32(0, run(caller, args));
    }

    private int run(Caller caller, Arguments args) {
      WasiContext.calling(caller.store());
      try {
        return body.call(caller, args);
      } catch (Errno.Failure f) {
        return f.errno();
      } catch (UncheckedIOException e) {
        return IoErrors.errno(e.getCause());
      } finally {
        WasiContext.called();
      }
    }
  }

  static List<ValType> types(String params) {
    // A loop, not a stream: the first stream of a start initializes the stream framework, whose
    // flag tables are EnumMaps that reflect on their enums (0.3 ms of every WASI program's start).
    ValType[] types = new ValType[params.length()];
    for (int i = 0; i < types.length; i++) {
      types[i] = params.charAt(i) == 'l' ? ValType.I64 : ValType.I32;
    }
    return List.of(types);
  }

  Linker linker() {
    return linker;
  }
}
