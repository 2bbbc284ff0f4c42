package dev.cortado.runtime;

/**
 * Why a trap happened. {@link #message()} is the text the spec's test suite expects.
 *
 * @see <a href="https://webassembly.github.io/spec/core/intro/overview.html#trap">Traps</a>
 */
public enum TrapKind {
  /** {@code unreachable} was executed. */
  UNREACHABLE("unreachable"),
  /** Integer division or remainder by zero. */
  INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
  /** Signed division overflow, or a float too large for the integer type of a conversion. */
  INTEGER_OVERFLOW("integer overflow"),
  /** Conversion of NaN to an integer. */
  INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
  /** A memory access, or a bulk memory operation, outside the memory. */
  OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
  /** A table access, or a bulk table operation, outside the table. */
  OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
  /** {@code call_indirect} with an index beyond the table. */
  UNDEFINED_ELEMENT("undefined element"),
  /** {@code call_indirect} through a null table entry. */
  UNINITIALIZED_ELEMENT("uninitialized element"),
  /** {@code call_indirect} to a function of a different type. */
  INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
  /** A null reference was dereferenced. */
  NULL_REFERENCE("null reference"),
  /** The call stack grew beyond the configured depth. */
  CALL_STACK_EXHAUSTED("call stack exhausted"),
  // Added last: generated code names trap kinds by ordinal (Support).
  /** {@code call_ref} or {@code return_call_ref} of a null function reference. */
  NULL_FUNCTION_REFERENCE("null function reference"),
  /** A struct instruction on a null reference (Wasm 3.0 GC). */
  NULL_STRUCTURE_REFERENCE("null structure reference"),
  /** An array instruction on a null reference (Wasm 3.0 GC). */
  NULL_ARRAY_REFERENCE("null array reference"),
  /** {@code i31.get_s} or {@code i31.get_u} of a null reference (Wasm 3.0 GC). */
  NULL_I31_REFERENCE("null i31 reference"),
  /** An array access, or a bulk array operation, outside the array (Wasm 3.0 GC). */
  OUT_OF_BOUNDS_ARRAY_ACCESS("out of bounds array access"),
  /** {@code ref.cast} of a reference that is not of the type (Wasm 3.0 GC). */
  CAST_FAILURE("cast failure"),
  /**
   * An array larger than the engine allows (Wasm 3.0 GC): more than {@code 2^31 - 9} elements, or
   * more bytes than one Java array holds.
   */
  ALLOCATION_TOO_LARGE("allocation too large"),
  /**
   * A value that breaks the component model's canonical ABI at a component's boundary: an unknown
   * or wrong handle, a bad discriminant, invalid UTF-8, a list outside memory, a misaligned
   * pointer.
   */
  CANONICAL_ABI("invalid value at a component boundary"),
  /** An atomic access at an address that is not a multiple of its size (threads proposal). */
  UNALIGNED_ATOMIC("unaligned atomic"),
  /** {@code memory.atomic.wait32} or {@code wait64} on a memory that is not shared. */
  EXPECTED_SHARED_MEMORY("expected shared memory");

  private final String message;

  TrapKind(String message) {
    this.message = message;
  }

  /** Returns the spec's message for this kind of trap, for example {@code "unreachable"}. */
  public String message() {
    return message;
  }
}
