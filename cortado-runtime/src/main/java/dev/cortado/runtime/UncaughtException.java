package dev.cortado.runtime;

import dev.cortado.runtime.internal.interp.Thrown;
import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.wasm.ValType;
import java.util.List;

/**
 * A WebAssembly exception (Wasm 3.0 {@code throw} or {@code throw_ref}) that no handler in the
 * called code caught: it ended the call from the host. It carries the exception, its tag and its
 * values. Unlike a {@link Trap}, it is the program's own outcome; a host function that lets it
 * propagate passes it on to the WebAssembly code that called the host, where a {@code try_table}
 * may still catch it. A host function may also throw one of its own ({@link #of(Tag, List)}).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-throw-ref">
 *     throw_ref</a>
 */
public final class UncaughtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ExceptionRef exception;
  private final transient List<WasmStackFrame> wasmStackTrace;

  private UncaughtException(ExceptionRef exception, List<WasmStackFrame> frames) {
    super("uncaught WebAssembly " + exception, null, false, false);
    this.exception = exception;
    this.wasmStackTrace = List.copyOf(frames);
  }

  /**
   * Returns a new exception of {@code tag} carrying {@code payload}, for a host function to throw
   * into the WebAssembly code that called it, where a handler for the tag may catch it.
   *
   * @throws IllegalArgumentException if the values do not match the tag's parameters
   */
  public static UncaughtException of(Tag tag, List<WasmValue> payload) {
    List<ValType> types = tag.type().params();
    if (payload.size() != types.size()) {
      throw new IllegalArgumentException(
          "the tag carries " + types.size() + " values, not " + payload.size());
    }
    int n = types.size();
    long[] lo = new long[n];
    long[] hi = new long[n];
    Object[] refs = new Object[n];
    for (int i = 0; i < n; i++) {
      Values.requireType(payload.get(i), types.get(i), "value " + i);
      Values.toSlot(tag.store(), payload.get(i), lo, hi, refs, i);
    }
    ExceptionInstance exception = new ExceptionInstance(tag.instance, lo, hi, refs, 0);
    return new UncaughtException(new ExceptionRef(tag.store(), exception), List.of());
  }

  static UncaughtException of(Store store, Thrown thrown) {
    return new UncaughtException(new ExceptionRef(store, thrown.exception), thrown.frames());
  }

  /**
   * Returns the interpreted WebAssembly frames the exception passed through without a handler,
   * innermost first (where it was thrown, then its callers up to the host); compiled frames and
   * frames of host functions are not in it.
   */
  public List<WasmStackFrame> wasmStackTrace() {
    return wasmStackTrace;
  }

  /**
   * Returns the message followed by the WebAssembly stack trace for people, folded and bounded as
   * {@link Trap#describe()} does.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(getMessage());
    StackTraceText.appendFolded(b, wasmStackTrace);
    return b.toString();
  }

  /** Returns the exception. */
  public ExceptionRef exception() {
    return exception;
  }

  /** Returns the tag the exception was thrown with. */
  public Tag tag() {
    return exception.tag();
  }

  /** Returns the values thrown with the exception. */
  public List<WasmValue> payload() {
    return exception.payload();
  }

  /** Returns the carrier that continues the exception's unwinding in WebAssembly code. */
  Thrown rethrow() {
    return new Thrown(exception.instance, wasmStackTrace);
  }
}
