package dev.cortado.component;

import dev.cortado.runtime.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host gives components: functions and resource types, by interface, written in Java. An
 * interface defined as {@code wasi:cli/environment@0.2.6} serves a component importing any
 * semver-compatible version of it ({@code @0.2.0} ... {@code @0.2.12}). Reusable: one linker can
 * instantiate many components, in many stores, from many threads once its definitions are made;
 * each compiled component keeps how the linker resolved its imports, so that instantiating it again
 * resolves nothing (until a definition changes).
 *
 * <pre>{@code
 * ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
 * try (WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults().withInheritedStdio())) {
 *   Store store = Store.create(engine);
 *   wasi.enter(store);
 *   ComponentInstance app = linker.instantiate(store, component);
 * }
 * }</pre>
 */
public final class ComponentLinker {
  /** The interface name top-level function imports are defined under. */
  private static final String TOP = "";

  private final Map<String, Map<String, ComponentHostFunction.WithStore>> functions =
      new LinkedHashMap<>();
  private final Map<String, Map<String, ResourceType>> resources = new LinkedHashMap<>();
  private final Map<String, Item.Inst> instances = new LinkedHashMap<>();
  // Counts definitions, so that a compiled component's cached resolution of its imports is used
  // only with the definitions it was made from.
  private long generation;

  private ComponentLinker() {}

  /** Returns an empty linker. */
  public static ComponentLinker create() {
    return new ComponentLinker();
  }

  /**
   * Defines function {@code name} of interface {@code iface}, replacing any earlier definition.
   *
   * @param iface the interface's name with its version, for example {@code
   *     wasi:cli/environment@0.2.6}
   * @param name the function's name, for example {@code get-arguments} or {@code
   *     [method]output-stream.write}
   * @param body what it does
   */
  public ComponentLinker defineFunction(String iface, String name, ComponentHostFunction body) {
    Objects.requireNonNull(body, "body");
    return defineFunction(iface, name, (store, args) -> body.call(args));
  }

  /**
   * Defines function {@code name} of interface {@code iface} with a body given the calling
   * instance's store, replacing any earlier definition: the way to define a linker once and serve
   * many stores, each with the state of its own run attached ({@link Store#attach}).
   *
   * @param iface the interface's name with its version
   * @param name the function's name
   * @param body what it does
   */
  public ComponentLinker defineFunction(
      String iface, String name, ComponentHostFunction.WithStore body) {
    functions
        .computeIfAbsent(Objects.requireNonNull(iface, "iface"), k -> new HashMap<>())
        .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
    generation++;
    return this;
  }

  /** Defines a function a component imports by itself, outside any interface. */
  public ComponentLinker defineFunction(String name, ComponentHostFunction body) {
    return defineFunction(TOP, name, body);
  }

  /** Defines a function a component imports by itself, its body given the calling store. */
  public ComponentLinker defineFunction(String name, ComponentHostFunction.WithStore body) {
    return defineFunction(TOP, name, body);
  }

  /**
   * Defines resource {@code type} of interface {@code iface}, under the type's name.
   *
   * @param iface the interface's name with its version
   * @param type the resource type, made with {@link ResourceType#host}
   */
  public ComponentLinker defineResource(String iface, ResourceType type) {
    resources
        .computeIfAbsent(Objects.requireNonNull(iface, "iface"), k -> new HashMap<>())
        .put(type.name(), type);
    generation++;
    return this;
  }

  /**
   * Defines interface {@code iface} as what component instance {@code source} exports as {@code
   * export} (an interface it implements): components composed, one's export serving another's
   * import, its functions and resource types as they are.
   *
   * @throws IllegalArgumentException if {@code source} exports no interface {@code export}
   */
  public ComponentLinker defineInstance(String iface, ComponentInstance source, String export) {
    Item item =
        source
            .export(Objects.requireNonNull(export, "export"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the instance exports no "
                            + export
                            + " (it exports: "
                            + String.join(", ", source.exportNames())
                            + ")"));
    if (!(item instanceof Item.Inst inst)) {
      throw new IllegalArgumentException(
          export + " is a " + item.sort().text() + ", not an interface");
    }
    instances.put(Objects.requireNonNull(iface, "iface"), inst);
    generation++;
    return this;
  }

  /**
   * Instantiates {@code component} in {@code store}: links its imports to this linker's
   * definitions, instantiates its core modules, and returns its exports.
   *
   * @throws ComponentLinkException if an import is not defined here or the component refers to
   *     something it does not define
   * @throws dev.cortado.runtime.UnlinkableException if a core module's import does not match
   * @throws dev.cortado.runtime.Trap if a core module's start traps
   */
  public ComponentInstance instantiate(Store store, Component component) {
    return instantiate(store, CompiledComponent.compile(store.engine(), component));
  }

  /**
   * Instantiates {@code component}, compiled ahead, in {@code store}; see {@link
   * #instantiate(Store, Component)}.
   *
   * @throws IllegalArgumentException if it was compiled for another engine than the store's
   */
  public ComponentInstance instantiate(Store store, CompiledComponent component) {
    if (component.engine() != store.engine()) {
      throw new IllegalArgumentException("the component was compiled for another engine");
    }
    CompiledComponent.Resolutions cache = component.resolutions(this, generation);
    Frame.Shared shared = new Frame.Shared(store, component, cache, new IdentityHashMap<>());
    Frame frame = new Frame(null, shared, new TypeSpace(null));
    Instantiator.run(
        frame,
        component.component(),
        (imp, f, where) -> {
          if (!cache.cacheable(imp)) {
            return resolve(imp, f, where);
          }
          Item item = cache.get(imp);
          if (item == null) {
            item = resolve(imp, f, where);
            cache.put(imp, item);
          }
          return item;
        });
    return new ComponentInstance(frame);
  }

  /** Returns the defined interface that serves import {@code wanted}, if any. */
  private Optional<String> serving(String wanted, Map<String, ?> defined) {
    if (defined.containsKey(wanted)) {
      return Optional.of(wanted);
    }
    return defined.keySet().stream().filter(o -> InterfaceNames.satisfies(o, wanted)).findFirst();
  }

  private Item resolve(Definition.Import imp, Frame frame, String where) {
    String name = imp.name();
    return switch (imp.desc()) {
      case ExternDesc.Instance i -> iface(name, i, frame, where);
      case ExternDesc.Func f -> {
        ComponentHostFunction.WithStore body =
            Optional.ofNullable(functions.getOrDefault(TOP, Map.of()).get(name))
                .orElseThrow(
                    () -> new ComponentLinkException("the host defines no such function", where));
        World.Function type =
            World.function(name, frame.types.get(f.typeIndex()))
                .orElseThrow(
                    () -> new ComponentLinkException("its type is no function type", where));
        yield new Item.Fn(ComponentFunction.host(type, body));
      }
      case ExternDesc.Type t -> {
        ResourceType r = resources.getOrDefault(TOP, Map.of()).get(name);
        if (r == null) {
          throw new ComponentLinkException("the host defines no such resource type", where);
        }
        yield new Item.Type(new TypeSpace.Entry(Optional.empty(), null, Optional.of(name), r));
      }
      default ->
          throw new ComponentLinkException(
              "a host cannot give a " + imp.desc().sort().text() + " yet", where);
    };
  }

  private Item iface(String name, ExternDesc.Instance desc, Frame frame, String where) {
    Optional<String> composed = serving(name, instances);
    if (composed.isPresent()) {
      return instances.get(composed.get());
    }
    Optional<String> fnIface = serving(name, functions);
    Optional<String> resIface = serving(name, resources);
    if (fnIface.isEmpty() && resIface.isEmpty()) {
      throw new ComponentLinkException(
          "the host does not provide interface " + name + known(name), where);
    }
    Map<String, ComponentHostFunction.WithStore> fns = fnIface.map(functions::get).orElse(Map.of());
    Map<String, ResourceType> res = resIface.map(resources::get).orElse(Map.of());
    List<String> missing = new ArrayList<>();
    Map<String, TypeSpace.Entry> types = new HashMap<>();
    World.Item item =
        World.item(
            name,
            desc,
            frame.types,
            types,
            r -> {
              ResourceType t = res.get(r);
              if (t == null) {
                missing.add("resource " + r);
                return ResourceType.abstractType(r);
              }
              return t;
            });
    if (!item.declared()) {
      throw new ComponentLinkException(
          "the component does not declare the interface's type", where);
    }
    Map<String, Item> exports = new LinkedHashMap<>();
    for (World.Member m : item.members()) {
      if (m instanceof World.Function f) {
        ComponentHostFunction.WithStore body = fns.get(f.name());
        if (body == null) {
          missing.add("function " + f.name());
        } else {
          exports.put(f.name(), new Item.Fn(ComponentFunction.host(f, body)));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new ComponentLinkException(
          "the host's " + fnIface.or(() -> resIface).get() + " lacks " + String.join(", ", missing),
          where);
    }
    types.forEach((n, e) -> exports.put(n, new Item.Type(e)));
    return new Item.Inst(exports);
  }

  /** Returns a hint naming the versions of {@code name} the linker has, if any. */
  private String known(String name) {
    String base = InterfaceNames.unversioned(name);
    List<String> versions =
        functions.keySet().stream()
            .filter(k -> InterfaceNames.unversioned(k).equals(base))
            .toList();
    return versions.isEmpty() ? "" : " (it provides " + String.join(", ", versions) + ")";
  }
}
