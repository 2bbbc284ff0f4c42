package dev.cortado.wasm;

/**
 * The shapes of the immediate operands that follow an opcode in code. Each {@link Opcode} has one;
 * decoders, encoders, the text parser and the printer switch on it.
 */
public enum Immediate {
  /** No immediates. */
  NONE,
  /** A block type: {@code block}, {@code loop}, {@code if}. */
  BLOCK_TYPE,
  /** A label index: {@code br}, {@code br_if}. */
  LABEL,
  /** A vector of label indices and a default label: {@code br_table}. */
  BR_TABLE,
  /** A function index: {@code call}, {@code ref.func}. */
  FUNC,
  /** A type index: {@code call_ref}, {@code return_call_ref}. */
  TYPE,
  /** A type index then a table index: {@code call_indirect}. */
  CALL_INDIRECT,
  /** A local index. */
  LOCAL,
  /** A global index. */
  GLOBAL,
  /** A table index: {@code table.get/set/size/grow/fill}. */
  TABLE,
  /** Alignment, offset (and memory index): loads and stores. */
  MEMARG,
  /** A memory argument then a lane index: {@code v128.load8_lane} and friends. */
  MEMARG_LANE,
  /** A memory index (a zero byte in Wasm 2.0): {@code memory.size/grow/fill}. */
  MEMORY,
  /** A data index then a memory index: {@code memory.init}. */
  MEMORY_INIT,
  /** A data index: {@code data.drop}. */
  DATA,
  /** Destination then source memory index: {@code memory.copy}. */
  MEMORY_COPY,
  /** An element index then a table index: {@code table.init}. */
  TABLE_INIT,
  /** An element index: {@code elem.drop}. */
  ELEM,
  /** Destination then source table index: {@code table.copy}. */
  TABLE_COPY,
  /** A signed 32-bit integer: {@code i32.const}. */
  I32,
  /** A signed 64-bit integer: {@code i64.const}. */
  I64,
  /** 32 bits of an IEEE 754 float: {@code f32.const}. */
  F32,
  /** 64 bits of an IEEE 754 float: {@code f64.const}. */
  F64,
  /** 16 bytes: {@code v128.const}. */
  V128,
  /** A lane index: extract and replace lane. */
  LANE,
  /** 16 lane indices: {@code i8x16.shuffle}. */
  SHUFFLE,
  /** A heap type: {@code ref.null}. */
  HEAP_TYPE,
  /** A vector of value types: typed {@code select}. */
  SELECT_TYPES,
  /** A tag index: {@code throw} (Wasm 3.0). */
  TAG,
  /** A block type then a vector of catch clauses: {@code try_table} (Wasm 3.0). */
  TRY_TABLE,
  /** A struct type index then a field index: {@code struct.get/set} (Wasm 3.0). */
  FIELD,
  /** An array type index then an element count: {@code array.new_fixed} (Wasm 3.0). */
  TYPE_COUNT,
  /** An array type index then a data index: {@code array.new_data/init_data} (Wasm 3.0). */
  TYPE_DATA,
  /** An array type index then an element index: {@code array.new_elem/init_elem} (Wasm 3.0). */
  TYPE_ELEM,
  /** Destination then source array type index: {@code array.copy} (Wasm 3.0). */
  TYPE_PAIR,
  /**
   * A heap type whose nullability the opcode tells: {@code ref.test} and {@code ref.cast} (Wasm
   * 3.0).
   */
  CAST,
  /**
   * A flags byte (bit 0: source nullable, bit 1: target nullable), a label, a source and a target
   * heap type: {@code br_on_cast} and {@code br_on_cast_fail} (Wasm 3.0).
   */
  BR_ON_CAST
}
