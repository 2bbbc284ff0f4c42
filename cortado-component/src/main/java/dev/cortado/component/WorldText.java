package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;

/**
 * A component's world for people, in WIT-like text: each import and export, and for an interface
 * (an instance) the functions and types it declares, with types named as the component exports them
 * ({@code descriptor}, {@code error-code}) and spelled structurally otherwise ({@code
 * list<tuple<string, string>>}).
 *
 * <pre>{@code
 * import wasi:cli/environment@0.2.12: interface {
 *   get-environment: func() -> list<tuple<string, string>>;
 * }
 * export wasi:cli/run@0.2.12: interface {
 *   run: func() -> result;
 * }
 * }</pre>
 */
public final class WorldText {
  private WorldText() {}

  /** Returns the world of {@code component}: one entry per import and export, in order. */
  public static String of(Component component) {
    TypeSpace space = new TypeSpace(null);
    List<TypeSpace.Entry> instances = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Definition d : component.definitions()) {
      switch (d) {
        case Definition.TypeDef t -> space.define(t.type());
        case Definition.AliasDef a -> alias(space, instances, a.alias());
        case Definition.Import i -> {
          lines.addAll(extern("import", i.name(), i.desc(), space));
          declare(space, instances, i.name(), i.desc());
        }
        case Definition.Export e -> {
          if (e.desc().isPresent()) {
            lines.addAll(extern("export", e.name(), e.desc().get(), space));
          } else {
            Sort sort = e.definition().sort();
            lines.add(
                "export "
                    + e.name()
                    + ": "
                    + (sort == Sort.INSTANCE ? "interface" : sort.text())
                    + ";");
          }
          if (e.definition().sort() == Sort.TYPE) {
            space.add(space.get(e.definition().index()).named(e.name()));
          } else if (e.definition().sort() == Sort.INSTANCE) {
            instances.add(TypeSpace.Entry.UNKNOWN);
          }
        }
        case Definition.Instance i -> instances.add(TypeSpace.Entry.UNKNOWN);
        default -> {}
      }
    }
    return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
  }

  /** Adds what an import brings to the index spaces. */
  private static void declare(
      TypeSpace space, List<TypeSpace.Entry> instances, String name, ExternDesc desc) {
    switch (desc) {
      case ExternDesc.Type t -> {
        if (t.isSubResource()) {
          space.name(name);
        } else {
          space.add(space.get(t.equalTo()).named(name));
        }
      }
      case ExternDesc.Instance i -> instances.add(space.get(i.typeIndex()));
      default -> {}
    }
  }

  private static void alias(TypeSpace space, List<TypeSpace.Entry> instances, Alias alias) {
    if (alias.sort() == Sort.INSTANCE) {
      instances.add(TypeSpace.Entry.UNKNOWN);
      return;
    }
    if (alias.sort() != Sort.TYPE) {
      return;
    }
    switch (alias.target()) {
      case Alias.Outer o -> space.alias(o.count(), o.index());
      // A type an imported interface exports: known by its name.
      case Alias.Export e -> space.name(e.name());
      case Alias.CoreExport c -> space.add(TypeSpace.Entry.UNKNOWN);
    }
  }

  private static List<String> extern(String word, String name, ExternDesc desc, TypeSpace space) {
    List<String> lines = new ArrayList<>();
    switch (desc) {
      case ExternDesc.Instance i -> {
        TypeSpace.Entry e = space.get(i.typeIndex());
        if (e.type().orElse(null) instanceof DefinedType.InstanceType it) {
          lines.add(word + " " + name + ": interface {");
          lines.addAll(members(it.declarations(), new TypeSpace(e.home())));
          lines.add("}");
        } else {
          lines.add(word + " " + name + ": interface;");
        }
      }
      case ExternDesc.Func f ->
          lines.add(word + " " + name + ": " + funcText(space.get(f.typeIndex())) + ";");
      case ExternDesc.Type t -> lines.add(word + " " + name + ": type;");
      case ExternDesc.Component c -> lines.add(word + " " + name + ": component;");
      case ExternDesc.CoreModule m -> lines.add(word + " " + name + ": core module;");
      case ExternDesc.Value v -> lines.add(word + " " + name + ": value;");
    }
    return lines;
  }

  /** The functions and named types an instance type declares, indented. */
  private static List<String> members(List<Declaration> decls, TypeSpace space) {
    List<String> lines = new ArrayList<>();
    for (Declaration d : decls) {
      switch (d) {
        case Declaration.TypeDecl t -> space.define(t.type());
        case Declaration.AliasDecl a -> {
          if (a.alias().sort() == Sort.TYPE && a.alias().target() instanceof Alias.Outer o) {
            space.alias(o.count(), o.index());
          } else if (a.alias().sort() == Sort.TYPE) {
            space.add(TypeSpace.Entry.UNKNOWN);
          }
        }
        case Declaration.ExportDecl e -> {
          switch (e.desc()) {
            case ExternDesc.Type t -> {
              if (t.isSubResource()) {
                space.name(e.name());
                lines.add("  resource " + e.name() + ";");
              } else {
                TypeSpace.Entry target = space.get(t.equalTo());
                lines.add("  type " + e.name() + " = " + typeText(target, 0) + ";");
                space.add(target.named(e.name()));
              }
            }
            case ExternDesc.Func f ->
                lines.add("  " + e.name() + ": " + funcText(space.get(f.typeIndex())) + ";");
            default -> lines.add("  " + e.name() + ": " + e.desc().sort().text() + ";");
          }
        }
        default -> {}
      }
    }
    return lines;
  }

  private static String funcText(TypeSpace.Entry e) {
    if (!(e.type().orElse(null) instanceof DefinedType.Func f)) {
      return "func";
    }
    StringBuilder b = new StringBuilder(f.async() ? "async func(" : "func(");
    for (int i = 0; i < f.params().size(); i++) {
      DefinedType.Param p = f.params().get(i);
      b.append(i == 0 ? "" : ", ").append(p.name()).append(": ").append(text(p.type(), e, 0));
    }
    b.append(')');
    f.result().ifPresent(r -> b.append(" -> ").append(text(r, e, 0)));
    return b.toString();
  }

  /** The deepest type spelled out: a type that refers to itself (invalid) ends there. */
  private static final int MAX_DEPTH = 32;

  /** Returns value type {@code t}, a part of {@code owner}'s definition, {@code depth} deep. */
  private static String text(ValueType t, TypeSpace.Entry owner, int depth) {
    if (depth > MAX_DEPTH) {
      return "...";
    }
    return switch (t) {
      case PrimitiveType p -> p.text();
      case ValueType.Indexed i -> {
        TypeSpace.Entry e = owner.part(t);
        yield e == null ? "?" : e.name().orElseGet(() -> typeText(e, depth));
      }
    };
  }

  /** A type spelled out: its structure, for a value type. */
  private static String typeText(TypeSpace.Entry e, int depth) {
    if (e.type().isEmpty()) {
      return e.name().orElse("?");
    }
    if (!(e.type().get() instanceof DefinedType.Value v)) {
      return e.name().orElse(e.type().get() instanceof DefinedType.Resource ? "resource" : "?");
    }
    return switch (v.type()) {
      case ValueDefinition.Primitive p -> p.type().text();
      case ValueDefinition.ListOf l ->
          "list<"
              + text(l.element(), e, depth + 1)
              + (l.fixedLength() > 0 ? ", " + Integer.toUnsignedString(l.fixedLength()) : "")
              + ">";
      case ValueDefinition.Option o -> "option<" + text(o.type(), e, depth + 1) + ">";
      case ValueDefinition.Result r -> {
        if (r.ok().isEmpty() && r.error().isEmpty()) {
          yield "result";
        }
        String ok = r.ok().map(x -> text(x, e, depth + 1)).orElse("_");
        yield r.error().isEmpty()
            ? "result<" + ok + ">"
            : "result<" + ok + ", " + text(r.error().get(), e, depth + 1) + ">";
      }
      case ValueDefinition.Tuple t ->
          "tuple<"
              + String.join(", ", t.types().stream().map(x -> text(x, e, depth + 1)).toList())
              + ">";
      case ValueDefinition.Own o -> text(new ValueType.Indexed(o.resource()), e, depth + 1);
      case ValueDefinition.Borrow b ->
          "borrow<" + text(new ValueType.Indexed(b.resource()), e, depth + 1) + ">";
      case ValueDefinition.Record r ->
          "record { "
              + String.join(
                  ", ",
                  r.fields().stream()
                      .map(f -> f.name() + ": " + text(f.type(), e, depth + 1))
                      .toList())
              + " }";
      case ValueDefinition.Variant vr ->
          "variant { "
              + String.join(
                  ", ",
                  vr.cases().stream()
                      .map(
                          c ->
                              c.name()
                                  + c.type().map(x -> "(" + text(x, e, depth + 1) + ")").orElse(""))
                      .toList())
              + " }";
      case ValueDefinition.Enum en -> "enum { " + String.join(", ", en.names()) + " }";
      case ValueDefinition.Flags fl -> "flags { " + String.join(", ", fl.names()) + " }";
      case ValueDefinition.Stream s ->
          s.element().map(x -> "stream<" + text(x, e, depth + 1) + ">").orElse("stream");
      case ValueDefinition.Future f ->
          f.type().map(x -> "future<" + text(x, e, depth + 1) + ">").orElse("future");
    };
  }
}
