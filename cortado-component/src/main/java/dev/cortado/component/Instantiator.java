package dev.cortado.component;

import dev.cortado.runtime.Extern;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Global;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instantiates a component: runs through its definitions in order, filling a {@link Frame}'s index
 * spaces: core modules compiled and instantiated with the core instances named as their imports,
 * aliases resolved, canonical functions made, nested components instantiated with their arguments,
 * imports taken from the host (the outermost component) or from the instantiation's arguments (a
 * nested one).
 */
final class Instantiator {
  /** Where a component's imports come from. */
  interface Imports {
    /** Returns what import {@code imp} is given, its types resolved in {@code frame}. */
    Item resolve(Definition.Import imp, Frame frame, String where);
  }

  private Instantiator() {}

  // "in definition N of the component", made once per N rather than at every instantiation.
  private static volatile String[] wheres = new String[0];

  /** Returns where definition {@code i} is, for the errors it may cause. */
  private static String where(int i) {
    String[] w = wheres;
    if (i < w.length) {
      return w[i];
    }
    String[] more = java.util.Arrays.copyOf(w, Math.max(i + 1, w.length * 2));
    for (int k = w.length; k < more.length; k++) {
      more[k] = "in definition " + k + " of the component";
    }
    wheres = more;
    return more[i];
  }

  /** Instantiates {@code component} into {@code frame}, whose exports are then filled. */
  static void run(Frame frame, Component component, Imports imports) {
    List<Definition> defs = component.definitions();
    // A definition adds at most one function: room made once rather than grown at every
    // instantiation (growing the core functions' list was 2.6% of a server worker's samples).
    frame.coreFuncs.ensureCapacity(defs.size());
    frame.funcs.ensureCapacity(defs.size());
    int[][] hints = frame.shared.compiled().hints(component);
    Object[] memos = frame.shared.compiled().memos(component);
    for (int i = 0; i < defs.size(); i++) {
      String where = where(i);
      Definition d = defs.get(i);
      switch (d) {
        case Definition.CoreModule m -> frame.coreModules.add(frame.shared.compiled().module(m));
        case Definition.CoreInstance ci ->
            frame.coreInstances.add(coreInstance(frame, ci, hints, i, where));
        case Definition.CoreTypeDef t -> {}
        case Definition.NestedComponent n ->
            frame.components.add(new Item.Comp(n.component(), frame));
        case Definition.Instance inst -> frame.instances.add(instance(frame, inst, where));
        case Definition.AliasDef a -> alias(frame, a.alias(), hints, memos, i, where);
        case Definition.TypeDef t -> {
          frame.types.define(t.type());
          if (t.type() instanceof DefinedType.Resource r) {
            Optional<Func> dtor =
                r.destructor().map(f -> Frame.at(frame.coreFuncs, f, "core func", where));
            frame.implement(frame.types.get(frame.types.size() - 1).resource(), dtor);
          }
        }
        case Definition.Canon c -> canon(frame, c.function(), where);
        case Definition.Start s ->
            throw new ComponentLinkException(
                "component start functions (the value-import proposal) are not supported", where);
        case Definition.Import imp -> {
          Item item = imports.resolve(imp, frame, "in import \"" + imp.name() + "\"");
          if (item instanceof Item.Type t) {
            frame.types.add(t.entry().named(imp.name()));
          } else {
            frame.add(item);
          }
        }
        case Definition.Export e -> {
          Item item = frame.item(e.definition(), where);
          frame.exports.put(e.name(), item);
          if (item instanceof Item.Type t) {
            frame.types.add(t.entry().named(e.name()));
          } else {
            frame.add(item);
          }
        }
      }
    }
  }

  private static CoreExports coreInstance(
      Frame frame, Definition.CoreInstance ci, int[][] hints, int def, String where) {
    if (ci.module() < 0) {
      List<Definition.CoreInlineExport> exports = ci.exports();
      String[] names = new String[exports.size()];
      Extern[] externs = new Extern[names.length];
      for (int k = 0; k < names.length; k++) {
        Definition.CoreInlineExport x = exports.get(k);
        int i = x.index();
        names[k] = x.name();
        externs[k] =
            switch (x.sort()) {
              case CORE_FUNC -> Frame.at(frame.coreFuncs, i, "core func", where);
              case CORE_TABLE -> Frame.at(frame.coreTables, i, "core table", where);
              case CORE_MEMORY -> Frame.at(frame.coreMemories, i, "core memory", where);
              case CORE_GLOBAL -> Frame.at(frame.coreGlobals, i, "core global", where);
              default ->
                  throw new ComponentLinkException(
                      "a core instance cannot export a " + x.sort().text(), where);
            };
      }
      return CoreExports.of(names, externs);
    }
    Module module = Frame.at(frame.coreModules, ci.module(), "core module", where);
    List<Definition.CoreArgument> arguments = ci.arguments();
    CoreExports[] args = new CoreExports[arguments.size()];
    for (int k = 0; k < args.length; k++) {
      args[k] = Frame.at(frame.coreInstances, arguments.get(k).instance(), "core instance", where);
    }
    // Each import by position, from the argument it names: no linker to fill with every export
    // of every argument (an instance may export hundreds of functions) and search again. Where
    // the last instantiation found each (argument, export) is tried first.
    List<dev.cortado.wasm.Import> imports = module.imports();
    Extern[] given = new Extern[imports.size()];
    int[] hint = hints[def];
    if (hint == null || hint.length != 2 * given.length) {
      hint = new int[2 * given.length];
      Arrays.fill(hint, -1);
      hints[def] = hint;
    }
    for (int i = 0; i < given.length; i++) {
      dev.cortado.wasm.Import imp = imports.get(i);
      int a = argument(arguments, imp.module(), hint[2 * i]);
      int at = a < 0 ? -1 : args[a].find(imp.name(), hint[2 * i + 1]);
      if (at < 0) {
        throw new ComponentLinkException(
            "core module import \""
                + imp.module()
                + "\" \""
                + imp.name()
                + "\" is given by no argument of its instantiation",
            where);
      }
      hint[2 * i] = a;
      hint[2 * i + 1] = at;
      given[i] = args[a].at(at);
    }
    return CoreExports.of(Instance.create(frame.shared.store(), module, Arrays.asList(given)));
  }

  /**
   * Returns the position of the argument named {@code name}, or -1: {@code hint} if that one has
   * the name, else found by scanning (an instantiation names a few arguments, their names
   * interned).
   */
  private static int argument(List<Definition.CoreArgument> arguments, String name, int hint) {
    if (hint >= 0 && hint < arguments.size() && same(arguments.get(hint).name(), name)) {
      return hint;
    }
    for (int k = 0; k < arguments.size(); k++) {
      if (same(arguments.get(k).name(), name)) {
        return k;
      }
    }
    return -1;
  }

  private static boolean same(String a, String b) {
    return a == b || a.equals(b);
  }

  private static Item.Inst instance(Frame frame, Definition.Instance inst, String where) {
    if (inst.component() < 0) {
      Map<String, Item> bundle = LinkedHashMap.newLinkedHashMap(inst.exports().size());
      for (Definition.Argument x : inst.exports()) {
        bundle.put(x.name(), frame.item(x.definition(), where));
      }
      return new Item.Inst(bundle);
    }
    Item.Comp c = Frame.at(frame.components, inst.component(), "component", where);
    Map<String, Item> args = HashMap.newHashMap(inst.arguments().size());
    for (Definition.Argument a : inst.arguments()) {
      args.put(a.name(), frame.item(a.definition(), where));
    }
    Frame nested = new Frame(c.enclosing(), frame.shared, new TypeSpace(c.enclosing().types));
    run(nested, c.component(), new Arguments(args));
    return new Item.Inst(nested.exports);
  }

  /** What an alias of an instance's export found, in which instance. */
  private record ExportMemo(Item.Inst instance, Item item) {}

  private static void alias(
      Frame frame, Alias alias, int[][] hints, Object[] memos, int def, String where) {
    switch (alias.target()) {
      case Alias.CoreExport ce -> {
        CoreExports inst = Frame.at(frame.coreInstances, ce.instance(), "core instance", where);
        int[] hint = hints[def];
        int at = inst.find(ce.name(), hint == null ? -1 : hint[0]);
        if (at < 0) {
          throw new ComponentLinkException(
              "core instance " + ce.instance() + " has no export \"" + ce.name() + "\"", where);
        }
        if (hint == null) {
          hints[def] = new int[] {at};
        } else {
          hint[0] = at;
        }
        Extern e = inst.at(at);
        switch (alias.sort()) {
          case CORE_FUNC -> frame.coreFuncs.add(coreAs(e, Func.class, ce.name(), where));
          case CORE_TABLE -> frame.coreTables.add(coreAs(e, Table.class, ce.name(), where));
          case CORE_MEMORY -> frame.coreMemories.add(coreAs(e, Memory.class, ce.name(), where));
          case CORE_GLOBAL -> frame.coreGlobals.add(coreAs(e, Global.class, ce.name(), where));
          default ->
              throw new ComponentLinkException(
                  "a core export cannot be aliased as a " + alias.sort().text(), where);
        }
      }
      case Alias.Export x -> {
        Item.Inst inst = Frame.at(frame.instances, x.instance(), "instance", where);
        if (memos[def] instanceof ExportMemo m && m.instance() == inst) {
          frame.add(m.item());
          return;
        }
        Item item = inst.exports().get(x.name());
        if (item == null) {
          throw new ComponentLinkException(
              "instance " + x.instance() + " has no export \"" + x.name() + "\"", where);
        }
        if (item.sort() != alias.sort()) {
          throw new ComponentLinkException(
              "export \""
                  + x.name()
                  + "\" is a "
                  + item.sort().text()
                  + ", not a "
                  + alias.sort().text(),
              where);
        }
        memos[def] = new ExportMemo(inst, item);
        frame.add(item);
      }
      case Alias.Outer o -> {
        Frame target = frame.out(o.count(), where);
        switch (alias.sort()) {
          case TYPE -> frame.types.alias(o.count(), o.index());
          case COMPONENT ->
              frame.components.add(Frame.at(target.components, o.index(), "component", where));
          case CORE_MODULE ->
              frame.coreModules.add(Frame.at(target.coreModules, o.index(), "core module", where));
          case CORE_TYPE -> {}
          default ->
              throw new ComponentLinkException(
                  "an outer alias cannot refer to a " + alias.sort().text(), where);
        }
      }
    }
  }

  private static <T extends Extern> T coreAs(Extern e, Class<T> kind, String name, String where) {
    if (!kind.isInstance(e)) {
      throw new ComponentLinkException(
          "core export \"" + name + "\" is not a " + kind.getSimpleName().toLowerCase(), where);
    }
    return kind.cast(e);
  }

  private static void canon(Frame frame, CanonicalFunction f, String where) {
    switch (f) {
      case CanonicalFunction.Lift l -> {
        Func core = Frame.at(frame.coreFuncs, l.coreFunc(), "core func", where);
        java.util.function.Supplier<World.Function> make =
            () ->
                World.function("func " + frame.funcs.size(), frame.types.get(l.typeIndex()))
                    .orElseThrow(
                        () ->
                            new ComponentLinkException(
                                "type "
                                    + l.typeIndex()
                                    + " of a lifted function is no function type",
                                where));
        // The outermost component's lifts have the same type at every instantiation with the same
        // linker (unless they pass its own resources): worked out once.
        World.Function type =
            frame.outer == null ? frame.shared.resolutions().lift(l, make) : make.get();
        frame.funcs.add(Canon.lift(frame, l, core, type, l.options(), where));
      }
      case CanonicalFunction.Lower l ->
          frame.coreFuncs.add(
              Canon.lower(
                  frame, l, Frame.at(frame.funcs, l.func(), "func", where), l.options(), where));
      case CanonicalFunction.ResourceNew r ->
          frame.coreFuncs.add(Canon.resourceNew(frame, resource(frame, r.resource(), where)));
      case CanonicalFunction.ResourceDrop r -> {
        if (r.async()) {
          throw new ComponentLinkException(
              "async resource.drop (WASI 0.3) is not supported yet", where);
        }
        frame.coreFuncs.add(Canon.resourceDrop(frame, resource(frame, r.resource(), where)));
      }
      case CanonicalFunction.ResourceRep r ->
          frame.coreFuncs.add(Canon.resourceRep(frame, resource(frame, r.resource(), where)));
    }
  }

  private static ResourceType resource(Frame frame, int index, String where) {
    ResourceType r = frame.types.get(index).resource();
    if (r == null) {
      throw new ComponentLinkException("type " + index + " is not a resource type", where);
    }
    return r;
  }

  /** The imports of a nested component: the arguments its instantiation names. */
  private record Arguments(Map<String, Item> args) implements Imports {
    @Override
    public Item resolve(Definition.Import imp, Frame frame, String where) {
      Item item = args.get(imp.name());
      if (item == null) {
        throw new ComponentLinkException("the instantiation gives no argument for it", where);
      }
      if (item.sort() != imp.desc().sort()) {
        throw new ComponentLinkException(
            "the argument is a " + item.sort().text() + ", not a " + imp.desc().sort().text(),
            where);
      }
      return item;
    }
  }
}
