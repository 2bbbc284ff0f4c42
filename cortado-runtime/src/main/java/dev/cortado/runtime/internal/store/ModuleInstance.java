package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.valid.ValidatedModule;

/**
 * An instance of a module: its index spaces resolved to runtime objects (imports first), and its
 * segments. The arrays are filled during instantiation and never change afterwards, except that
 * dropped segments become empty.
 */
public final class ModuleInstance {
  private static final Object[] DROPPED_ELEMENTS = new Object[0];

  private final ValidatedModule module;

  /** Functions, by function index. */
  public final FunctionInstance[] functions;

  /** Tables, by table index. */
  public final TableInstance[] tables;

  /** Memories, by memory index. */
  public final MemoryInstance[] memories;

  /**
   * Memory 0, once instantiation has set it: what compiled code reloads at every entry and after
   * calls that may grow it, one load nearer than {@code memories[0]} (no array, no bounds check).
   */
  public MemoryInstance memory0;

  /** Globals, by global index. */
  public final GlobalInstance[] globals;

  /** Exception tags, by tag index (Wasm 3.0). */
  public final TagInstance[] tags;

  /** Element segments' references, by segment index; empty once dropped. */
  public final Object[][] elements;

  /** Data segments' bytes, by segment index; empty once dropped. */
  public final Bytes[] datas;

  /**
   * The engine's id of each of the module's types, by type index: compiled {@code call_indirect}
   * reads its expected type id here, so compiled code holds no engine-specific constants and can be
   * cached or shipped precompiled.
   */
  public final int[] typeIds;

  /** The runtime form of each of the module's types, by type index (Wasm 3.0 GC and casts). */
  public final RuntimeType[] types;

  /** The engine's runtime types by id, for casts of functions defined elsewhere. */
  public final TypeRegistry typeRegistry;

  /**
   * Creates an instance of {@code module} with empty index spaces of the right sizes.
   *
   * @param typeIds the engine's id of each of the module's types, by type index (shared, not
   *     copied)
   * @param types the runtime form of each of the module's types (shared, not copied)
   * @param typeRegistry the engine's runtime types by id
   */
  public ModuleInstance(
      ValidatedModule module, int[] typeIds, RuntimeType[] types, TypeRegistry typeRegistry) {
    this.module = module;
    this.typeIds = typeIds;
    this.types = types;
    this.typeRegistry = typeRegistry;
    var m = module.module();
    this.functions = new FunctionInstance[m.functionCount()];
    this.tables = new TableInstance[m.tableCount()];
    this.memories = new MemoryInstance[m.memoryCount()];
    this.globals = new GlobalInstance[m.globalCount()];
    this.tags = new TagInstance[m.tagCount()];
    this.elements = new Object[m.elements().size()][];
    this.datas = new Bytes[m.datas().size()];
  }

  /** Returns the module this is an instance of. */
  public ValidatedModule module() {
    return module;
  }

  /** {@code elem.drop}: element segment {@code index} becomes empty. */
  public void dropElements(int index) {
    elements[index] = DROPPED_ELEMENTS;
  }

  /** {@code data.drop}: data segment {@code index} becomes empty. */
  public void dropData(int index) {
    datas[index] = Bytes.EMPTY;
  }

  /** Returns memory 0, or null if the instance has no memory. */
  public MemoryInstance memory0() {
    return memories.length == 0 ? null : memories[0];
  }
}
