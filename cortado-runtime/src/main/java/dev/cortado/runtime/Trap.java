package dev.cortado.runtime;

import dev.cortado.wasm.WasmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Execution of WebAssembly code trapped: it stopped because of an error the spec defines, such as
 * an out-of-bounds memory access or an integer division by zero.
 *
 * <p>{@link #wasmStackTrace()} tells where in the guest it happened, innermost frame first, with
 * function names from the module's name section.
 *
 * @see <a href="https://webassembly.github.io/spec/core/intro/overview.html#trap">Traps</a>
 */
public class Trap extends WasmException {
  private static final long serialVersionUID = 1L;

  private final TrapKind kind;
  private final List<WasmStackFrame> wasmStackTrace;

  /** Creates a trap of {@code kind} that happened at {@code frames} (innermost first). */
  protected Trap(TrapKind kind, List<WasmStackFrame> frames) {
    this(kind, kind.message(), frames);
  }

  /** A trap saying {@code problem} (its kind's message, with any detail), at {@code frames}. */
  private Trap(TrapKind kind, String problem, List<WasmStackFrame> frames) {
    super("trap", problem, frames.isEmpty() ? "" : "at " + frames.get(0), null);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.wasmStackTrace = List.copyOf(frames);
  }

  /**
   * Creates a trap of {@code kind} raised by the host, with {@code detail} saying what happened
   * (for example the address and length of an out-of-bounds access).
   */
  protected Trap(TrapKind kind, String detail) {
    super("trap", kind.message() + ": " + detail, "", null);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.wasmStackTrace = List.of();
  }

  /** Returns a trap of {@code kind} with a detail for people, raised outside WebAssembly code. */
  public static Trap of(TrapKind kind, String detail) {
    return new Trap(kind, detail);
  }

  /** Returns a trap of {@code kind}, not yet placed in any code. */
  public static Trap of(TrapKind kind) {
    return kind == TrapKind.CALL_STACK_EXHAUSTED
        ? new ExhaustionException(List.of())
        : new Trap(kind, List.of());
  }

  /** Returns why the trap happened. */
  public TrapKind kind() {
    return kind;
  }

  /** Returns where the trap happened in WebAssembly code, innermost frame first. */
  public List<WasmStackFrame> wasmStackTrace() {
    return wasmStackTrace;
  }

  /**
   * Returns this trap with {@code outer} frames added below its WebAssembly stack trace, as it
   * propagates out of nested calls. The Java stack trace is kept.
   */
  public Trap withOuterFrames(List<WasmStackFrame> outer) {
    List<WasmStackFrame> all = new ArrayList<>(wasmStackTrace);
    all.addAll(outer);
    // The detail a host function gave its trap stays with it as the frames are added.
    Trap t =
        kind == TrapKind.CALL_STACK_EXHAUSTED
            ? new ExhaustionException(all)
            : new Trap(kind, problem(), all);
    t.setStackTrace(getStackTrace());
    return t;
  }

  /**
   * Returns the message followed by the WebAssembly stack trace for people, bounded whatever the
   * depth: repeated frames (and repeated cycles of two or three frames, as in mutual recursion) are
   * folded into one entry with a count, e.g. {@code at f @ 0x12 [repeated 49,999 times]}, and a
   * trace with more entries than fit shows the innermost and the outermost around {@code ... N
   * frames omitted ...}. {@link #describeEveryFrame()} shows every frame.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(getMessage());
    StackTraceText.appendFolded(b, wasmStackTrace);
    return b.toString();
  }

  /**
   * Returns the message followed by every frame of the WebAssembly stack trace, one per line,
   * innermost first: as long as the stack was deep.
   */
  public String describeEveryFrame() {
    StringBuilder b = new StringBuilder(getMessage());
    StackTraceText.appendEveryFrame(b, wasmStackTrace);
    return b.toString();
  }
}
