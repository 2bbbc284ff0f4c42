package dev.cortado.wasm.text;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.Tag;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the fields of one module into a {@link WasmModule}, in two passes: the first gives every
 * field its index and binds its identifier (so fields may refer to later ones), the second builds
 * the parts in field order.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html">Modules</a>
 */
final class ModuleParser {
  private final ModuleContext ctx;
  private final WasmModule.Builder module = WasmModule.builder();
  private final List<SExpr.Parens> fields;
  private final List<SExpr.Annotation> annotations;

  /** The kind of the first definition (not import) of pass 1, after which imports are malformed. */
  private Optional<String> firstDefinition = Optional.empty();

  private int funcCount;
  private int tableCount;
  private int memoryCount;
  private int globalCount;
  private int tagCount;
  private boolean hasStart;

  private final WasmVersion version;

  private ModuleParser(
      List<SExpr.Parens> fields, List<SExpr.Annotation> annotations, WasmVersion version) {
    this.fields = fields;
    this.annotations = annotations;
    this.version = version;
    this.ctx = new ModuleContext(version);
  }

  /** Parses {@code (module $id? field*)}. */
  static WasmModule module(SExpr.Parens node, WasmVersion version) {
    Cursor c = node.cursor();
    c.expectKeyword("module");
    int skipped = c.optionalId().isPresent() ? 2 : 1;
    return fields(c, node.annotations().stream().map(a -> a.after(skipped)).toList(), version);
  }

  /**
   * Parses the module fields from {@code c} to its end, with the {@code annotations} among them
   * (placed relative to the fields).
   */
  static WasmModule fields(Cursor c, List<SExpr.Annotation> annotations, WasmVersion version) {
    List<SExpr.Parens> fields = new ArrayList<>();
    while (!c.atEnd()) {
      if (!(c.peek() instanceof SExpr.Parens p)) {
        throw c.unexpected("a module field");
      }
      if (p.head().isEmpty()) {
        throw p.cursor().unexpected("a module field keyword");
      }
      fields.add(p);
      c.next();
    }
    return new ModuleParser(fields, annotations, version).parse();
  }

  private WasmModule parse() {
    // Type identifiers first: a type may name itself or a later type (Wasm 3.0; a later one is
    // for the validator to refuse, as a numeric index would be).
    for (SExpr.Parens f : fields) {
      Cursor c = f.cursor();
      if (c.peekKeyword("type")) {
        c.next();
        ctx.types.declare(c.optionalId());
      } else if (c.peekKeyword("rec") && version != WasmVersion.WASM_2_0) {
        c.next();
        while (c.peekParens("type")) {
          Cursor t = c.expectParens("type");
          ctx.types.declare(t.optionalId());
        }
      }
    }
    for (SExpr.Parens f : fields) {
      declare(f);
    }
    for (SExpr.Parens f : fields) {
      define(f);
    }
    for (RecGroup g : ctx.types.groups()) {
      module.addRecGroup(g);
    }
    if (ctx.codeUsesDataIndex) {
      module.dataCount(ctx.datas.size());
    }
    Annotations.apply(annotations, fields, module);
    return module.build();
  }

  private IdSpace space(String kind) {
    return switch (kind) {
      case "func" -> ctx.funcs;
      case "table" -> ctx.tables;
      case "memory" -> ctx.memories;
      case "tag" -> ctx.tags;
      default -> ctx.globals;
    };
  }

  // ---- Pass 1: indices, identifiers, types, and the order of imports.

  private void declare(SExpr.Parens field) {
    Cursor c = field.cursor();
    String kind = Cursor.token(c.next()).text();
    switch (kind) {
      case "type" -> type(c);
      case "rec" -> {
        if (version == WasmVersion.WASM_2_0) {
          throw field.items().get(0).error("unexpected token rec: recursion groups are Wasm 3.0");
        }
        ctx.types.beginGroup();
        while (!c.atEnd()) {
          type(c.expectParens("type"));
        }
        ctx.types.endGroup();
      }
      case "import" -> {
        name(c);
        name(c);
        String descKind = importKind(c);
        checkImportOrder(c.peek());
        space(descKind).declare(c.expectParens(descKind).optionalId());
      }
      case "func", "table", "memory", "global", "tag" -> {
        Optional<Token> id = c.optionalId();
        while (c.peekParens("export")) {
          c.next();
        }
        boolean imported = c.peekParens("import");
        if (imported) {
          checkImportOrder(c.peek());
        } else if (firstDefinition.isEmpty()) {
          firstDefinition = Optional.of(kind.equals("func") ? "function" : kind);
        }
        space(kind).declare(id);
        if (!imported && kind.equals("table") && contains(c, "elem")) {
          ctx.elems.declare(Optional.empty());
        }
        if (!imported && kind.equals("memory") && contains(c, "data")) {
          ctx.datas.declare(Optional.empty());
        }
      }
      case "elem" -> ctx.elems.declare(c.optionalId());
      case "data" -> ctx.datas.declare(c.optionalId());
      case "export", "start" -> {}
      default ->
          throw field
              .items()
              .get(0)
              .error("unexpected token " + kind + ", expected a module field");
    }
  }

  private void type(Cursor c) {
    c.optionalId();
    SubType t;
    if (c.peekParens("sub") && version != WasmVersion.WASM_2_0) {
      Cursor sub = c.expectParens("sub");
      boolean isFinal = sub.peekKeyword("final");
      if (isFinal) {
        sub.next();
      }
      List<Integer> supertypes = new ArrayList<>();
      while (sub.peekIndex()) {
        supertypes.add(ctx.types.resolve(Cursor.token(sub.next())));
      }
      t = new SubType(isFinal, supertypes, TypeDefinitions.composite(sub, ctx.types, version));
      sub.expectEnd();
    } else {
      t = SubType.of(TypeDefinitions.composite(c, ctx.types, version));
    }
    c.expectEnd();
    ctx.types.define(t);
  }

  private void checkImportOrder(SExpr at) {
    if (firstDefinition.isPresent()) {
      throw at.error(
          "import after "
              + firstDefinition.get()
              + ": imports must come before every function, table, memory and global definition");
    }
  }

  private static boolean contains(Cursor c, String head) {
    while (!c.atEnd()) {
      if (c.peekParens(head)) {
        return true;
      }
      c.next();
    }
    return false;
  }

  private static String importKind(Cursor c) {
    for (String kind : List.of("func", "table", "memory", "global", "tag")) {
      if (c.peekParens(kind)) {
        return kind;
      }
    }
    throw c.unexpected("(func ...), (table ...), (memory ...), (global ...) or (tag ...)");
  }

  // ---- Pass 2: the module's parts, in field order.

  private void define(SExpr.Parens field) {
    Cursor c = field.cursor();
    switch (Cursor.token(c.next()).text()) {
      case "import" -> importField(c);
      case "func" -> func(c);
      case "table" -> table(c);
      case "memory" -> memory(c);
      case "global" -> global(c);
      case "tag" -> tag(c);
      case "export" -> export(c);
      case "start" -> start(field, c);
      case "elem" -> module.addElement(SegmentParser.elem(ctx, c));
      case "data" -> module.addData(SegmentParser.data(ctx, c));
      default -> {} // type fields were read in pass 1
    }
  }

  private static String name(Cursor c) {
    return c.expect(Token.Kind.STRING, "a name string").utf8();
  }

  private void importField(Cursor c) {
    String moduleName = name(c);
    String name = name(c);
    String kind = importKind(c);
    Cursor desc = c.expectParens(kind);
    desc.optionalId();
    addImport(moduleName, name, kind, desc);
    desc.expectEnd();
    c.expectEnd();
  }

  private void addImport(String moduleName, String name, String kind, Cursor desc) {
    ImportDesc d =
        switch (kind) {
          case "func" -> {
            funcCount++;
            yield new ImportDesc.Func(TypeUse.parse(desc, ctx.types, true).resolve(ctx.types));
          }
          case "table" -> {
            tableCount++;
            yield new ImportDesc.Table(Types.tableType(desc, ctx.types, version));
          }
          case "memory" -> {
            memoryCount++;
            yield new ImportDesc.Memory(Types.memoryType(desc, version));
          }
          case "tag" -> {
            tagCount++;
            yield new ImportDesc.Tag(TypeUse.parse(desc, ctx.types, true).resolve(ctx.types));
          }
          default -> {
            globalCount++;
            yield new ImportDesc.Global(Types.globalType(desc, ctx.types));
          }
        };
    module.addImport(new Import(moduleName, name, d));
  }

  /**
   * Reads the inline exports of a definition, then its inline import if any: returns whether the
   * definition is an import (then it has been added).
   */
  private boolean exportsAndImport(Cursor c, String kind, ExternKind externKind, int index) {
    while (c.peekParens("export")) {
      Cursor e = c.expectParens("export");
      module.addExport(new Export(name(e), externKind, index));
      e.expectEnd();
    }
    if (!c.peekParens("import")) {
      return false;
    }
    Cursor i = c.expectParens("import");
    String moduleName = name(i);
    String name = name(i);
    i.expectEnd();
    addImport(moduleName, name, kind, c);
    c.expectEnd();
    return true;
  }

  private void func(Cursor c) {
    c.optionalId();
    if (exportsAndImport(c, "func", ExternKind.FUNC, funcCount)) {
      return;
    }
    funcCount++;
    TypeUse type = TypeUse.parse(c, ctx.types, true);
    int typeIndex = type.resolve(ctx.types);
    IdSpace locals = new IdSpace("local");
    List<ValType> params = type.paramTypes(ctx.types, typeIndex);
    for (int i = 0; i < params.size(); i++) {
      locals.declare(type.hasInlineSignature() ? type.paramIds().get(i) : Optional.empty());
    }
    List<ValType> localTypes = new ArrayList<>();
    while (c.peekParens("local")) {
      Cursor l = c.expectParens("local");
      Optional<Token> id = l.optionalId();
      if (id.isPresent()) {
        localTypes.add(Types.valType(l, ctx.types));
        locals.declare(id);
      }
      while (id.isEmpty() && !l.atEnd()) {
        localTypes.add(Types.valType(l, ctx.types));
        locals.declare(Optional.empty());
      }
      l.expectEnd();
    }
    Expression body = InstructionParser.expression(ctx, locals, c);
    module.addFunction(new Function(typeIndex, localTypes, body));
  }

  private void table(Cursor c) {
    c.optionalId();
    int index = tableCount;
    if (exportsAndImport(c, "table", ExternKind.TABLE, index)) {
      return;
    }
    tableCount++;
    AddressType at = Types.addressType(c, version);
    if (Types.peekRefType(c)) {
      RefType type = Types.refType(c, ctx.types);
      List<Expression> items = SegmentParser.inlineElements(ctx, c.expectParens("elem"));
      c.expectEnd();
      module.addTable(new TableType(type, Limits.of(items.size(), items.size()), at));
      module.addElement(
          new ElementSegment(
              type, items, new ElementSegment.Mode.Active(index, SegmentParser.zeroOffset(at))));
      return;
    }
    TableType type = Types.tableType(c, ctx.types, version, at);
    if (c.atEnd()) {
      module.addTable(type);
    } else {
      // Wasm 3.0: the expression every element starts as.
      module.addTable(type, InstructionParser.expression(ctx, new IdSpace("local"), c));
    }
  }

  private void memory(Cursor c) {
    c.optionalId();
    int index = memoryCount;
    if (exportsAndImport(c, "memory", ExternKind.MEMORY, index)) {
      return;
    }
    memoryCount++;
    AddressType at = Types.addressType(c, version);
    // (memory (pagesize n) (data ...)): the inline data's memory in pages of n bytes.
    int pageSizeLog2 =
        version != WasmVersion.WASM_2_0 && c.peekParens("pagesize")
            ? Types.pageSize(c)
            : MemoryType.DEFAULT_PAGE_SIZE_LOG2;
    if (c.peekParens("data")) {
      Cursor d = c.expectParens("data");
      Bytes bytes = SegmentParser.strings(d);
      c.expectEnd();
      long pageSize = 1L << pageSizeLog2;
      long pages = (bytes.length() + pageSize - 1) / pageSize;
      module.addMemory(new MemoryType(Limits.of(pages, pages), at, false, pageSizeLog2));
      module.addData(
          new DataSegment(bytes, new DataSegment.Mode.Active(index, SegmentParser.zeroOffset(at))));
      return;
    }
    if (pageSizeLog2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
      throw c.unexpected("(data ...): a page size comes after the limits, or before inline data");
    }
    module.addMemory(Types.memoryType(c, version, at));
    c.expectEnd();
  }

  private void global(Cursor c) {
    c.optionalId();
    if (exportsAndImport(c, "global", ExternKind.GLOBAL, globalCount)) {
      return;
    }
    globalCount++;
    GlobalType type = Types.globalType(c, ctx.types);
    module.addGlobal(new Global(type, InstructionParser.expression(ctx, new IdSpace("local"), c)));
  }

  private void tag(Cursor c) {
    c.optionalId();
    if (exportsAndImport(c, "tag", ExternKind.TAG, tagCount)) {
      return;
    }
    tagCount++;
    module.addTag(new Tag(TypeUse.parse(c, ctx.types, true).resolve(ctx.types)));
    c.expectEnd();
  }

  private void export(Cursor c) {
    String name = name(c);
    String kind = importKind(c);
    Cursor d = c.expectParens(kind);
    int index = space(kind).resolve(d.expectIndex("a " + kind));
    d.expectEnd();
    c.expectEnd();
    ExternKind externKind =
        switch (kind) {
          case "func" -> ExternKind.FUNC;
          case "table" -> ExternKind.TABLE;
          case "memory" -> ExternKind.MEMORY;
          case "tag" -> ExternKind.TAG;
          default -> ExternKind.GLOBAL;
        };
    module.addExport(new Export(name, externKind, index));
  }

  private void start(SExpr.Parens field, Cursor c) {
    if (hasStart) {
      throw field.error("multiple start sections: a module has at most one start function");
    }
    hasStart = true;
    module.start(ctx.funcs.resolve(c.expectIndex("a function")));
    c.expectEnd();
  }
}
