package dev.cortado.runtime;

/**
 * A function written in Java that WebAssembly code can import and call.
 *
 * <pre>{@code
 * linker.define("env", "add", FuncType.of(List.of(I32, I32), List.of(I32)),
 *     (caller, args, results) -> results.setI32(0, args.i32(0) + args.i32(1)));
 * }</pre>
 *
 * <p>Reading the caller's memory goes through {@link Caller#memory()}. Throwing a {@link Trap}
 * makes the calling WebAssembly code trap; any other exception propagates to whoever called into
 * WebAssembly.
 */
@FunctionalInterface
public interface HostFunction {
  /**
   * Runs the function.
   *
   * @param caller the calling instance, for its memory and exports
   * @param args the arguments, typed as the function's parameters
   * @param results where to put the results; unset results are zero or null
   */
  void call(Caller caller, Arguments args, Results results);
}
