package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A WebAssembly exception on its way to a handler: the Java exception that carries it across
 * interpreter frames, host functions and compiled code. It has no Java stack trace (filling one in
 * would cost more than the throw itself); the host sees {@code UncaughtException} instead. On its
 * way it records the interpreted frames it leaves without finding a handler, innermost first: the
 * WebAssembly stack trace of an exception nothing catches.
 */
public final class Thrown extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exception thrown. */
  public final transient ExceptionInstance exception;

  // The frames left, as functions and code positions, converted only if the host sees them.
  private transient WasmFunction[] functions = new WasmFunction[0];
  private transient int[] positions = new int[0];
  private int frameCount;
  private final transient List<WasmStackFrame> inner;

  /** Creates the carrier of {@code exception}. */
  public Thrown(ExceptionInstance exception) {
    this(exception, List.of());
  }

  /**
   * Creates the carrier of {@code exception} continuing its way out, after it passed through a host
   * function, from the frames {@code inner} it left before.
   */
  public Thrown(ExceptionInstance exception, List<WasmStackFrame> inner) {
    super("uncaught WebAssembly exception", null, false, false);
    this.exception = exception;
    this.inner = inner;
  }

  /** Records that the exception left function {@code f}, which stood at IR position {@code pc}. */
  void left(WasmFunction f, int pc) {
    if (frameCount == functions.length) {
      int n = Math.max(4, frameCount * 2);
      functions = Arrays.copyOf(functions, n);
      positions = Arrays.copyOf(positions, n);
    }
    functions[frameCount] = f;
    positions[frameCount] = pc;
    frameCount++;
  }

  /** Returns the interpreted frames the exception left, innermost first. */
  public List<WasmStackFrame> frames() {
    List<WasmStackFrame> frames = new ArrayList<>(inner);
    for (int i = 0; i < frameCount; i++) {
      frames.add(Traps.frame(functions[i], positions[i]));
    }
    return frames;
  }
}
