package dev.cortado.wasm.valid;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The module-level validation rules: index spaces, limits, constant expressions, segments, the
 * start function and exports. Function bodies are validated afterwards with the context built here.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/modules.html">Validation of
 *     modules</a>
 */
final class ModuleRules {
  private ModuleRules() {}

  static Context check(WasmModule m, WasmVersion version) {
    FuncType[] functions = new FuncType[m.functionCount()];
    TableType[] tables = new TableType[m.tableCount()];
    MemoryType[] memories = new MemoryType[m.memoryCount()];
    GlobalType[] globals = new GlobalType[m.globalCount()];
    FuncType[] tags = new FuncType[m.tagCount()];
    int x = 0;
    int f = 0;
    int t = 0;
    int mem = 0;
    int g = 0;
    Context types = new Context(m.types(), null, null, null, null, null, 0, null, version);
    int[] canonical = ReferenceTypes.checkTypes(m, types);
    for (int i = 0; i < m.imports().size(); i++) {
      Import imp = m.imports().get(i);
      String where = "import " + i + " (\"" + imp.module() + "\" \"" + imp.name() + "\")";
      // instanceof, not a pattern switch: this runs at every start (see ReferenceTypes).
      ImportDesc d = imp.desc();
      if (d instanceof ImportDesc.Func fn) {
        functions[f++] = funcType(types, fn.typeIndex(), where);
      } else if (d instanceof ImportDesc.Table tb) {
        tables[t++] = table(ReferenceTypes.check(types, tb.type(), where), where);
      } else if (d instanceof ImportDesc.Memory mm) {
        memories[mem++] = memory(mm.type(), where);
      } else if (d instanceof ImportDesc.Global gl) {
        globals[g++] = ReferenceTypes.check(types, gl.type(), where);
      } else {
        tags[x++] = ExceptionRules.tagType(types, ((ImportDesc.Tag) d).typeIndex(), where);
      }
    }
    if (version == WasmVersion.WASM_2_0 && tags.length > 0) {
      throw InvalidException.of("exception tags are Wasm 3.0 (exception handling)", "tag 0");
    }
    for (int i = 0; i < m.tags().size(); i++) {
      int index = m.importedTagCount() + i;
      tags[x++] = ExceptionRules.tagType(types, m.tags().get(i).typeIndex(), "tag " + index);
    }
    for (int i = 0; i < m.functions().size(); i++) {
      Function fn = m.functions().get(i);
      functions[f++] =
          funcType(types, fn.typeIndex(), "function " + (m.importedFunctionCount() + i));
    }
    for (int i = 0; i < m.tables().size(); i++) {
      String where = "table " + (m.importedTableCount() + i);
      tables[t++] = table(ReferenceTypes.check(types, m.tables().get(i), where), where);
    }
    for (int i = 0; i < m.memories().size(); i++) {
      memories[mem++] = memory(m.memories().get(i), "memory " + (m.importedMemoryCount() + i));
    }
    if (memories.length > 1 && version == WasmVersion.WASM_2_0) {
      throw InvalidException.of(
          "multiple memories: " + memories.length + " memories need Wasm 3.0 (multi-memory)", "");
    }
    for (Global gl : m.globals()) {
      globals[g] = ReferenceTypes.check(types, gl.type(), "global " + g);
      g++;
    }
    RefType[] elements = new RefType[m.elements().size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = m.elements().get(i).type();
      // Function indices are (ref func)s even in Wasm 2.0, where they were funcrefs.
      ReferenceTypes.check(
          types, elements[i].withNullable(true), m.types().size(), "element segment " + i);
    }
    int dataCount = m.datas().size();
    if (m.dataCount().isPresent() && m.dataCount().getAsInt() != dataCount) {
      throw InvalidException.of(
          "data count "
              + m.dataCount().getAsInt()
              + " differs from the "
              + dataCount
              + " data segments",
          "data count section");
    }
    Context ctx =
        new Context(
            m.types(),
            functions,
            tables,
            memories,
            globals,
            elements,
            dataCount,
            declaredReferences(m),
            version);
    ctx.canonical = canonical;
    ctx.functionTypeIndices = ReferenceTypes.functionTypeIndices(m);
    ctx.tags = tags;
    FunctionValidator constants = new FunctionValidator(ctx, m);
    for (int i = 0; i < m.tables().size(); i++) {
      var init = m.tableInit(i);
      String where = "table " + (m.importedTableCount() + i);
      RefType elementType = m.tables().get(i).elementType();
      if (init.isEmpty() && !elementType.nullable()) {
        throw InvalidException.of(
            "type mismatch: a table of " + elementType.text() + " needs an initializer expression",
            where);
      }
      if (init.isPresent()) {
        if (version == WasmVersion.WASM_2_0) {
          throw InvalidException.of("a table initializer expression is Wasm 3.0", where);
        }
        // Tables come before globals: only imported globals are initialized yet.
        constants.validateConstant(init.get(), elementType, m.importedGlobalCount(), where);
      }
    }
    for (int i = 0; i < m.globals().size(); i++) {
      Global gl = m.globals().get(i);
      int index = m.importedGlobalCount() + i;
      constants.validateConstant(gl.init(), gl.type().valueType(), index, "global " + index);
    }
    for (int i = 0; i < m.elements().size(); i++) {
      element(ctx, constants, m.elements().get(i), "element segment " + i);
    }
    for (int i = 0; i < m.datas().size(); i++) {
      if (m.datas().get(i).mode() instanceof DataSegment.Mode.Active a) {
        String where = "data segment " + i;
        if (!Context.inRange(a.memoryIndex(), memories.length)) {
          throw InvalidException.of(
              "unknown memory " + Integer.toUnsignedString(a.memoryIndex()), where);
        }
        constants.validateConstant(
            a.offset(), memories[a.memoryIndex()].addressType().valueType(), globals.length, where);
      }
    }
    start(m, functions);
    exports(m, ctx);
    return ctx;
  }

  private static FuncType funcType(Context types, int typeIndex, String where) {
    if (!types.hasType(typeIndex)) {
      throw InvalidException.of("unknown type " + Integer.toUnsignedString(typeIndex), where);
    }
    if (!types.isFuncType(typeIndex)) {
      throw InvalidException.of("type " + typeIndex + " is not a function type", where);
    }
    return types.funcType(typeIndex);
  }

  private static TableType table(TableType t, String where) {
    if (t.addressType() == AddressType.I32) {
      limits(t.limits(), 0xFFFFFFFFL, "table size must be at most 2^32-1 elements", where);
    } else {
      limits(t.limits(), -1L, "table size must be at most 2^64-1 elements", where);
    }
    return t;
  }

  private static MemoryType memory(MemoryType t, String where) {
    // The custom page sizes proposal: one byte or the standard 64 KiB.
    if (t.pageSizeLog2() != 0 && t.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
      throw InvalidException.of(
          "invalid custom page size: " + Long.toUnsignedString(t.pageSize()) + " bytes", where);
    }
    String tooLarge;
    if (t.pageSizeLog2() == MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
      tooLarge =
          t.addressType() == AddressType.I32
              ? "memory size must be at most 65536 pages (4GiB)"
              : "memory size must be at most 2^48 pages (2^64 bytes)";
    } else {
      tooLarge =
          "memory size must be at most "
              + (t.addressType() == AddressType.I32 ? "2^32-1" : "2^64-1")
              + " pages of one byte";
    }
    limits(t.limits(), t.maxPages(), tooLarge, where);
    if (t.shared() && t.limits().max().isEmpty()) {
      throw InvalidException.of("shared memory must have maximum", where);
    }
    return t;
  }

  private static void limits(Limits l, long bound, String tooLarge, String where) {
    // Unsigned: limits from the text format are u64s.
    if (Long.compareUnsigned(l.min(), bound) > 0
        || (l.max().isPresent() && Long.compareUnsigned(l.max().getAsLong(), bound) > 0)) {
      throw InvalidException.of(tooLarge, where);
    }
    if (l.max().isPresent() && Long.compareUnsigned(l.min(), l.max().getAsLong()) > 0) {
      throw InvalidException.of("size minimum must not be greater than maximum (" + l + ")", where);
    }
  }

  private static void element(
      Context ctx, FunctionValidator constants, ElementSegment e, String where) {
    for (Expression item : e.items()) {
      constants.validateConstant(item, e.type(), ctx.globals.length, where);
    }
    if (e.mode() instanceof ElementSegment.Mode.Active a) {
      if (!Context.inRange(a.tableIndex(), ctx.tables.length)) {
        throw InvalidException.of(
            "unknown table " + Integer.toUnsignedString(a.tableIndex()), where);
      }
      RefType tableType = ctx.table(a.tableIndex()).elementType();
      if (!ctx.matches(e.type(), tableType)) {
        throw InvalidException.of(
            "type mismatch: " + e.type().text() + " elements for a table of " + tableType.text(),
            where);
      }
      constants.validateConstant(
          a.offset(),
          ctx.table(a.tableIndex()).addressType().valueType(),
          ctx.globals.length,
          where);
    }
  }

  private static void start(WasmModule m, FuncType[] functions) {
    if (m.start().isEmpty()) {
      return;
    }
    int s = m.start().getAsInt();
    if (!Context.inRange(s, functions.length)) {
      throw InvalidException.of("unknown function " + Integer.toUnsignedString(s), "start section");
    }
    if (!functions[s].params().isEmpty() || !functions[s].results().isEmpty()) {
      throw InvalidException.of(
          "start function must take no parameters and return nothing, not " + functions[s],
          "start section");
    }
  }

  private static void exports(WasmModule m, Context ctx) {
    Set<String> names = new HashSet<>();
    for (Export e : m.exports()) {
      String where = "export \"" + e.name() + "\"";
      if (!names.add(e.name())) {
        throw InvalidException.of("duplicate export name \"" + e.name() + "\"", "exports");
      }
      int count =
          switch (e.kind()) {
            case FUNC -> ctx.functions.length;
            case TABLE -> ctx.tables.length;
            case MEMORY -> ctx.memories.length;
            case GLOBAL -> ctx.globals.length;
            case TAG -> ctx.tags.length;
          };
      if (!Context.inRange(e.index(), count)) {
        throw InvalidException.of(
            "unknown "
                + (e.kind() == ExternKind.FUNC ? "function" : e.kind().text())
                + " "
                + Integer.toUnsignedString(e.index()),
            where);
      }
    }
  }

  /**
   * Returns the functions named outside function bodies (element segments, global initializers,
   * exports): the only ones {@code ref.func} may name in a body.
   */
  private static BitSet declaredReferences(WasmModule m) {
    BitSet refs = new BitSet();
    for (Global g : m.globals()) {
      addRefFuncs(g.init(), refs);
    }
    for (ElementSegment e : m.elements()) {
      for (Expression item : e.items()) {
        addRefFuncs(item, refs);
      }
    }
    for (Export e : m.exports()) {
      if (e.kind() == ExternKind.FUNC && e.index() >= 0) {
        refs.set(e.index());
      }
    }
    return refs;
  }

  private static void addRefFuncs(Expression e, BitSet refs) {
    InstructionReader r = InstructionReader.of(e);
    while (r.hasNext()) {
      if (r.next() == Opcode.REF_FUNC && r.index() >= 0) {
        refs.set(r.index());
      }
    }
  }
}
