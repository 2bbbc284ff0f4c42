package dev.cortado.runtime;

import dev.cortado.runtime.internal.interp.Interpreter;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.interp.Thrown;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.runtime.internal.store.HostFunctionInstance;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.ResourceLimitException;
import dev.cortado.runtime.internal.store.TableInstance;
import dev.cortado.runtime.internal.store.TagInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Instantiation as the spec defines it: resolve and check imports, allocate the module's functions,
 * tables, memories and globals, initialize active segments in order (a segment that does not fit
 * traps, leaving earlier segments' effects), then run the start function.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/modules.html#instantiation">
 *     Instantiation</a>
 */
final class Instantiation {
  private static final Object[] DROPPED_ELEMENTS = new Object[0];

  private Instantiation() {}

  /** Where an instantiation's imports come from. */
  interface Imports {
    /** Returns the extern for import {@code index}, {@code imp}, in {@code store}. */
    Extern get(int index, Import imp, Store store);
  }

  /** Returns the imports {@code linker} defines, found by module and name. */
  static Imports of(Linker linker) {
    return (index, imp, store) -> {
      Optional<Linker.Definition> def = linker.definition(imp.module(), imp.name());
      if (def.isEmpty()) {
        throw new UnlinkableException(
            imp.module(),
            imp.name(),
            "unknown import: nothing is defined under this name"
                + (linker.hasModule(imp.module())
                    ? ""
                    : " (no module \"" + imp.module() + "\" is defined at all)"));
      }
      // instanceof, not a pattern switch: linking one costs milliseconds of every start.
      if (def.get() instanceof Linker.ExternDefinition x) {
        return x.extern();
      }
      Linker.HostDefinition h = (Linker.HostDefinition) def.get();
      return new Func(
          store, hostFunction(store, h.type(), imp.module() + "." + imp.name(), h.body()));
    };
  }

  static Instance run(Imports imports, Store store, Module module) {
    store.checkOpen();
    ValidatedModule vm = module.validated();
    WasmModule m = vm.module();
    ModuleInstance inst =
        new ModuleInstance(
            vm, module.typeIds(), module.runtimeTypes(), module.engine().typeRegistry());
    resolveImports(imports, store, m, inst);
    int f = m.importedFunctionCount();
    int[] typeIds = module.typeIds();
    for (int i = 0; i < m.functions().size(); i++) {
      // The type's id by its index: hashing every function's type costs 0.1 s for 70,000.
      int typeIndex = m.functions().get(i).typeIndex();
      inst.functions[f + i] =
          new WasmFunction(
              vm.type(typeIndex), typeIds[typeIndex], inst, f + i, module.code(), i, module.tier());
    }
    if (module.tier() != null) {
      store.tierUp(module.tier());
    }
    for (int i = 0; i < m.tags().size(); i++) {
      int typeIndex = m.tags().get(i).typeIndex();
      inst.tags[m.importedTagCount() + i] =
          new TagInstance(vm.type(typeIndex), inst.typeIds[typeIndex]);
    }
    ConstantEvaluator constants = new ConstantEvaluator();
    try {
      int t = m.importedTableCount();
      for (int i = 0; i < m.tables().size(); i++) {
        TableType type = m.tables().get(i);
        Object init = null;
        var expression = m.tableInit(i);
        if (expression.isPresent()) {
          // Wasm 3.0: every element starts as the expression's value (it reads imported globals).
          GlobalInstance scratch = new GlobalInstance(new GlobalType(type.elementType(), false));
          constants.evaluate(expression.get(), inst, scratch);
          init = scratch.ref;
        }
        TableInstance table = new TableInstance(type, store.config().maxTableElements(), init);
        table.owner = inst;
        inst.tables[t++] = table;
      }
      int mem = m.importedMemoryCount();
      for (MemoryType type : m.memories()) {
        inst.memories[mem++] =
            store.own(
                new MemoryInstance(
                    type, store.config().maxMemoryPages(), store.engine().memoryPool()));
      }
      if (inst.memories.length > 0) {
        inst.memory0 = inst.memories[0];
      }
    } catch (ResourceLimitException | OutOfMemoryError e) {
      throw new InstantiationException(
          e instanceof ResourceLimitException ? e.getMessage() : "not enough memory", e);
    }
    int g = m.importedGlobalCount();
    for (dev.cortado.wasm.Global global : m.globals()) {
      GlobalInstance gi = new GlobalInstance(global.type());
      gi.owner = inst;
      constants.evaluate(global.init(), inst, gi);
      inst.globals[g++] = gi;
    }
    int[][] elementFunctions = module.elementFunctions();
    for (int i = 0; i < m.elements().size(); i++) {
      ElementSegment e = m.elements().get(i);
      Object[] refs = new Object[e.items().size()];
      int[] functions = elementFunctions[i];
      if (functions != null) {
        for (int k = 0; k < refs.length; k++) {
          refs[k] = inst.functions[functions[k]];
        }
      } else {
        GlobalInstance scratch = new GlobalInstance(new GlobalType(e.type(), false));
        for (int k = 0; k < refs.length; k++) {
          constants.evaluate(e.items().get(k), inst, scratch);
          refs[k] = scratch.ref;
        }
      }
      inst.elements[i] = refs;
    }
    for (int i = 0; i < m.datas().size(); i++) {
      inst.datas[i] = m.datas().get(i).init();
    }
    List<Export> declared = m.exports();
    Extern[] exports = new Extern[declared.size()];
    for (int i = 0; i < exports.length; i++) {
      exports[i] = externOf(store, inst, declared.get(i));
    }
    Instance instance = new Instance(store, module, inst, exports);
    initializeSegments(m, inst, constants, module.dataImageForInstance());
    if (m.start().isPresent()) {
      call(store, inst.functions[m.start().getAsInt()]);
    }
    return instance;
  }

  /** Runs a function without arguments or results (the start function). */
  private static void call(Store store, FunctionInstance f) {
    Machine machine = store.enter();
    try {
      if (f instanceof WasmFunction w) {
        Interpreter.invoke(machine, w, machine.top);
      } else {
        ((HostFunctionInstance) f).body.call(null, machine, machine.top, machine.top);
      }
    } catch (Thrown t) {
      throw UncaughtException.of(store, t);
    } finally {
      store.exit();
    }
  }

  private static void initializeSegments(
      WasmModule m, ModuleInstance inst, ConstantEvaluator constants, Optional<DataImage> image) {
    GlobalInstance offset = new GlobalInstance(new GlobalType(ValType.I32, false));
    for (int i = 0; i < m.elements().size(); i++) {
      ElementSegment e = m.elements().get(i);
      // instanceof, not a pattern switch: linking one costs milliseconds of every start.
      if (e.mode() instanceof ElementSegment.Mode.Active a) {
        constants.evaluate(a.offset(), inst, offset);
        Object[] refs = inst.elements[i];
        TableInstance table = inst.tables[a.tableIndex()];
        long d = address(offset, table.type().addressType());
        table.checkRange(d, refs.length);
        System.arraycopy(refs, 0, table.elements, (int) d, refs.length);
        inst.elements[i] = DROPPED_ELEMENTS;
      } else if (e.mode() instanceof ElementSegment.Mode.Declarative) {
        inst.elements[i] = DROPPED_ELEMENTS;
      }
    }
    if (image.isPresent() && fits(image.get(), inst)) {
      for (DataImage.Part p : image.get().parts) {
        System.arraycopy(
            p.bytes(), 0, inst.memories[p.memory()].bytes, (int) p.start(), p.bytes().length);
      }
      for (int i = 0; i < m.datas().size(); i++) {
        if (m.datas().get(i).mode() instanceof DataSegment.Mode.Active) {
          inst.datas[i] = Bytes.EMPTY;
        }
      }
      return;
    }
    for (int i = 0; i < m.datas().size(); i++) {
      DataSegment s = m.datas().get(i);
      if (s.mode() instanceof DataSegment.Mode.Active a) {
        constants.evaluate(a.offset(), inst, offset);
        MemoryInstance mem = inst.memories[a.memoryIndex()];
        long d = address(offset, mem.type().addressType());
        Bytes bytes = s.init();
        mem.checkRange(d, bytes.length());
        bytes.copyTo(0, mem.bytes, (int) d, bytes.length());
        inst.datas[i] = Bytes.EMPTY;
      }
    }
  }

  /**
   * Returns whether {@code image} fits the memories as instantiated; if not, the segments are
   * applied one by one, so that the trap comes at the first that does not fit, after the ones
   * before it were written, as the spec orders.
   */
  private static boolean fits(DataImage image, ModuleInstance inst) {
    for (DataImage.Part p : image.parts) {
      if (p.start() + p.bytes().length > inst.memories[p.memory()].size) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a segment's offset as an unsigned address of {@code type}: an i64 offset as it is (one
   * of 2^63 or more is negative, so the range check fails), an i32 one zero-extended.
   */
  private static long address(GlobalInstance offset, AddressType type) {
    return type == AddressType.I64 ? offset.value : offset.value & 0xFFFF_FFFFL;
  }

  private static Extern externOf(Store store, ModuleInstance inst, Export e) {
    return switch (e.kind()) {
      case FUNC -> new Func(store, inst.functions[e.index()]);
      case TABLE -> new Table(store, inst.tables[e.index()]);
      case MEMORY -> new Memory(store, inst.memories[e.index()]);
      case GLOBAL -> new Global(store, inst.globals[e.index()]);
      case TAG -> new Tag(store, inst.tags[e.index()]);
    };
  }

  // ---- imports ----

  private static void resolveImports(
      Imports imports, Store store, WasmModule m, ModuleInstance inst) {
    int f = 0;
    int t = 0;
    int mem = 0;
    int g = 0;
    int tag = 0;
    List<Import> all = m.imports();
    for (int i = 0; i < all.size(); i++) {
      Import imp = all.get(i);
      Extern extern = imports.get(i, imp, store);
      // A shared memory is the one thing threads in other stores may import (threads proposal).
      if (extern.store() != store && !(extern instanceof Memory mm && mm.instance.shared())) {
        throw new UnlinkableException(
            imp.module(),
            imp.name(),
            "incompatible import type: the definition belongs to another store");
      }
      // instanceof, not a pattern switch: linking one costs milliseconds of every start.
      ImportDesc desc = imp.desc();
      if (desc instanceof ImportDesc.Func fd) {
        FuncType expected =
            m.types().get(fd.typeIndex()).composite() instanceof FuncType ft ? ft : null;
        // Equal canonical ids: equivalent types, whichever modules define them; else the
        // function's type must declare the expected one among its supertypes (Wasm 3.0).
        if (!(extern instanceof Func fn)
            || (fn.instance.typeId() != inst.typeIds[fd.typeIndex()]
                && !inst.typeRegistry
                    .get(fn.instance.typeId())
                    .isSubtypeOf(inst.types[fd.typeIndex()]))) {
          throw mismatch(imp, "function " + expected, extern);
        }
        inst.functions[f++] = fn.instance;
      } else if (desc instanceof ImportDesc.Table td) {
        if (!(extern instanceof Table tb)
            || !ImportMatching.equivalent(
                tb.instance.type().elementType(), tb.instance.owner, td.type().elementType(), inst)
            || tb.instance.type().addressType() != td.type().addressType()
            || !limitsMatch(tb.instance.size, tb.instance.type().limits(), td.type().limits())) {
          throw mismatch(imp, "table " + td.type(), extern);
        }
        inst.tables[t++] = tb.instance;
      } else if (desc instanceof ImportDesc.Memory md) {
        if (!(extern instanceof Memory mm)
            || mm.instance.type().addressType() != md.type().addressType()
            || mm.instance.shared() != md.type().shared()
            || mm.instance.type().pageSizeLog2() != md.type().pageSizeLog2()
            || !limitsMatch(mm.instance.pages(), mm.instance.type().limits(), md.type().limits())) {
          throw mismatch(imp, "memory " + md.type(), extern);
        }
        inst.memories[mem++] = mm.instance;
      } else if (desc instanceof ImportDesc.Global gd) {
        if (!(extern instanceof Global gl)
            || !ImportMatching.matches(gl.instance.type(), gl.instance.owner, gd.type(), inst)) {
          throw mismatch(imp, "global " + gd.type(), extern);
        }
        inst.globals[g++] = gl.instance;
      } else {
        ImportDesc.Tag td = (ImportDesc.Tag) desc;
        FuncType expected = (FuncType) m.types().get(td.typeIndex()).composite();
        // Tag types match when equivalent: the same canonical id (recursion groups count).
        if (!(extern instanceof Tag tg) || tg.instance.typeId() != inst.typeIds[td.typeIndex()]) {
          throw mismatch(imp, "tag " + expected, extern);
        }
        inst.tags[tag++] = tg.instance;
      }
    }
  }

  /**
   * Returns whether a memory or table of {@code size} with {@code actual} declared limits matches
   * the {@code expected} limits of an import.
   */
  private static boolean limitsMatch(long size, Limits actual, Limits expected) {
    if (size < expected.min()) {
      return false;
    }
    if (expected.max().isEmpty()) {
      return true;
    }
    return actual.max().isPresent() && actual.max().getAsLong() <= expected.max().getAsLong();
  }

  private static UnlinkableException mismatch(Import imp, String expected, Extern actual) {
    String found =
        switch (actual) {
          case Func fn -> "function " + fn.type();
          case Table tb -> "table " + tb.type();
          case Memory mm -> "memory " + mm.type();
          case Global gl -> "global " + gl.type();
          case Tag tg -> "tag " + tg.type();
        };
    return new UnlinkableException(
        imp.module(),
        imp.name(),
        "incompatible import type: expected " + expected + ", found " + found);
  }

  // ---- store objects created by the host ----

  static MemoryInstance newMemory(Store store, MemoryType type) {
    store.checkOpen();
    if (type.pageSizeLog2() != 0 && type.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
      throw new IllegalArgumentException(
          "a memory's pages are 64 KiB or one byte, not " + type.pageSize() + " bytes");
    }
    if (type.shared() && type.limits().max().isEmpty()) {
      throw new IllegalArgumentException("a shared memory needs a maximum size");
    }
    try {
      return store.own(
          new MemoryInstance(type, store.config().maxMemoryPages(), store.engine().memoryPool()));
    } catch (ResourceLimitException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static TableInstance newTable(Store store, TableType type, Object init) {
    try {
      return new TableInstance(type, store.config().maxTableElements(), init);
    } catch (ResourceLimitException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static Limits currentLimits(long current, Limits declared) {
    return new Limits(current, declared.max());
  }

  static HostFunctionInstance hostFunction(
      Store store, FuncType type, String name, HostFunction body) {
    HostFunctionInstance.Body adapter =
        (caller, machine, argBase, resultBase) -> {
          int n = type.results().size();
          Arrays.fill(machine.lo, resultBase, resultBase + n, 0L);
          Arrays.fill(machine.hi, resultBase, resultBase + n, 0L);
          Arrays.fill(machine.refs, resultBase, resultBase + n, null);
          try {
            body.call(
                new CallerView(store, caller),
                new SlotValues(store, machine, argBase, type.params()),
                new SlotValues(store, machine, resultBase, type.results()));
          } catch (UncaughtException e) {
            // An exception from WebAssembly the host called goes on to the WebAssembly caller.
            throw e.rethrow();
          }
        };
    return new HostFunctionInstance(type, store.engine().typeId(type), name, adapter);
  }

  /** The {@link Caller} of a host function. */
  private record CallerView(Store store, ModuleInstance instance) implements Caller {
    @Override
    public Optional<Memory> memory() {
      if (instance == null || instance.memory0() == null) {
        return Optional.empty();
      }
      return Optional.of(new Memory(store, instance.memory0()));
    }

    @Override
    public Optional<Extern> export(String name) {
      if (instance == null) {
        return Optional.empty();
      }
      for (Export e : instance.module().module().exports()) {
        if (e.name().equals(name)) {
          return Optional.of(externOf(store, instance, e));
        }
      }
      return Optional.empty();
    }
  }
}
