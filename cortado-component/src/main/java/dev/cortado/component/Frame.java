package dev.cortado.component;

import dev.cortado.runtime.Func;
import dev.cortado.runtime.Global;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Table;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One component instance as it is being built and then run: its index spaces (core and component
 * level), its exports, its handle table and the resource types it implements. A nested component's
 * instance gets a frame of its own, whose {@link #outer} is where outer aliases look.
 */
final class Frame implements Handles.Side {
  /**
   * What a whole instantiation shares: the store, the compiled core modules, what the compiled
   * component keeps of the linker's resolution of its imports, and the destructors of resource
   * types its components implement.
   */
  record Shared(
      Store store,
      CompiledComponent compiled,
      CompiledComponent.Resolutions resolutions,
      Map<ResourceType, Optional<Func>> destructors) {}

  final Frame outer;
  final Shared shared;
  final TypeSpace types;
  final List<Module> coreModules = new ArrayList<>();
  final List<CoreExports> coreInstances = new ArrayList<>();
  final ArrayList<Func> coreFuncs = new ArrayList<>();
  final List<Table> coreTables = new ArrayList<>();
  final List<Memory> coreMemories = new ArrayList<>();
  final List<Global> coreGlobals = new ArrayList<>();
  final List<Item.Comp> components = new ArrayList<>();
  final List<Item.Inst> instances = new ArrayList<>();
  final ArrayList<ComponentFunction> funcs = new ArrayList<>();
  final Map<String, Item> exports = new LinkedHashMap<>();
  private final HandleTable table = new HandleTable();
  private final Set<ResourceType> implemented = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean inside;

  Frame(Frame outer, Shared shared, TypeSpace types) {
    this.outer = outer;
    this.shared = shared;
    this.types = types;
  }

  @Override
  public HandleTable table() {
    return table;
  }

  @Override
  public boolean implementsType(ResourceType type) {
    return implemented.contains(type);
  }

  /** Records that this instance implements {@code type}, with its core destructor if any. */
  void implement(ResourceType type, Optional<Func> destructor) {
    implemented.add(type);
    shared.destructors().put(type, destructor);
  }

  /**
   * Enters the instance for a call of one of its lifted functions; a component instance cannot be
   * re-entered while one of its calls runs (the canonical ABI's rule), so that traps.
   */
  void enter() {
    if (inside) {
      throw Trap.of(
          TrapKind.CANONICAL_ABI, "a component instance cannot be entered while it is running");
    }
    inside = true;
  }

  void leave() {
    inside = false;
  }

  /**
   * Runs the destructor due when the last owned handle to {@code rep} of {@code type} is dropped.
   */
  void destroy(ResourceType type, Object rep) {
    Optional<Func> core = shared.destructors().getOrDefault(type, Optional.empty());
    if (core.isPresent()) {
      core.get().call(WasmValue.i32((Integer) rep));
    } else {
      type.destructor().ifPresent(d -> d.accept(shared.store(), rep));
    }
  }

  /** Returns the frame {@code count} enclosing instantiations out (0: this one). */
  Frame out(int count, String where) {
    Frame f = this;
    for (int i = 0; i < count; i++) {
      if (f.outer == null) {
        throw new ComponentLinkException(
            "an outer alias reaches " + count + " components out, past the outermost", where);
      }
      f = f.outer;
    }
    return f;
  }

  /** Returns {@code list}'s element {@code i}, or fails naming the sort and the count defined. */
  static <T> T at(List<T> list, int i, String sort, String where) {
    if (i < 0 || i >= list.size()) {
      throw new ComponentLinkException(
          sort
              + " index "
              + Integer.toUnsignedString(i)
              + " is out of bounds ("
              + list.size()
              + " defined)",
          where);
    }
    return list.get(i);
  }

  /** Returns the item at {@code ref} in this frame's component-level index spaces. */
  Item item(SortIndex ref, String where) {
    int i = ref.index();
    return switch (ref.sort()) {
      case FUNC -> new Item.Fn(at(funcs, i, "func", where));
      case INSTANCE -> at(instances, i, "instance", where);
      case TYPE -> {
        if (i < 0 || i >= types.size()) {
          throw new ComponentLinkException("type index " + i + " is out of bounds", where);
        }
        yield new Item.Type(types.get(i));
      }
      case COMPONENT -> at(components, i, "component", where);
      case CORE_MODULE -> new Item.CoreMod(at(coreModules, i, "core module", where));
      default ->
          throw new ComponentLinkException(
              ref.sort().text() + " definitions cannot be passed or exported here", where);
    };
  }

  /** Adds {@code item} to the index space of its sort. */
  void add(Item item) {
    switch (item) {
      case Item.Fn f -> funcs.add(f.function());
      case Item.Inst i -> instances.add(i);
      case Item.Type t -> types.add(t.entry());
      case Item.Comp c -> components.add(c);
      case Item.CoreMod m -> coreModules.add(m.module());
    }
  }
}
