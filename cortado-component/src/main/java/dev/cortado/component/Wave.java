package dev.cortado.component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Component values as text, in the syntax of WAVE (the WebAssembly Value Encoding that wasmtime's
 * {@code --invoke} uses): {@code true}, {@code 42}, {@code -1.5}, {@code nan}, {@code 'x'}, {@code
 * "text"}, {@code [1, 2]}, {@code {a: 1, b: "x"}}, {@code (1, "a")}, {@code case(payload)}, {@code
 * some(1)}, {@code none}, {@code ok("x")}, {@code err}, {@code {read, write}} for flags. Parsing
 * follows the value's type, so that {@code 1} is a {@code u8} or an {@code f64} as needed.
 */
public final class Wave {
  private final String text;
  private int at;

  private Wave(String text) {
    this.text = text;
  }

  /**
   * Parses {@code text} as a value of {@code shape}.
   *
   * @throws IllegalArgumentException if it is not one, saying where and what was expected
   */
  public static ComponentValue parse(String text, Shape shape) {
    Wave w = new Wave(text);
    ComponentValue v = w.value(shape);
    w.end();
    return v;
  }

  /**
   * Parses {@code text} as a comma-separated argument list for {@code params}.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static List<ComponentValue> parseArguments(String text, List<Shape.Field> params) {
    Wave w = new Wave(text);
    List<ComponentValue> out = new ArrayList<>();
    w.space();
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        w.expect(',');
      }
      out.add(w.value(params.get(i).shape()));
    }
    w.end();
    return out;
  }

  /**
   * A call as {@code --invoke} writes it: {@code name(arguments)}.
   *
   * @param function the function's name
   * @param arguments the text between the parentheses
   */
  public record Call(String function, String arguments) {
    /**
     * Splits {@code text} into the function's name and its arguments' text.
     *
     * @throws IllegalArgumentException if it does not end in a parenthesized list
     */
    public static Call parse(String text) {
      int open = text.indexOf('(');
      if (open <= 0 || !text.endsWith(")")) {
        throw new IllegalArgumentException(
            "a call is written name(arguments), for example greet(\"world\"), not " + text);
      }
      return new Call(text.substring(0, open).trim(), text.substring(open + 1, text.length() - 1));
    }
  }

  private IllegalArgumentException error(String expected) {
    String rest =
        at >= text.length()
            ? "the end"
            : "\"" + text.substring(at, Math.min(text.length(), at + 20)) + "\"";
    return new IllegalArgumentException(
        "expected " + expected + " at character " + (at + 1) + ", found " + rest);
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    space();
    return at < text.length() && text.charAt(at) == c;
  }

  private boolean accept(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("'" + c + "'");
    }
  }

  private void end() {
    space();
    if (at != text.length()) {
      throw error("the end");
    }
  }

  /** A label or keyword: letters, digits and dashes. */
  private String word() {
    space();
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '-')) {
      at++;
    }
    if (start == at) {
      throw error("a name");
    }
    return text.substring(start, at);
  }

  private String number() {
    space();
    int start = at;
    while (at < text.length()
        && "+-0123456789.eEinfatxXabcdefABCDEF_".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    return text.substring(start, at).replace("_", "");
  }

  private ComponentValue value(Shape s) {
    space();
    return switch (s) {
      case Shape.Primitive p -> primitive(p.type());
      case Shape.ListOf l -> {
        expect('[');
        List<ComponentValue> es = new ArrayList<>();
        while (!accept(']')) {
          if (!es.isEmpty()) {
            expect(',');
            if (accept(']')) {
              break;
            }
          }
          es.add(value(l.element()));
        }
        if (l.fixedLength() > 0 && es.size() != l.fixedLength()) {
          throw error("a list of " + l.fixedLength() + " elements");
        }
        yield new ComponentValue.ListV(es);
      }
      case Shape.Record r -> {
        expect('{');
        List<ComponentValue> fields = new ArrayList<>();
        for (int i = 0; i < r.fields().size(); i++) {
          if (i > 0) {
            expect(',');
          }
          String label = word();
          if (!label.equals(r.fields().get(i).name())) {
            throw error("field " + r.fields().get(i).name() + " (fields go in order)");
          }
          expect(':');
          fields.add(value(r.fields().get(i).shape()));
        }
        accept(',');
        expect('}');
        yield new ComponentValue.RecordV(fields);
      }
      case Shape.Tuple t -> {
        expect('(');
        List<ComponentValue> es = new ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) {
          if (i > 0) {
            expect(',');
          }
          es.add(value(t.elements().get(i)));
        }
        accept(',');
        expect(')');
        yield new ComponentValue.TupleV(es);
      }
      case Shape.Variant v -> {
        String label = word();
        for (int i = 0; i < v.cases().size(); i++) {
          if (v.cases().get(i).name().equals(label)) {
            yield new ComponentValue.VariantV(i, payload(v.cases().get(i).payload()));
          }
        }
        throw error("one of the cases " + v.cases().stream().map(Shape.Case::name).toList());
      }
      case Shape.Enum e -> {
        int i = e.labels().indexOf(word());
        if (i < 0) {
          throw error("one of " + e.labels());
        }
        yield new ComponentValue.EnumV(i);
      }
      case Shape.Option o -> {
        String w = word();
        if (w.equals("none")) {
          yield new ComponentValue.OptionV(Optional.empty());
        } else if (w.equals("some")) {
          expect('(');
          ComponentValue x = value(o.value());
          expect(')');
          yield new ComponentValue.OptionV(Optional.of(x));
        }
        throw error("some(...) or none");
      }
      case Shape.Result r -> {
        String w = word();
        if (!w.equals("ok") && !w.equals("err")) {
          throw error("ok or err");
        }
        boolean ok = w.equals("ok");
        yield new ComponentValue.ResultV(ok, payload(ok ? r.ok() : r.error()));
      }
      case Shape.Flags f -> {
        expect('{');
        Set<Integer> set = new HashSet<>();
        while (!accept('}')) {
          if (!set.isEmpty()) {
            expect(',');
          }
          int i = f.labels().indexOf(word());
          if (i < 0) {
            throw error("one of the flags " + f.labels());
          }
          set.add(i);
        }
        yield new ComponentValue.FlagsV(set);
      }
      default -> throw error("no " + WorldText.shape(s) + ": it has no text form");
    };
  }

  private Optional<ComponentValue> payload(Optional<Shape> shape) {
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    expect('(');
    ComponentValue x = value(shape.get());
    expect(')');
    return Optional.of(x);
  }

  private ComponentValue primitive(PrimitiveType t) {
    return switch (t) {
      case BOOL -> {
        String w = word();
        if (!w.equals("true") && !w.equals("false")) {
          throw error("true or false");
        }
        yield new ComponentValue.Bool(w.equals("true"));
      }
      case S8, U8, S16, U16, S32, U32, S64, U64 -> integer(t);
      case F32 -> new ComponentValue.F32((float) floating());
      case F64 -> new ComponentValue.F64(floating());
      case CHAR -> {
        expect('\'');
        int c = character('\'');
        expect('\'');
        yield new ComponentValue.Char(c);
      }
      case STRING -> {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
          b.appendCodePoint(character('"'));
        }
        if (at >= text.length()) {
          throw error("the closing '\"'");
        }
        at++;
        yield new ComponentValue.Str(b.toString());
      }
      default -> throw error("no " + t + ": it has no text form");
    };
  }

  /** One character of a string or char literal, escapes decoded. */
  private int character(char quote) {
    if (at >= text.length()) {
      throw error("a character");
    }
    int c = text.codePointAt(at);
    at += Character.charCount(c);
    if (c != '\\') {
      return c;
    }
    if (at >= text.length()) {
      throw error("an escape");
    }
    char e = text.charAt(at++);
    return switch (e) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '\\', '\'', '"' -> e;
      case 'u' -> {
        expect('{');
        int start = at;
        while (at < text.length() && text.charAt(at) != '}') {
          at++;
        }
        int cp;
        try {
          cp = Integer.parseInt(text.substring(start, at), 16);
        } catch (NumberFormatException x) {
          throw error("a hexadecimal code point");
        }
        expect('}');
        yield cp;
      }
      default -> throw error("an escape (\\n, \\t, \\r, \\\\, \\', \\\", \\u{...})");
    };
  }

  private ComponentValue integer(PrimitiveType t) {
    int start = at;
    String n = number();
    long v;
    try {
      java.math.BigInteger b = new java.math.BigInteger(n);
      boolean signed =
          t == PrimitiveType.S8
              || t == PrimitiveType.S16
              || t == PrimitiveType.S32
              || t == PrimitiveType.S64;
      int bits =
          switch (t) {
            case S8, U8 -> 8;
            case S16, U16 -> 16;
            case S32, U32 -> 32;
            default -> 64;
          };
      java.math.BigInteger min =
          signed
              ? java.math.BigInteger.ONE.shiftLeft(bits - 1).negate()
              : java.math.BigInteger.ZERO;
      java.math.BigInteger max =
          (signed
                  ? java.math.BigInteger.ONE.shiftLeft(bits - 1)
                  : java.math.BigInteger.ONE.shiftLeft(bits))
              .subtract(java.math.BigInteger.ONE);
      if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
        at = start;
        throw error("a " + t.text() + " (" + min + " to " + max + ")");
      }
      v = b.longValue();
    } catch (NumberFormatException e) {
      at = start;
      throw error("a " + t.text());
    }
    return new ComponentValue.Int(t, v);
  }

  private double floating() {
    int start = at;
    String n = number();
    return switch (n) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(n);
        } catch (NumberFormatException e) {
          at = start;
          throw error("a number");
        }
      }
    };
  }

  /** Returns {@code v}, of {@code shape}, as WAVE text. */
  public static String format(ComponentValue v, Shape shape) {
    StringBuilder b = new StringBuilder();
    format(v, shape, b);
    return b.toString();
  }

  private static void join(List<ComponentValue> vs, List<Shape> shapes, StringBuilder b) {
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      format(vs.get(i), shapes.get(i), b);
    }
  }

  private static void format(ComponentValue v, Shape s, StringBuilder b) {
    switch (v) {
      case ComponentValue.Bool x -> b.append(x.value());
      case ComponentValue.Int x -> {
        boolean unsigned64 = x.type() == PrimitiveType.U64;
        b.append(unsigned64 ? Long.toUnsignedString(x.value()) : Long.toString(x.value()));
      }
      case ComponentValue.F32 x -> b.append(floating(x.value()));
      case ComponentValue.F64 x -> b.append(floating(x.value()));
      case ComponentValue.Char x -> quote(new String(Character.toChars(x.codePoint())), '\'', b);
      case ComponentValue.Str x -> quote(x.value(), '"', b);
      case ComponentValue.Bytes x -> {
        b.append('[');
        for (int i = 0; i < x.bytes().length; i++) {
          b.append(i > 0 ? ", " : "").append(x.bytes()[i] & 0xFF);
        }
        b.append(']');
      }
      case ComponentValue.ListV x -> {
        Shape e = ((Shape.ListOf) s).element();
        b.append('[');
        join(x.elements(), java.util.Collections.nCopies(x.elements().size(), e), b);
        b.append(']');
      }
      case ComponentValue.RecordV x -> {
        List<Shape.Field> fs = ((Shape.Record) s).fields();
        b.append('{');
        for (int i = 0; i < fs.size(); i++) {
          b.append(i > 0 ? ", " : "").append(fs.get(i).name()).append(": ");
          format(x.fields().get(i), fs.get(i).shape(), b);
        }
        b.append('}');
      }
      case ComponentValue.TupleV x -> {
        b.append('(');
        join(x.elements(), ((Shape.Tuple) s).elements(), b);
        b.append(')');
      }
      case ComponentValue.VariantV x -> {
        Shape.Case c = ((Shape.Variant) s).cases().get(x.index());
        b.append(c.name());
        payload(x.payload(), c.payload(), b);
      }
      case ComponentValue.EnumV x -> b.append(((Shape.Enum) s).labels().get(x.index()));
      case ComponentValue.OptionV x -> {
        b.append(x.value().isPresent() ? "some" : "none");
        payload(x.value(), Optional.of(((Shape.Option) s).value()), b);
      }
      case ComponentValue.ResultV x -> {
        Shape.Result r = (Shape.Result) s;
        b.append(x.ok() ? "ok" : "err");
        payload(x.payload(), x.ok() ? r.ok() : r.error(), b);
      }
      case ComponentValue.FlagsV x -> {
        List<String> labels = ((Shape.Flags) s).labels();
        b.append('{');
        b.append(String.join(", ", x.set().stream().sorted().map(labels::get).toList()));
        b.append('}');
      }
      case ComponentValue.HandleV x -> b.append("handle ").append(x.handle());
      case ComponentValue.Resource x -> b.append(x.type().name()).append(" resource");
    }
  }

  private static void payload(Optional<ComponentValue> v, Optional<Shape> s, StringBuilder b) {
    if (v.isPresent()) {
      b.append('(');
      format(v.get(), s.orElseThrow(), b);
      b.append(')');
    }
  }

  private static String floating(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static void quote(String s, char q, StringBuilder b) {
    b.append(q);
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> {
                  if (c == q) {
                    b.append('\\').append(q);
                  } else if (c < 0x20) {
                    b.append("\\u{").append(Integer.toHexString(c)).append('}');
                  } else {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    b.append(q);
  }
}
