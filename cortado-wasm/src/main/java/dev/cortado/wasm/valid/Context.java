package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmVersion;
import java.util.BitSet;
import java.util.List;

/**
 * The validation context of the spec ({@code C}): the types of everything code can refer to, by
 * index. Indices arrive as raw u32 bits, so a negative int is an index of 2^31 or more, which is
 * never valid.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/conventions.html#contexts">Contexts</a>
 */
final class Context {
  final List<SubType> types;
  final FuncType[] functions;
  final TableType[] tables;
  final MemoryType[] memories;
  final GlobalType[] globals;
  final RefType[] elements;
  final int dataCount;

  /** The payload type of each tag (Wasm 3.0 exceptions), set once the module's are known. */
  FuncType[] tags = new FuncType[0];

  /** Functions that {@code ref.func} may name inside function bodies ({@code C.refs}). */
  final BitSet refs;

  /** The edition of the standard the module is validated against. */
  final WasmVersion version;

  Context(
      List<SubType> types,
      FuncType[] functions,
      TableType[] tables,
      MemoryType[] memories,
      GlobalType[] globals,
      RefType[] elements,
      int dataCount,
      BitSet refs,
      WasmVersion version) {
    this.types = types;
    this.functions = functions;
    this.tables = tables;
    this.memories = memories;
    this.globals = globals;
    this.elements = elements;
    this.dataCount = dataCount;
    this.refs = refs;
    this.version = version;
  }

  static boolean inRange(int index, int count) {
    return index >= 0 && index < count;
  }

  boolean hasType(int i) {
    return inRange(i, types.size());
  }

  /** Returns whether type {@code i} exists and is a function type. */
  boolean isFuncType(int i) {
    return hasType(i) && types.get(i).composite() instanceof FuncType;
  }

  FuncType funcType(int i) {
    return (FuncType) types.get(i).composite();
  }

  FuncType function(int i) {
    return functions[i];
  }

  TableType table(int i) {
    return tables[i];
  }

  MemoryType memory(int i) {
    return memories[i];
  }

  GlobalType global(int i) {
    return globals[i];
  }
}
