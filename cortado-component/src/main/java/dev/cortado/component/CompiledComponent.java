package dev.cortado.component;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A component with its core modules compiled for an engine, once: what a server instantiates for
 * every request ({@link ComponentLinker#instantiate(dev.cortado.runtime.Store, CompiledComponent)})
 * without compiling anything again. Thread-safe.
 */
public final class CompiledComponent {
  private final Engine engine;
  private final Component component;
  private final Map<Definition.CoreModule, Module> modules = new IdentityHashMap<>();

  /**
   * What each {@code canon lift} and {@code canon lower} definition works out from its function
   * type (the core type it flattens to, checked resolvable, and whether it passes handles), by
   * definition: a definition's type is fixed by the component's own declarations, so later
   * instantiations reuse it instead of walking the type again.
   */
  private volatile Map<CanonicalFunction, Object> canonical = new IdentityHashMap<>();

  /**
   * The names of the top-level imports whose resolution by a linker is the same at every
   * instantiation: those before the component defines a resource type of its own (a type later
   * imports could refer to, fresh at each instantiation).
   */
  private final Set<String> cacheableImports = new HashSet<>();

  private volatile Resolutions resolutions = new Resolutions(null, -1);

  /**
   * For the outermost component and each nested one, by definition: where the names the definition
   * looks up (a core alias's export, a core instance's imports) were found at the last
   * instantiation. Hints only, written and read without a lock: a position is used only after the
   * name found there is checked.
   */
  private final Map<Component, int[][]> hints = new IdentityHashMap<>();

  /**
   * For the outermost component and each nested one, by definition: what an alias of an instance's
   * export found at the last instantiation, and in which instance ({@code Instantiator}'s memo).
   * The host's instances are the same objects from one instantiation to the next, so their exports
   * are found without a lookup by name. Written and read without a lock: each memo is an immutable
   * record, used only for the very instance it was found in.
   */
  private final Map<Component, Object[]> memos = new IdentityHashMap<>();

  private CompiledComponent(Engine engine, Component component) {
    this.engine = engine;
    this.component = component;
    // Everything filled here, so that the final fields publish it to every thread.
    compileAll(component);
    for (Definition d : component.definitions()) {
      if (d instanceof Definition.TypeDef t && t.type() instanceof DefinedType.Resource) {
        break;
      }
      if (d instanceof Definition.Import imp) {
        cacheableImports.add(imp.name());
      }
    }
  }

  /**
   * Compiles every core module of {@code component} (nested components' too) for {@code engine}.
   *
   * @throws ComponentLinkException if a core module is malformed or invalid, or a core
   *     instantiation names an argument twice
   */
  public static CompiledComponent compile(Engine engine, Component component) {
    return new CompiledComponent(
        Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(component, "component"));
  }

  /**
   * One linker's resolution of the component's top-level imports, kept for the next instantiation
   * with the same linker at the same {@code generation} of its definitions: what the host gives an
   * import (its functions, bound to their types, and its resource types) does not change between
   * instantiations, so only the first one works it out.
   */
  final class Resolutions {
    private final ComponentLinker linker;
    private final long generation;
    private final ConcurrentHashMap<String, Item> items = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CanonicalFunction.Lift, World.Function> lifts =
        new ConcurrentHashMap<>();

    private Resolutions(ComponentLinker linker, long generation) {
      this.linker = linker;
      this.generation = generation;
    }

    /** Returns whether {@code imp}'s resolution may be kept. */
    boolean cacheable(Definition.Import imp) {
      return cacheableImports.contains(imp.name());
    }

    /** Returns what {@code imp} was resolved to, or null if it was not yet. */
    Item get(Definition.Import imp) {
      return items.get(imp.name());
    }

    void put(Definition.Import imp, Item item) {
      items.put(imp.name(), item);
    }

    /**
     * Returns the type of the outermost component's lift {@code l}, made by {@code make} the first
     * time; kept if it is the same at every instantiation with these resolutions ({@link
     * Handles#sameEveryInstantiation}).
     */
    World.Function lift(
        CanonicalFunction.Lift l, java.util.function.Supplier<World.Function> make) {
      World.Function f = lifts.get(l);
      if (f == null) {
        f = make.get();
        if (Handles.sameEveryInstantiation(f)) {
          lifts.put(l, f);
        }
      }
      return f;
    }
  }

  /** Returns the resolutions kept for {@code linker} at {@code generation}, fresh if none are. */
  Resolutions resolutions(ComponentLinker linker, long generation) {
    Resolutions r = resolutions;
    if (r.linker != linker || r.generation != generation) {
      r = new Resolutions(linker, generation);
      resolutions = r;
    }
    return r;
  }

  private void compileAll(Component c) {
    hints.put(c, new int[c.definitions().size()][]);
    memos.put(c, new Object[c.definitions().size()]);
    for (Definition d : c.definitions()) {
      switch (d) {
        case Definition.CoreModule m -> module(m);
        case Definition.NestedComponent n -> compileAll(n.component());
        case Definition.CoreInstance ci -> requireDistinctArguments(ci);
        default -> {}
      }
    }
  }

  /**
   * Refuses a core instantiation that names an argument twice (validation does too): instantiation
   * takes each import from the first argument of its name, with no map to decide which.
   */
  private static void requireDistinctArguments(Definition.CoreInstance ci) {
    Set<String> names = new HashSet<>();
    for (Definition.CoreArgument a : ci.arguments()) {
      if (!names.add(a.name())) {
        throw new ComponentLinkException(
            "a core instantiation names its argument \"" + a.name() + "\" twice", "");
      }
    }
  }

  /** Returns the lookup hints of {@code c}'s definitions, one array (or null) per definition. */
  int[][] hints(Component c) {
    int[][] h = hints.get(c);
    return h != null ? h : new int[c.definitions().size()][];
  }

  /** Returns the memos of {@code c}'s definitions, one object (or null) per definition. */
  Object[] memos(Component c) {
    Object[] m = memos.get(c);
    return m != null ? m : new Object[c.definitions().size()];
  }

  /** Returns the engine the modules are compiled for. */
  public Engine engine() {
    return engine;
  }

  /** Returns the component. */
  public Component component() {
    return component;
  }

  /**
   * Returns what was worked out for {@code definition}, computing it with {@code compute} the first
   * time (which throws, and caches nothing, if the definition's type cannot be lowered).
   */
  <T> T canonical(CanonicalFunction definition, java.util.function.Supplier<T> compute) {
    @SuppressWarnings("unchecked")
    T t = (T) canonical.get(definition);
    if (t != null) {
      return t;
    }
    t = compute.get();
    synchronized (this) {
      // Copied on write: instantiations on other threads read the map without a lock.
      Map<CanonicalFunction, Object> more = new IdentityHashMap<>(canonical);
      more.put(definition, t);
      canonical = more;
    }
    return t;
  }

  /** Returns core module {@code m}, compiled (when the component was). */
  Module module(Definition.CoreModule m) {
    Module compiled = modules.get(m);
    if (compiled != null) {
      return compiled;
    }
    return compileModule(m);
  }

  private synchronized Module compileModule(Definition.CoreModule m) {
    Module compiled = modules.get(m);
    if (compiled == null) {
      try {
        compiled = Module.compile(engine, m.binary());
      } catch (MalformedException | InvalidException e) {
        throw new ComponentLinkException(
            "its core module at byte " + m.offset() + " is not valid: " + e.getMessage(), "");
      }
      modules.put(m, compiled);
    }
    return compiled;
  }
}
