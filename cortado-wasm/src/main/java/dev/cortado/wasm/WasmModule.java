package dev.cortado.wasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A WebAssembly module as decoded or parsed: immutable, and not yet validated.
 *
 * <p>Index spaces put imports first: function index {@code i} is the {@code i}-th function import
 * when {@code i < importedFunctionCount()}, else defined function {@code i -
 * importedFunctionCount()}. The same holds for tables, memories and globals.
 *
 * <p>Build one with {@link #builder()}; decode one with {@code dev.cortado.wasm.binary
 * .ModuleDecoder} or parse one with {@code dev.cortado.wasm.text.TextParser}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html">Modules</a>
 */
public final class WasmModule {
  private final List<RecGroup> recGroups;
  private final List<SubType> types;
  private final List<Import> imports;
  private final List<Function> functions;
  private final List<TableType> tables;
  // Defined table index to its initializer expression (Wasm 3.0); absent: null references.
  private final java.util.Map<Integer, Expression> tableInits;
  private final List<MemoryType> memories;
  private final List<Global> globals;
  private final List<Tag> tags;
  private final List<Export> exports;
  private final OptionalInt start;
  private final List<ElementSegment> elements;
  private final List<DataSegment> datas;
  private final OptionalInt dataCount;
  private final List<CustomSection> customSections;
  // The names, decoded from the name section on first use: a module's names (70,000 of them in a
  // big module) are read only for stack traces and the text printer.
  private final Supplier<Names> namesSource;
  private volatile Names names;

  // Derived from imports: the import index spaces, and the type of each imported function.
  private final int importedFunctions;
  private final int importedTables;
  private final int importedMemories;
  private final int importedGlobals;
  private final int importedTags;

  private WasmModule(Builder b) {
    this.recGroups = List.copyOf(b.recGroups);
    List<SubType> flat = new ArrayList<>();
    for (RecGroup g : recGroups) {
      flat.addAll(g.types());
    }
    this.types = List.copyOf(flat);
    this.imports = List.copyOf(b.imports);
    this.functions = List.copyOf(b.functions);
    this.tables = List.copyOf(b.tables);
    this.tableInits = java.util.Map.copyOf(b.tableInits);
    this.memories = List.copyOf(b.memories);
    this.globals = List.copyOf(b.globals);
    this.tags = List.copyOf(b.tags);
    this.exports = List.copyOf(b.exports);
    this.start = b.start;
    this.elements = List.copyOf(b.elements);
    this.datas = List.copyOf(b.datas);
    this.dataCount = b.dataCount;
    this.customSections = List.copyOf(b.customSections);
    this.namesSource = b.names;
    int f = 0;
    int t = 0;
    int m = 0;
    int g = 0;
    int x = 0;
    for (Import i : imports) {
      switch (i.kind()) {
        case FUNC -> f++;
        case TABLE -> t++;
        case MEMORY -> m++;
        case GLOBAL -> g++;
        case TAG -> x++;
      }
    }
    this.importedFunctions = f;
    this.importedTables = t;
    this.importedMemories = m;
    this.importedGlobals = g;
    this.importedTags = x;
  }

  /** Returns a builder for a new module. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from this module's contents. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recGroups.addAll(recGroups);
    b.imports.addAll(imports);
    b.functions.addAll(functions);
    b.tables.addAll(tables);
    b.tableInits.putAll(tableInits);
    b.memories.addAll(memories);
    b.globals.addAll(globals);
    b.tags.addAll(tags);
    b.exports.addAll(exports);
    b.start = start;
    b.elements.addAll(elements);
    b.datas.addAll(datas);
    b.dataCount = dataCount;
    b.customSections.addAll(customSections);
    b.names = namesSource;
    return b;
  }

  /** Returns the recursion groups of the type section. */
  public List<RecGroup> recGroups() {
    return recGroups;
  }

  /** Returns every type definition, in index order (the groups flattened). */
  public List<SubType> types() {
    return types;
  }

  /** Returns the imports, in order. */
  public List<Import> imports() {
    return imports;
  }

  /** Returns the functions defined in the module (not the imported ones). */
  public List<Function> functions() {
    return functions;
  }

  /** Returns the tables defined in the module (not the imported ones). */
  public List<TableType> tables() {
    return tables;
  }

  /**
   * Returns the initializer expression of defined table {@code index} (Wasm 3.0), if it has one; a
   * table without one starts with null references.
   */
  public Optional<Expression> tableInit(int index) {
    return Optional.ofNullable(tableInits.get(index));
  }

  /** Returns the memories defined in the module (not the imported ones). */
  public List<MemoryType> memories() {
    return memories;
  }

  /** Returns the globals defined in the module (not the imported ones). */
  public List<Global> globals() {
    return globals;
  }

  /** Returns the exports, in order. */
  public List<Export> exports() {
    return exports;
  }

  /** Returns the index of the start function, if there is one. */
  public OptionalInt start() {
    return start;
  }

  /** Returns the element segments. */
  public List<ElementSegment> elements() {
    return elements;
  }

  /** Returns the data segments. */
  public List<DataSegment> datas() {
    return datas;
  }

  /** Returns the count in the data count section, if the module has one. */
  public OptionalInt dataCount() {
    return dataCount;
  }

  /** Returns the custom sections, in order, including the {@code name} section. */
  public List<CustomSection> customSections() {
    return customSections;
  }

  /** Returns the names decoded from the {@code name} section. */
  public Names names() {
    Names n = names;
    if (n == null) {
      // Decoding is pure, so two threads racing here compute equal names.
      n = Objects.requireNonNull(namesSource.get(), "names");
      names = n;
    }
    return n;
  }

  /** Returns the tags defined in the module (not the imported ones): Wasm 3.0 exceptions. */
  public List<Tag> tags() {
    return tags;
  }

  /** Returns the number of imported tags. */
  public int importedTagCount() {
    return importedTags;
  }

  /** Returns the size of the tag index space (imports and definitions). */
  public int tagCount() {
    return importedTags + tags.size();
  }

  /** Returns the number of imported functions, the first indices of the function index space. */
  public int importedFunctionCount() {
    return importedFunctions;
  }

  /** Returns the number of imported tables. */
  public int importedTableCount() {
    return importedTables;
  }

  /** Returns the number of imported memories. */
  public int importedMemoryCount() {
    return importedMemories;
  }

  /** Returns the number of imported globals. */
  public int importedGlobalCount() {
    return importedGlobals;
  }

  /** Returns the size of the function index space (imports and definitions). */
  public int functionCount() {
    return importedFunctions + functions.size();
  }

  /** Returns the size of the table index space. */
  public int tableCount() {
    return importedTables + tables.size();
  }

  /** Returns the size of the memory index space. */
  public int memoryCount() {
    return importedMemories + memories.size();
  }

  /** Returns the size of the global index space. */
  public int globalCount() {
    return importedGlobals + globals.size();
  }

  /** Returns the imports of one kind, in order: their positions are their indices. */
  public List<Import> imports(ExternKind kind) {
    List<Import> list = new ArrayList<>();
    for (Import i : imports) {
      if (i.kind() == kind) {
        list.add(i);
      }
    }
    return list;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WasmModule m
        && recGroups.equals(m.recGroups)
        && imports.equals(m.imports)
        && functions.equals(m.functions)
        && tables.equals(m.tables)
        && tableInits.equals(m.tableInits)
        && memories.equals(m.memories)
        && globals.equals(m.globals)
        && tags.equals(m.tags)
        && exports.equals(m.exports)
        && start.equals(m.start)
        && elements.equals(m.elements)
        && datas.equals(m.datas)
        && dataCount.equals(m.dataCount)
        && customSections.equals(m.customSections)
        && names().equals(m.names());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
            recGroups, imports, functions, tables, tableInits, memories, globals, exports, start)
        + 31 * Objects.hash(elements, datas, dataCount, customSections, names(), tags);
  }

  @Override
  public String toString() {
    return "WasmModule[types="
        + types.size()
        + ", imports="
        + imports.size()
        + ", functions="
        + functions.size()
        + ", tables="
        + tables.size()
        + ", memories="
        + memories.size()
        + ", globals="
        + globals.size()
        + ", exports="
        + exports.size()
        + ", elements="
        + elements.size()
        + ", datas="
        + datas.size()
        + "]";
  }

  /** Collects a module's parts; {@link #build()} makes the immutable module. */
  public static final class Builder {
    private final List<RecGroup> recGroups = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final java.util.Map<Integer, Expression> tableInits = new java.util.HashMap<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private OptionalInt start = OptionalInt.empty();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> datas = new ArrayList<>();
    private OptionalInt dataCount = OptionalInt.empty();
    private final List<CustomSection> customSections = new ArrayList<>();
    private Supplier<Names> names = () -> Names.NONE;

    private Builder() {}

    /** Adds a recursion group of types. */
    public Builder addRecGroup(RecGroup group) {
      recGroups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    /** Adds a function type as its own group, as Wasm 2.0 defines every type. */
    public Builder addType(FuncType type) {
      return addRecGroup(RecGroup.of(SubType.of(type)));
    }

    /** Adds an import. */
    public Builder addImport(Import imp) {
      imports.add(Objects.requireNonNull(imp, "imp"));
      return this;
    }

    /** Adds a defined function. */
    public Builder addFunction(Function function) {
      functions.add(Objects.requireNonNull(function, "function"));
      return this;
    }

    /** Adds a defined table. */
    public Builder addTable(TableType table) {
      tables.add(Objects.requireNonNull(table, "table"));
      return this;
    }

    /** Adds a defined table whose elements start as {@code init}'s value (Wasm 3.0). */
    public Builder addTable(TableType table, Expression init) {
      Objects.requireNonNull(init, "init");
      tableInits.put(tables.size(), init);
      return addTable(table);
    }

    /** Adds a defined memory. */
    public Builder addMemory(MemoryType memory) {
      memories.add(Objects.requireNonNull(memory, "memory"));
      return this;
    }

    /** Adds a defined global. */
    public Builder addGlobal(Global global) {
      globals.add(Objects.requireNonNull(global, "global"));
      return this;
    }

    /** Adds a defined tag (Wasm 3.0). */
    public Builder addTag(Tag tag) {
      tags.add(Objects.requireNonNull(tag, "tag"));
      return this;
    }

    /** Adds an export. */
    public Builder addExport(Export export) {
      exports.add(Objects.requireNonNull(export, "export"));
      return this;
    }

    /** Sets the start function. */
    public Builder start(int functionIndex) {
      start = OptionalInt.of(functionIndex);
      return this;
    }

    /** Adds an element segment. */
    public Builder addElement(ElementSegment segment) {
      elements.add(Objects.requireNonNull(segment, "segment"));
      return this;
    }

    /** Adds a data segment. */
    public Builder addData(DataSegment segment) {
      datas.add(Objects.requireNonNull(segment, "segment"));
      return this;
    }

    /** Sets the data count (the module then has a data count section). */
    public Builder dataCount(int count) {
      dataCount = OptionalInt.of(count);
      return this;
    }

    /** Adds a custom section. */
    public Builder addCustomSection(CustomSection section) {
      customSections.add(Objects.requireNonNull(section, "section"));
      return this;
    }

    /** Sets the names (normally decoded from the {@code name} custom section). */
    public Builder names(Names names) {
      Objects.requireNonNull(names, "names");
      this.names = () -> names;
      return this;
    }

    /**
     * Sets the names to those {@code names} gives on first use, at most once per module unless
     * threads race (it must be pure): the decoder passes the {@code name} section this way, so a
     * module whose names nobody asks for does not pay for decoding them.
     */
    public Builder names(Supplier<Names> names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    /** Returns the number of types added so far (the index the next type will get). */
    public int typeCount() {
      int n = 0;
      for (RecGroup g : recGroups) {
        n += g.types().size();
      }
      return n;
    }

    /** Returns the module. */
    public WasmModule build() {
      return new WasmModule(this);
    }
  }
}
