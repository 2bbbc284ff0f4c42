package dev.cortado.component;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

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
   * The core type each {@code canon lift} and {@code canon lower} definition flattens its function
   * type to, checked resolvable, by definition: a definition's type is fixed by the component's own
   * declarations, so later instantiations reuse it instead of walking the type again.
   */
  private final Map<CanonicalFunction, dev.cortado.wasm.FuncType> flattened =
      new IdentityHashMap<>();

  private CompiledComponent(Engine engine, Component component) {
    this.engine = engine;
    this.component = component;
  }

  /**
   * Compiles every core module of {@code component} (nested components' too) for {@code engine}.
   *
   * @throws ComponentLinkException if a core module is malformed or invalid
   */
  public static CompiledComponent compile(Engine engine, Component component) {
    CompiledComponent c =
        new CompiledComponent(
            Objects.requireNonNull(engine, "engine"),
            Objects.requireNonNull(component, "component"));
    c.compileAll(component);
    return c;
  }

  private void compileAll(Component c) {
    for (Definition d : c.definitions()) {
      switch (d) {
        case Definition.CoreModule m -> module(m);
        case Definition.NestedComponent n -> compileAll(n.component());
        default -> {}
      }
    }
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
   * Returns what {@code definition}'s function type flattens to, computing it with {@code flatten}
   * the first time (which throws, and caches nothing, if the type cannot be lowered).
   */
  synchronized dev.cortado.wasm.FuncType flattened(
      CanonicalFunction definition,
      java.util.function.Supplier<dev.cortado.wasm.FuncType> flatten) {
    dev.cortado.wasm.FuncType t = flattened.get(definition);
    if (t == null) {
      t = flatten.get();
      flattened.put(definition, t);
    }
    return t;
  }

  /** Returns core module {@code m}, compiled. */
  synchronized Module module(Definition.CoreModule m) {
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
