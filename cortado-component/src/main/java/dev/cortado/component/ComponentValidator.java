package dev.cortado.component;

import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a component before anything runs: its core modules valid, every index in range and of the
 * right sort, core instantiations given the imports their modules declare with the right types,
 * lifted and lowered functions of the core types the canonical ABI gives them, with the options
 * their values need, resource built-ins on resource types, import and export names unique. A nested
 * component is checked in its own scope, its outer aliases reaching the enclosing ones.
 */
final class ComponentValidator {
  /** A core extern a core instance exports: its sort, and a function's type when known. */
  private record CoreExtern(Sort sort, Optional<FuncType> func) {}

  /**
   * What a component instance exports, when known: sorts, type entries for type aliases, and the
   * types of functions where they are known.
   */
  private record Exports(
      Map<String, Sort> sorts,
      Map<String, TypeSpace.Entry> types,
      Map<String, World.Function> funcs) {}

  /** A nested component and its scope, which knows the types of its imports. */
  private record Nested(Component component, Scope scope) {}

  /** One component's index spaces, as far as validation follows them. */
  private static final class Scope {
    final Scope outer;
    final TypeSpace types;
    final List<Optional<WasmModule>> coreModules = new ArrayList<>();
    final List<Optional<Map<String, CoreExtern>>> coreInstances = new ArrayList<>();
    final List<Optional<FuncType>> coreFuncs = new ArrayList<>();
    int coreTables;
    int coreMemories;
    int coreGlobals;
    int coreTypes;
    final List<Optional<Nested>> components = new ArrayList<>();
    final List<Optional<Exports>> instances = new ArrayList<>();
    final List<Optional<World.Function>> funcs = new ArrayList<>();
    int values;
    final Set<String> importNames = new HashSet<>();
    final Set<String> exportNames = new HashSet<>();
    // What each import asks for, where its type says it: a function's type, an instance's
    // exports, whether a type must be a resource.
    final Map<String, World.Function> importedFuncs = new HashMap<>();
    final Map<String, Exports> importedInstances = new HashMap<>();
    final Set<String> importedResources = new HashSet<>();

    Scope(Scope outer) {
      this.outer = outer;
      this.types = new TypeSpace(outer == null ? null : outer.types);
    }

    int count(Sort sort) {
      return switch (sort) {
        case CORE_FUNC -> coreFuncs.size();
        case CORE_TABLE -> coreTables;
        case CORE_MEMORY -> coreMemories;
        case CORE_GLOBAL -> coreGlobals;
        case CORE_TYPE -> coreTypes;
        case CORE_MODULE -> coreModules.size();
        case CORE_INSTANCE -> coreInstances.size();
        case FUNC -> funcs.size();
        case VALUE -> values;
        case TYPE -> types.size();
        case COMPONENT -> components.size();
        case INSTANCE -> instances.size();
      };
    }
  }

  private String where = "";

  private ComponentValidator() {}

  /** Checks {@code c}. */
  static void validate(Component c) {
    new ComponentValidator().component(c, null);
  }

  private ComponentInvalidException invalid(String problem) {
    return new ComponentInvalidException(problem, where);
  }

  private void inRange(Scope s, Sort sort, int index) {
    if (index < 0 || index >= s.count(sort)) {
      throw invalid(
          sort.text()
              + " index "
              + Integer.toUnsignedString(index)
              + " is out of range ("
              + s.count(sort)
              + " defined)");
    }
  }

  private Scope component(Component c, Scope outer) {
    Scope s = new Scope(outer);
    String enclosing = where;
    List<Definition> defs = c.definitions();
    for (int i = 0; i < defs.size(); i++) {
      where = (enclosing.isEmpty() ? "" : enclosing + ", ") + "definition " + i;
      switch (defs.get(i)) {
        case Definition.CoreModule m -> s.coreModules.add(Optional.of(coreModule(m)));
        case Definition.CoreInstance ci -> s.coreInstances.add(coreInstance(s, ci));
        case Definition.CoreTypeDef t -> s.coreTypes++;
        case Definition.NestedComponent n -> {
          Scope nested = component(n.component(), s);
          where = (enclosing.isEmpty() ? "" : enclosing + ", ") + "definition " + i;
          s.components.add(Optional.of(new Nested(n.component(), nested)));
        }
        case Definition.Instance inst -> s.instances.add(instance(s, inst));
        case Definition.AliasDef a -> alias(s, a.alias());
        case Definition.TypeDef t -> typeDef(s, t.type());
        case Definition.Canon f -> canon(s, f.function());
        case Definition.Start st -> {
          inRange(s, Sort.FUNC, st.function());
          for (int v : st.arguments()) {
            inRange(s, Sort.VALUE, v);
          }
          s.values += st.results();
        }
        case Definition.Import imp -> importDef(s, imp);
        case Definition.Export e -> exportDef(s, e);
      }
    }
    where = enclosing;
    return s;
  }

  private WasmModule coreModule(Definition.CoreModule m) {
    try {
      WasmModule w = ModuleDecoder.decode(m.binary());
      Validator.validate(w);
      return w;
    } catch (MalformedException | InvalidException e) {
      throw invalid("its core module at byte " + m.offset() + " is not valid: " + e.getMessage());
    }
  }

  private static Optional<FuncType> funcType(WasmModule m, int index) {
    int typeIndex;
    if (index < m.importedFunctionCount()) {
      typeIndex =
          m.imports().stream()
              .filter(i -> i.desc() instanceof ImportDesc.Func)
              .map(i -> ((ImportDesc.Func) i.desc()).typeIndex())
              .toList()
              .get(index);
    } else {
      typeIndex = m.functions().get(index - m.importedFunctionCount()).typeIndex();
    }
    return m.types().get(typeIndex).composite() instanceof FuncType f
        ? Optional.of(f)
        : Optional.empty();
  }

  private static Sort sort(ExternKind kind) {
    return switch (kind) {
      case FUNC -> Sort.CORE_FUNC;
      case TABLE -> Sort.CORE_TABLE;
      case MEMORY -> Sort.CORE_MEMORY;
      case GLOBAL -> Sort.CORE_GLOBAL;
      case TAG -> Sort.CORE_TYPE; // no core sort for tags: never matches an alias
    };
  }

  private static Sort sort(ImportDesc d) {
    return switch (d) {
      case ImportDesc.Func f -> Sort.CORE_FUNC;
      case ImportDesc.Table t -> Sort.CORE_TABLE;
      case ImportDesc.Memory m -> Sort.CORE_MEMORY;
      case ImportDesc.Global g -> Sort.CORE_GLOBAL;
      case ImportDesc.Tag t -> Sort.CORE_TYPE;
    };
  }

  private Optional<Map<String, CoreExtern>> coreInstance(Scope s, Definition.CoreInstance ci) {
    if (ci.module() < 0) {
      Map<String, CoreExtern> exports = new HashMap<>();
      for (Definition.CoreInlineExport x : ci.exports()) {
        inRange(s, x.sort(), x.index());
        Optional<FuncType> f =
            x.sort() == Sort.CORE_FUNC ? s.coreFuncs.get(x.index()) : Optional.empty();
        if (exports.put(x.name(), new CoreExtern(x.sort(), f)) != null) {
          throw invalid("a core instance exports \"" + x.name() + "\" twice");
        }
      }
      return Optional.of(exports);
    }
    inRange(s, Sort.CORE_MODULE, ci.module());
    Map<String, Optional<Map<String, CoreExtern>>> args = new HashMap<>();
    for (Definition.CoreArgument a : ci.arguments()) {
      inRange(s, Sort.CORE_INSTANCE, a.instance());
      if (args.put(a.name(), s.coreInstances.get(a.instance())) != null) {
        throw invalid("a core instantiation names its argument \"" + a.name() + "\" twice");
      }
    }
    Optional<WasmModule> module = s.coreModules.get(ci.module());
    if (module.isEmpty()) {
      return Optional.empty();
    }
    WasmModule m = module.get();
    for (Import imp : m.imports()) {
      String what =
          "import \"" + imp.module() + "\" \"" + imp.name() + "\" of core module " + ci.module();
      Optional<Map<String, CoreExtern>> given = args.get(imp.module());
      if (given == null) {
        throw invalid("the core instantiation gives no instance for " + what);
      }
      if (given.isEmpty()) {
        continue;
      }
      CoreExtern e = given.get().get(imp.name());
      if (e == null) {
        throw invalid("the core instantiation gives nothing for " + what);
      }
      if (e.sort() != sort(imp.desc())) {
        throw invalid(what + " needs a " + sort(imp.desc()).text() + ", not a " + e.sort().text());
      }
      if (imp.desc() instanceof ImportDesc.Func f
          && e.func().isPresent()
          && m.types().get(f.typeIndex()).composite() instanceof FuncType want
          && !want.equals(e.func().get())) {
        throw invalid(what + " has type " + want + ", but is given " + e.func().get());
      }
    }
    Map<String, CoreExtern> exports = new HashMap<>();
    for (dev.cortado.wasm.Export x : m.exports()) {
      Optional<FuncType> f =
          x.kind() == ExternKind.FUNC ? funcType(m, x.index()) : Optional.empty();
      exports.put(x.name(), new CoreExtern(sort(x.kind()), f));
    }
    return Optional.of(exports);
  }

  private Optional<Exports> instance(Scope s, Definition.Instance inst) {
    if (inst.component() >= 0) {
      inRange(s, Sort.COMPONENT, inst.component());
      Map<String, SortIndex> given = new HashMap<>();
      for (Definition.Argument a : inst.arguments()) {
        inRange(s, a.definition().sort(), a.definition().index());
        if (given.put(a.name(), a.definition()) != null) {
          throw invalid("the instantiation gives \"" + a.name() + "\" twice");
        }
      }
      Optional<Nested> nested = s.components.get(inst.component());
      if (nested.isEmpty()) {
        return Optional.empty();
      }
      String what = "the instantiation of component " + inst.component();
      for (Definition.Import imp : nested.get().component().imports()) {
        SortIndex arg = given.get(imp.name());
        if (arg == null) {
          throw invalid(what + " gives nothing for its import \"" + imp.name() + "\"");
        }
        if (arg.sort() != imp.desc().sort()) {
          throw invalid(
              what
                  + " gives a "
                  + arg.sort().text()
                  + " for its import \""
                  + imp.name()
                  + "\", which is a "
                  + imp.desc().sort().text());
        }
        argument(s, nested.get().scope(), imp.name(), arg, what);
      }
      Map<String, Sort> exports = new HashMap<>();
      Map<String, World.Function> funcs = new HashMap<>();
      for (Definition.Export e : nested.get().component().exports()) {
        exports.put(e.name(), e.definition().sort());
        if (e.definition().sort() == Sort.FUNC) {
          nested
              .get()
              .scope()
              .funcs
              .get(e.definition().index())
              .ifPresent(f -> funcs.put(e.name(), f));
        }
      }
      // The types it exports are known by name only here: aliases of them are fresh.
      return Optional.of(new Exports(exports, Map.of(), funcs));
    }
    Map<String, Sort> sorts = new HashMap<>();
    Map<String, TypeSpace.Entry> types = new HashMap<>();
    Map<String, World.Function> funcs = new HashMap<>();
    for (Definition.Argument a : inst.exports()) {
      inRange(s, a.definition().sort(), a.definition().index());
      if (sorts.put(a.name(), a.definition().sort()) != null) {
        throw invalid("an instance exports \"" + a.name() + "\" twice");
      }
      if (a.definition().sort() == Sort.TYPE) {
        types.put(a.name(), s.types.get(a.definition().index()));
      } else if (a.definition().sort() == Sort.FUNC) {
        s.funcs.get(a.definition().index()).ifPresent(f -> funcs.put(a.name(), f));
      }
    }
    return Optional.of(new Exports(sorts, types, funcs));
  }

  /**
   * Checks that {@code arg}, given for import {@code name} of the component whose scope is {@code
   * nested}, has the type the import declares, where both are known: a function of the same
   * parameters and result, an instance with every export the import lists (functions of the same
   * types, resources where resources are asked for), a resource type for a resource import. Value
   * types are compared as the component model does now, for equality, their names aside; handles by
   * own or borrow, not by which resource (the import's resources are its own until instantiation
   * binds them, which this check does not follow).
   */
  private void argument(Scope s, Scope nested, String name, SortIndex arg, String what) {
    String given = what + " gives its import \"" + name + "\" ";
    switch (arg.sort()) {
      case FUNC -> {
        World.Function want = nested.importedFuncs.get(name);
        Optional<World.Function> have = s.funcs.get(arg.index());
        if (want != null && have.isPresent() && !Shapes.sameType(want, have.get())) {
          throw invalid(
              given
                  + "a function of type "
                  + Shapes.describe(have.get())
                  + ", but it asks for "
                  + Shapes.describe(want));
        }
      }
      case INSTANCE -> {
        Exports want = nested.importedInstances.get(name);
        Optional<Exports> have = s.instances.get(arg.index());
        if (want == null || have.isEmpty()) {
          return;
        }
        for (Map.Entry<String, Sort> e : want.sorts().entrySet()) {
          Sort sort = have.get().sorts().get(e.getKey());
          if (sort == null) {
            throw invalid(given + "an instance without its export \"" + e.getKey() + "\"");
          } else if (sort != e.getValue()) {
            throw invalid(
                given
                    + "an instance whose \""
                    + e.getKey()
                    + "\" is a "
                    + sort.text()
                    + ", not a "
                    + e.getValue().text());
          }
          World.Function wantF = want.funcs().get(e.getKey());
          World.Function haveF = have.get().funcs().get(e.getKey());
          if (wantF != null && haveF != null && !Shapes.sameType(wantF, haveF)) {
            throw invalid(
                given
                    + "an instance whose function \""
                    + e.getKey()
                    + "\" has type "
                    + Shapes.describe(haveF)
                    + ", but it asks for "
                    + Shapes.describe(wantF));
          }
          TypeSpace.Entry wantT = want.types().get(e.getKey());
          TypeSpace.Entry haveT = have.get().types().get(e.getKey());
          if (wantT != null
              && wantT.resource() != null
              && haveT != null
              && haveT != TypeSpace.Entry.UNKNOWN
              && haveT.resource() == null) {
            throw invalid(
                given + "an instance whose type \"" + e.getKey() + "\" is not a resource");
          }
        }
      }
      case TYPE -> {
        TypeSpace.Entry have = s.types.get(arg.index());
        if (nested.importedResources.contains(name)
            && have != TypeSpace.Entry.UNKNOWN
            && have.resource() == null) {
          throw invalid(given + "type " + arg.index() + ", which is not a resource type");
        }
      }
      default -> {}
    }
  }

  private void add(Scope s, Sort sort, Optional<FuncType> coreFunc) {
    switch (sort) {
      case CORE_FUNC -> s.coreFuncs.add(coreFunc);
      case CORE_TABLE -> s.coreTables++;
      case CORE_MEMORY -> s.coreMemories++;
      case CORE_GLOBAL -> s.coreGlobals++;
      case CORE_TYPE -> s.coreTypes++;
      case CORE_MODULE -> s.coreModules.add(Optional.empty());
      case CORE_INSTANCE -> s.coreInstances.add(Optional.empty());
      case FUNC -> s.funcs.add(Optional.empty());
      case VALUE -> s.values++;
      case TYPE -> s.types.add(TypeSpace.Entry.UNKNOWN);
      case COMPONENT -> s.components.add(Optional.empty());
      case INSTANCE -> s.instances.add(Optional.empty());
    }
  }

  private void alias(Scope s, Alias alias) {
    switch (alias.target()) {
      case Alias.CoreExport ce -> {
        inRange(s, Sort.CORE_INSTANCE, ce.instance());
        Optional<Map<String, CoreExtern>> exports = s.coreInstances.get(ce.instance());
        Optional<FuncType> f = Optional.empty();
        if (exports.isPresent()) {
          CoreExtern e = exports.get().get(ce.name());
          if (e == null) {
            throw invalid("core instance " + ce.instance() + " exports no \"" + ce.name() + "\"");
          }
          if (e.sort() != alias.sort()) {
            throw invalid(
                "core export \""
                    + ce.name()
                    + "\" is a "
                    + e.sort().text()
                    + ", not a "
                    + alias.sort().text());
          }
          f = e.func();
        }
        if (!alias.sort().isCore()) {
          throw invalid("a core export cannot be aliased as a " + alias.sort().text());
        }
        add(s, alias.sort(), f);
      }
      case Alias.Export x -> {
        inRange(s, Sort.INSTANCE, x.instance());
        Optional<Exports> exports = s.instances.get(x.instance());
        if (exports.isPresent()) {
          Sort sort = exports.get().sorts().get(x.name());
          if (sort == null) {
            throw invalid("instance " + x.instance() + " exports no \"" + x.name() + "\"");
          }
          if (sort != alias.sort()) {
            throw invalid(
                "export \""
                    + x.name()
                    + "\" is a "
                    + sort.text()
                    + ", not a "
                    + alias.sort().text());
          }
          TypeSpace.Entry t = exports.get().types().get(x.name());
          if (alias.sort() == Sort.TYPE && t != null) {
            s.types.add(t);
            return;
          }
        }
        if (alias.sort() == Sort.TYPE) {
          s.types.resource(x.name(), ResourceType.abstractType(x.name()));
          return;
        }
        add(s, alias.sort(), Optional.empty());
      }
      case Alias.Outer o -> {
        Scope target = s;
        for (int i = 0; i < o.count(); i++) {
          target = target.outer;
          if (target == null) {
            throw invalid(
                "an outer alias reaches " + o.count() + " components out, past the outermost");
          }
        }
        if (alias.sort() != Sort.TYPE
            && alias.sort() != Sort.CORE_TYPE
            && alias.sort() != Sort.CORE_MODULE
            && alias.sort() != Sort.COMPONENT) {
          throw invalid("an outer alias cannot refer to a " + alias.sort().text());
        }
        inRange(target, alias.sort(), o.index());
        if (alias.sort() == Sort.TYPE) {
          s.types.alias(o.count(), o.index());
        } else if (alias.sort() == Sort.COMPONENT) {
          s.components.add(target.components.get(o.index()));
        } else {
          add(s, alias.sort(), Optional.empty());
        }
      }
    }
  }

  private void typeDef(Scope s, DefinedType t) {
    if (t instanceof DefinedType.Resource r && r.destructor().isPresent()) {
      int d = r.destructor().get();
      inRange(s, Sort.CORE_FUNC, d);
      Optional<FuncType> f = s.coreFuncs.get(d);
      FuncType want = FuncType.of(List.of(ValType.I32), List.of());
      if (f.isPresent() && !f.get().equals(want)) {
        throw invalid("a resource destructor has type " + f.get() + ", not (i32) -> ()");
      }
    }
    s.types.define(t);
  }

  private void names(Set<String> seen, String name, String kind) {
    if (!seen.add(name)) {
      throw invalid("two " + kind + "s are named \"" + name + "\"");
    }
  }

  private void importDef(Scope s, Definition.Import imp) {
    names(s.importNames, imp.name(), "import");
    switch (imp.desc()) {
      case ExternDesc.Instance i -> {
        Map<String, TypeSpace.Entry> types = new HashMap<>();
        World.Item item = World.item(imp.name(), i, s.types, types, ResourceType::abstractType);
        Map<String, Sort> sorts = new HashMap<>();
        Map<String, World.Function> funcs = new HashMap<>();
        for (World.Member m : item.members()) {
          switch (m) {
            case World.Function f -> {
              sorts.put(f.name(), Sort.FUNC);
              funcs.put(f.name(), f);
            }
            case World.NamedType n -> sorts.put(n.name(), Sort.TYPE);
            case World.Resource r -> sorts.put(r.name(), Sort.TYPE);
          }
        }
        Optional<Exports> exports =
            item.declared() ? Optional.of(new Exports(sorts, types, funcs)) : Optional.empty();
        exports.ifPresent(x -> s.importedInstances.put(imp.name(), x));
        s.instances.add(exports);
      }
      case ExternDesc.Func f -> {
        Optional<World.Function> type = World.function(imp.name(), s.types.get(f.typeIndex()));
        type.ifPresent(x -> s.importedFuncs.put(imp.name(), x));
        s.funcs.add(type);
      }
      case ExternDesc.Type t -> {
        if (t.isSubResource()) {
          s.importedResources.add(imp.name());
          s.types.resource(imp.name(), ResourceType.abstractType(imp.name()));
        } else {
          s.types.add(s.types.get(t.equalTo()).named(imp.name()));
        }
      }
      default -> add(s, imp.desc().sort(), Optional.empty());
    }
  }

  private void exportDef(Scope s, Definition.Export e) {
    names(s.exportNames, e.name(), "export");
    SortIndex d = e.definition();
    inRange(s, d.sort(), d.index());
    if (e.desc().isPresent()) {
      ascription(s, e, e.desc().get());
    }
    switch (d.sort()) {
      case TYPE -> s.types.add(s.types.get(d.index()).named(e.name()));
      case FUNC -> s.funcs.add(s.funcs.get(d.index()));
      case INSTANCE -> s.instances.add(s.instances.get(d.index()));
      default -> add(s, d.sort(), Optional.empty());
    }
  }

  /**
   * Checks export {@code e}'s ascribed type {@code desc}: the same sort, and for a function the
   * same type as the function exported.
   */
  private void ascription(Scope s, Definition.Export e, ExternDesc desc) {
    SortIndex d = e.definition();
    if (desc.sort() != d.sort()) {
      throw invalid(
          "export \""
              + e.name()
              + "\" is a "
              + d.sort().text()
              + " but is ascribed a "
              + desc.sort().text()
              + " type");
    }
    if (desc instanceof ExternDesc.Func f) {
      inRange(s, Sort.TYPE, f.typeIndex());
      Optional<World.Function> want = World.function(e.name(), s.types.get(f.typeIndex()));
      Optional<World.Function> have = s.funcs.get(d.index());
      if (want.isPresent() && have.isPresent() && !Shapes.sameType(want.get(), have.get())) {
        throw invalid(
            "export \""
                + e.name()
                + "\" is a function of type "
                + Shapes.describe(have.get())
                + " but is ascribed "
                + Shapes.describe(want.get()));
      }
    }
  }

  private void canon(Scope s, CanonicalFunction f) {
    switch (f) {
      case CanonicalFunction.Lift l -> {
        inRange(s, Sort.CORE_FUNC, l.coreFunc());
        inRange(s, Sort.TYPE, l.typeIndex());
        World.Function type =
            World.function("lifted function", s.types.get(l.typeIndex()))
                .orElseThrow(() -> invalid("type " + l.typeIndex() + " is not a function type"));
        resolved(type);
        FuncType want = CanonicalAbi.flatten(type, true);
        Optional<FuncType> core = s.coreFuncs.get(l.coreFunc());
        if (core.isPresent() && !core.get().equals(want)) {
          throw invalid(
              "the lifted core function has type "
                  + core.get()
                  + ", but the component function"
                  + " needs "
                  + want);
        }
        options(s, l.options(), type, true, core.map(FuncType::results));
        s.funcs.add(Optional.of(type));
      }
      case CanonicalFunction.Lower l -> {
        inRange(s, Sort.FUNC, l.func());
        Optional<World.Function> type = s.funcs.get(l.func());
        type.ifPresent(this::resolved);
        type.ifPresent(t -> options(s, l.options(), t, false, Optional.empty()));
        s.coreFuncs.add(type.map(t -> CanonicalAbi.flatten(t, false)));
      }
      case CanonicalFunction.ResourceNew r -> {
        resource(s, r.resource(), true);
        s.coreFuncs.add(Optional.of(FuncType.of(List.of(ValType.I32), List.of(ValType.I32))));
      }
      case CanonicalFunction.ResourceRep r -> {
        resource(s, r.resource(), true);
        s.coreFuncs.add(Optional.of(FuncType.of(List.of(ValType.I32), List.of(ValType.I32))));
      }
      case CanonicalFunction.ResourceDrop r -> {
        resource(s, r.resource(), false);
        s.coreFuncs.add(Optional.of(FuncType.of(List.of(ValType.I32), List.of())));
      }
    }
  }

  /** Checks every parameter and the result of {@code f} are value types. */
  private void resolved(World.Function f) {
    Optional<String> why = Shapes.unresolved(f);
    if (why.isPresent()) {
      throw invalid("a function's type refers to " + why.get() + ", where a value type belongs");
    }
  }

  private void resource(Scope s, int index, boolean defined) {
    inRange(s, Sort.TYPE, index);
    TypeSpace.Entry e = s.types.get(index);
    if (e.resource() == null) {
      throw invalid("type " + index + " is not a resource type");
    }
    if (defined && !(e.type().orElse(null) instanceof DefinedType.Resource)) {
      throw invalid(
          "resource.new and resource.rep need a resource type this component defines; type "
              + index
              + " is imported");
    }
  }

  /** Returns whether values of {@code s} live in linear memory (strings and lists). */
  private static boolean inMemory(Shape s) {
    return switch (s) {
      case Shape.Primitive p -> p.type() == PrimitiveType.STRING;
      case Shape.ListOf l -> l.fixedLength() == 0 || inMemory(l.element());
      case Shape.Record r -> r.fields().stream().anyMatch(x -> inMemory(x.shape()));
      case Shape.Tuple t -> t.elements().stream().anyMatch(ComponentValidator::inMemory);
      case Shape.Variant v ->
          v.cases().stream()
              .anyMatch(c -> c.payload().map(ComponentValidator::inMemory).orElse(false));
      case Shape.Option o -> inMemory(o.value());
      case Shape.Result r ->
          r.ok().map(ComponentValidator::inMemory).orElse(false)
              || r.error().map(ComponentValidator::inMemory).orElse(false);
      default -> false;
    };
  }

  private void options(
      Scope s,
      List<CanonicalFunction.CanonicalOption> options,
      World.Function type,
      boolean lift,
      Optional<List<ValType>> coreResults) {
    boolean memory = false;
    boolean realloc = false;
    Set<String> seen = new HashSet<>();
    for (CanonicalFunction.CanonicalOption o : options) {
      String kind =
          o instanceof CanonicalFunction.Encoding
              ? "string-encoding"
              : o.getClass().getSimpleName();
      if (!seen.add(kind)) {
        throw invalid("the canonical option " + kind + " is given twice");
      }
      switch (o) {
        case CanonicalFunction.Memory m -> {
          inRange(s, Sort.CORE_MEMORY, m.memory());
          memory = true;
        }
        case CanonicalFunction.Realloc r -> {
          inRange(s, Sort.CORE_FUNC, r.function());
          Optional<FuncType> f = s.coreFuncs.get(r.function());
          FuncType want =
              FuncType.of(
                  List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32),
                  List.of(ValType.I32));
          if (f.isPresent() && !f.get().equals(want)) {
            throw invalid("realloc has type " + f.get() + ", not " + want);
          }
          realloc = true;
        }
        case CanonicalFunction.PostReturn p -> {
          if (!lift) {
            throw invalid("post-return is an option of canon lift only");
          }
          inRange(s, Sort.CORE_FUNC, p.function());
          Optional<FuncType> f = s.coreFuncs.get(p.function());
          if (f.isPresent() && coreResults.isPresent()) {
            FuncType want = FuncType.of(coreResults.get(), List.of());
            if (!f.get().equals(want)) {
              throw invalid("post-return has type " + f.get() + ", not " + want);
            }
          }
        }
        default -> {}
      }
    }
    boolean paramsInMemory =
        type.params().stream().anyMatch(p -> inMemory(p.shape()))
            || CanonicalAbi.flatten(type, lift).params().size() == 1
                && type.params().stream()
                        .mapToInt(p -> CanonicalAbi.flatten(p.shape()).size())
                        .sum()
                    > CanonicalAbi.MAX_FLAT_PARAMS;
    boolean resultInMemory =
        type.result()
            .map(r -> inMemory(r) || CanonicalAbi.flatten(r).size() > CanonicalAbi.MAX_FLAT_RESULTS)
            .orElse(false);
    if ((paramsInMemory || resultInMemory) && !memory) {
      throw invalid(
          "function " + type.name() + " passes values through memory but has no memory option");
    }
    boolean allocates =
        lift ? paramsInMemory : type.result().map(ComponentValidator::inMemory).orElse(false);
    if (allocates && !realloc) {
      throw invalid("function " + type.name() + " needs realloc to allocate its values");
    }
  }
}
