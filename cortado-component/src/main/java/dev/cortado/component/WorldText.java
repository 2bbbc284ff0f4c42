package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A component's world for people, in WIT-like text: each import and export, and for an interface
 * the functions, resources and types it declares, with types named as the component exports them
 * ({@code descriptor}, {@code error-code}) and spelled structurally otherwise ({@code
 * list<tuple<string, string>>}).
 *
 * <pre>{@code
 * import wasi:cli/environment@0.2.12: interface {
 *   get-environment: func() -> list<tuple<string, string>>;
 * }
 * export wasi:cli/run@0.2.12: interface;
 * }</pre>
 */
public final class WorldText {
  private WorldText() {}

  /** Returns the world of {@code component}: its imports, then its exports. */
  public static String of(Component component) {
    return of(World.of(component));
  }

  /** Returns {@code world} as text: its imports, then its exports. */
  public static String of(World world) {
    List<String> lines = new ArrayList<>();
    for (World.Item i : world.imports()) {
      lines.addAll(item("import", i));
    }
    for (World.Item e : world.exports()) {
      lines.addAll(item("export", e));
    }
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private static List<String> item(String word, World.Item item) {
    String head = word + " " + item.name() + ": ";
    return switch (item.kind()) {
      case INTERFACE -> {
        if (!item.declared()) {
          yield List.of(head + "interface;");
        }
        List<String> lines = new ArrayList<>();
        lines.add(head + "interface {");
        for (World.Member m : item.members()) {
          lines.add("  " + member(m) + ";");
        }
        lines.add("}");
        yield lines;
      }
      case FUNCTION ->
          List.of(head + item.function().map(WorldText::signature).orElse("func") + ";");
      case TYPE -> List.of(head + "type;");
      case COMPONENT -> List.of(head + "component;");
      case CORE_MODULE -> List.of(head + "core module;");
      case VALUE -> List.of(head + "value;");
    };
  }

  private static String member(World.Member m) {
    return switch (m) {
      case World.Resource r -> "resource " + r.name();
      case World.NamedType t -> "type " + t.name() + " = " + structure(t.shape());
      case World.Function f -> f.name() + ": " + signature(f);
    };
  }

  static String signature(World.Function f) {
    StringBuilder b = new StringBuilder(f.async() ? "async func(" : "func(");
    for (int i = 0; i < f.params().size(); i++) {
      Shape.Field p = f.params().get(i);
      b.append(i == 0 ? "" : ", ").append(p.name()).append(": ").append(text(p.shape()));
    }
    b.append(')');
    f.result().ifPresent(r -> b.append(" -> ").append(text(r)));
    return b.toString();
  }

  /** Returns {@code s} as WIT writes a type: by its name if it has one, else spelled out. */
  public static String shape(Shape s) {
    return text(s);
  }

  /** A shape where it is used: by its name if it has one. */
  static String text(Shape s) {
    return s.name().orElseGet(() -> structure(s));
  }

  private static String text(Optional<Shape> s) {
    return s.map(WorldText::text).orElse("_");
  }

  /** A shape spelled out. */
  private static String structure(Shape s) {
    return switch (s) {
      case Shape.Primitive p -> p.type().text();
      case Shape.ListOf l ->
          "list<"
              + text(l.element())
              + (l.fixedLength() > 0 ? ", " + Integer.toUnsignedString(l.fixedLength()) : "")
              + ">";
      case Shape.Option o -> "option<" + text(o.value()) + ">";
      case Shape.Result r -> {
        if (r.ok().isEmpty() && r.error().isEmpty()) {
          yield "result";
        }
        yield r.error().isEmpty()
            ? "result<" + text(r.ok()) + ">"
            : "result<" + text(r.ok()) + ", " + text(r.error()) + ">";
      }
      case Shape.Tuple t ->
          "tuple<" + String.join(", ", t.elements().stream().map(WorldText::text).toList()) + ">";
      case Shape.Handle h -> h.owned() ? h.resource() : "borrow<" + h.resource() + ">";
      case Shape.Record r ->
          "record { "
              + String.join(
                  ", ", r.fields().stream().map(f -> f.name() + ": " + text(f.shape())).toList())
              + " }";
      case Shape.Variant v ->
          "variant { "
              + String.join(
                  ", ",
                  v.cases().stream()
                      .map(c -> c.name() + c.payload().map(x -> "(" + text(x) + ")").orElse(""))
                      .toList())
              + " }";
      case Shape.Enum e -> "enum { " + String.join(", ", e.labels()) + " }";
      case Shape.Flags f -> "flags { " + String.join(", ", f.labels()) + " }";
      case Shape.Stream st -> st.element().map(x -> "stream<" + text(x) + ">").orElse("stream");
      case Shape.Future fu -> fu.value().map(x -> "future<" + text(x) + ">").orElse("future");
      case Shape.Unresolved u -> u.name().orElse("...");
    };
  }
}
