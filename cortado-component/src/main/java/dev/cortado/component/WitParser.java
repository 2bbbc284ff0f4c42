package dev.cortado.component;

import dev.cortado.component.WitLexer.Token;
import dev.cortado.component.WitSyntax.At;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Parses one WIT file into {@link WitSyntax}: a {@code package} declaration followed by interfaces
 * and worlds, or packages nested in braces; top-level {@code use} aliases; feature gates ({@code
 * @since}, {@code @unstable}, {@code @deprecated}) are read and ignored. A syntax error is a {@link
 * WitException} naming the file, line, column, what was found and what was expected.
 */
final class WitParser {
  private static final Map<String, PrimitiveType> PRIMITIVES = primitives();

  private final List<Token> tokens;
  private final String file;
  private int next;
  // The current package's top-level use aliases: name -> the interface it stands for.
  private Map<String, WitSyntax.Path> aliases = new HashMap<>();

  private WitParser(String file, List<Token> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  /** Parses {@code source} (named {@code file} in messages) into its packages. */
  static List<WitSyntax.Package> parse(String file, String source) {
    return new WitParser(file, WitLexer.tokens(file, source)).file();
  }

  private static Map<String, PrimitiveType> primitives() {
    Map<String, PrimitiveType> m = new HashMap<>();
    for (PrimitiveType p : PrimitiveType.values()) {
      m.put(p.text(), p);
    }
    return Map.copyOf(m);
  }

  private List<WitSyntax.Package> file() {
    List<WitSyntax.Package> packages = new ArrayList<>();
    gates();
    if (!peek().isWord("package")) {
      throw error("a package declaration (package namespace:name;)");
    }
    At at = at();
    next++;
    String[] id = packageId();
    if (peek().is("{")) {
      // Only nested packages in this file: package a:b { ... } package c:d { ... }
      packages.add(body(id, at, true));
      while (!peek().is("eof")) {
        gates();
        At a = at();
        word("package");
        packages.add(body(packageId(), a, true));
      }
      return packages;
    }
    expect(";");
    packages.add(body(id, at, false));
    return packages;
  }

  /** The items of a package, to its closing brace ({@code braced}) or the end of the file. */
  private WitSyntax.Package body(String[] id, At at, boolean braced) {
    if (braced) {
      expect("{");
    }
    List<WitSyntax.Interface> interfaces = new ArrayList<>();
    List<WitSyntax.WorldDef> worlds = new ArrayList<>();
    aliases = new HashMap<>();
    while (!(braced ? peek().is("}") : peek().is("eof"))) {
      gates();
      At a = at();
      if (accept("interface")) {
        String name = identifier();
        interfaces.add(new WitSyntax.Interface(name, interfaceItems(), a));
      } else if (accept("world")) {
        String name = identifier();
        worlds.add(new WitSyntax.WorldDef(name, worldItems(), a));
      } else if (accept("use")) {
        WitSyntax.Path p = path();
        String alias = accept("as") ? identifier() : p.name();
        expect(";");
        aliases.put(alias, p);
      } else if (peek().isWord("package")) {
        throw error("interface, world or use (a nested package belongs in a file of them only)");
      } else {
        throw error("interface, world or use");
      }
    }
    if (braced) {
      expect("}");
    }
    return new WitSyntax.Package(id[0], id[1], Optional.ofNullable(id[2]), interfaces, worlds, at);
  }

  private String[] packageId() {
    String ns = identifier();
    expect(":");
    StringBuilder name = new StringBuilder(identifier());
    while (accept(":")) {
      name.append(':').append(identifier());
    }
    String version = null;
    if (peek().is("@")) {
      next++;
      version = version();
    }
    return new String[] {ns, name.toString(), version};
  }

  private String version() {
    Token t = peek();
    if (!t.is("version")) {
      throw error("a version (0.2.0)");
    }
    next++;
    return t.text();
  }

  /** {@code name}, or {@code ns:pkg/name@version}. */
  private WitSyntax.Path path() {
    At at = at();
    String first = identifier();
    if (!peek().is(":")) {
      // A name a top-level use gave another package's interface stands for it.
      WitSyntax.Path alias = aliases.get(first);
      return alias != null ? alias : new WitSyntax.Path(Optional.empty(), first, at);
    }
    next++;
    StringBuilder pkg = new StringBuilder(first).append(':').append(identifier());
    while (accept(":")) {
      pkg.append(':').append(identifier());
    }
    expect("/");
    String name = identifier();
    while (accept("/")) {
      name = identifier(); // nested interface paths: the last part names the interface
    }
    if (accept("@")) {
      pkg.append('@').append(version());
    }
    return new WitSyntax.Path(Optional.of(pkg.toString()), name, at);
  }

  private List<WitSyntax.Item> interfaceItems() {
    expect("{");
    List<WitSyntax.Item> items = new ArrayList<>();
    while (!peek().is("}")) {
      gates();
      items.add(item(false));
    }
    expect("}");
    return items;
  }

  /** A type, use or function; {@code inWorld} refuses functions (world functions are externs). */
  private WitSyntax.Item item(boolean inWorld) {
    At at = at();
    Token t = peek();
    if (t.isWord("use")) {
      next++;
      WitSyntax.Path p = path();
      expect(".");
      expect("{");
      List<String[]> names = new ArrayList<>();
      do {
        String n = identifier();
        names.add(new String[] {n, accept("as") ? identifier() : n});
      } while (accept(",") && !peek().is("}"));
      expect("}");
      expect(";");
      return new WitSyntax.Use(p, names, at);
    }
    if (t.isWord("record")) {
      next++;
      String name = identifier();
      List<WitSyntax.Param> fields = list("{", "}", this::namedType);
      return new WitSyntax.TypeDef(name, new WitSyntax.Record(fields), at);
    }
    if (t.isWord("variant")) {
      next++;
      String name = identifier();
      List<WitSyntax.Case> cases =
          list(
              "{",
              "}",
              () -> {
                String c = identifier();
                Optional<WitSyntax.Ty> payload = Optional.empty();
                if (accept("(")) {
                  payload = Optional.of(ty());
                  expect(")");
                }
                return new WitSyntax.Case(c, payload);
              });
      return new WitSyntax.TypeDef(name, new WitSyntax.Variant(cases), at);
    }
    if (t.isWord("enum") || t.isWord("flags")) {
      next++;
      String name = identifier();
      List<String> labels = list("{", "}", this::identifier);
      return new WitSyntax.TypeDef(
          name,
          t.text().equals("enum") ? new WitSyntax.Enum(labels) : new WitSyntax.Flags(labels),
          at);
    }
    if (t.isWord("type")) {
      next++;
      String name = identifier();
      expect("=");
      WitSyntax.Ty ty = ty();
      expect(";");
      return new WitSyntax.TypeDef(name, new WitSyntax.Alias(ty), at);
    }
    if (t.isWord("resource")) {
      next++;
      String name = identifier();
      List<WitSyntax.ResourceFunc> functions = new ArrayList<>();
      if (accept("{")) {
        while (!peek().is("}")) {
          gates();
          At a = at();
          if (accept("constructor")) {
            functions.add(
                new WitSyntax.ResourceFunc(
                    WitSyntax.FuncKind.CONSTRUCTOR,
                    "",
                    new WitSyntax.Signature(params(), constructorResult(), false),
                    a));
            expect(";");
            continue;
          }
          String f = identifier();
          expect(":");
          boolean isStatic = accept("static");
          WitSyntax.Signature sig = signature();
          expect(";");
          functions.add(
              new WitSyntax.ResourceFunc(
                  isStatic ? WitSyntax.FuncKind.STATIC : WitSyntax.FuncKind.METHOD, f, sig, a));
        }
        expect("}");
      } else {
        expect(";");
      }
      return new WitSyntax.TypeDef(name, new WitSyntax.Resource(functions), at);
    }
    if (inWorld) {
      throw error("a type or use in a world (import, export, include, record, ...)");
    }
    String name = identifier();
    expect(":");
    WitSyntax.Signature sig = signature();
    expect(";");
    return new WitSyntax.Func(name, sig, at);
  }

  /** A constructor's optional {@code -> result<_, e>} (the component model allows one). */
  private Optional<WitSyntax.Ty> constructorResult() {
    return accept("->") ? Optional.of(ty()) : Optional.empty();
  }

  private WitSyntax.Signature signature() {
    boolean async = accept("async");
    word("func");
    List<WitSyntax.Param> params = params();
    Optional<WitSyntax.Ty> result = accept("->") ? Optional.of(ty()) : Optional.empty();
    return new WitSyntax.Signature(params, result, async);
  }

  private List<WitSyntax.Param> params() {
    return list("(", ")", this::namedType);
  }

  /** {@code name: type}, a parameter or a record's field. */
  private WitSyntax.Param namedType() {
    String n = identifier();
    expect(":");
    return new WitSyntax.Param(n, ty());
  }

  /** {@code open element, element, ... close}, a trailing comma allowed. */
  private <T> List<T> list(String open, String close, Supplier<T> element) {
    expect(open);
    List<T> out = new ArrayList<>();
    while (!peek().is(close)) {
      out.add(element.get());
      if (!accept(",")) {
        break;
      }
    }
    expect(close);
    return out;
  }

  private int depth;

  /** A type; nesting deeper than {@value #MAX_NESTING} is refused (it would exhaust the stack). */
  private WitSyntax.Ty ty() {
    if (++depth > MAX_NESTING) {
      throw error("a type nested less than " + MAX_NESTING + " deep");
    }
    try {
      return typeAt();
    } finally {
      depth--;
    }
  }

  private static final int MAX_NESTING = 100;

  private WitSyntax.Ty typeAt() {
    At at = at();
    Token t = peek();
    if (!t.is("id")) {
      throw error("a type");
    }
    next++;
    if (t.text().startsWith("%")) {
      return new WitSyntax.Named(t.name(), at);
    }
    PrimitiveType p = PRIMITIVES.get(t.text());
    if (p != null) {
      return new WitSyntax.Prim(p);
    }
    switch (t.text()) {
      case "list" -> {
        expect("<");
        WitSyntax.Ty e = ty();
        int length = 0;
        if (accept(",")) {
          Token n = peek();
          if (!n.is("int")) {
            throw error("a list's fixed length");
          }
          next++;
          try {
            length = Integer.parseInt(n.text());
          } catch (NumberFormatException tooLong) {
            length = -1;
          }
          if (length <= 0) {
            next--;
            throw error("a fixed length from 1 to " + Integer.MAX_VALUE);
          }
        }
        expect(">");
        return new WitSyntax.ListTy(e, length);
      }
      case "option" -> {
        expect("<");
        WitSyntax.Ty v = ty();
        expect(">");
        return new WitSyntax.OptionTy(v);
      }
      case "result" -> {
        if (!accept("<")) {
          return new WitSyntax.ResultTy(Optional.empty(), Optional.empty());
        }
        Optional<WitSyntax.Ty> ok = accept("_") ? Optional.empty() : Optional.of(ty());
        Optional<WitSyntax.Ty> err = accept(",") ? Optional.of(ty()) : Optional.empty();
        expect(">");
        return new WitSyntax.ResultTy(ok, err);
      }
      case "tuple" -> {
        expect("<");
        List<WitSyntax.Ty> elements = new ArrayList<>();
        do {
          elements.add(ty());
        } while (accept(","));
        expect(">");
        return new WitSyntax.TupleTy(elements);
      }
      case "borrow", "own" -> {
        expect("<");
        String r = identifier();
        expect(">");
        return new WitSyntax.Handle(r, t.text().equals("own"), at);
      }
      case "stream", "future" -> {
        Optional<WitSyntax.Ty> e = Optional.empty();
        if (accept("<")) {
          e = Optional.of(ty());
          expect(">");
        }
        return new WitSyntax.Async(t.text().equals("stream"), e);
      }
      default -> {
        return new WitSyntax.Named(t.text(), at);
      }
    }
  }

  private List<WitSyntax.WorldItem> worldItems() {
    expect("{");
    List<WitSyntax.WorldItem> items = new ArrayList<>();
    while (!peek().is("}")) {
      gates();
      At at = at();
      Token t = peek();
      if (t.isWord("import") || t.isWord("export")) {
        next++;
        boolean export = t.text().equals("export");
        // name: func(...) / name: interface { ... } / path;
        // name: func(...), name: interface { ... }, or a path (ns:pkg/name, name);
        boolean named =
            peek().is("id")
                && peekAt(1).is(":")
                && (peekAt(2).isWord("func")
                    || peekAt(2).isWord("interface")
                    || peekAt(2).isWord("async"))
                && !peekAt(3).is("/");
        if (named) {
          String name = identifier();
          expect(":");
          if (accept("interface")) {
            items.add(
                new WitSyntax.Extern(
                    export, name, Optional.empty(), interfaceItems(), Optional.empty(), at));
          } else {
            WitSyntax.Signature sig = signature();
            expect(";");
            items.add(
                new WitSyntax.Extern(
                    export, name, Optional.empty(), List.of(), Optional.of(sig), at));
          }
        } else {
          WitSyntax.Path p = path();
          expect(";");
          items.add(
              new WitSyntax.Extern(export, "", Optional.of(p), List.of(), Optional.empty(), at));
        }
      } else if (t.isWord("include")) {
        next++;
        WitSyntax.Path p = path();
        Map<String, String> renames = new LinkedHashMap<>();
        boolean with = accept("with");
        if (with) {
          for (String[] r :
              list(
                  "{",
                  "}",
                  () -> {
                    String from = identifier();
                    word("as");
                    return new String[] {from, identifier()};
                  })) {
            if (renames.put(r[0], r[1]) != null) {
              throw error("each name renamed once (\"" + r[0] + "\" is renamed twice)");
            }
          }
        }
        if (with) {
          accept(";"); // WIT writes none after the renamings; one is let pass
        } else {
          expect(";");
        }
        items.add(new WitSyntax.Include(p, renames, at));
      } else {
        items.add(new WitSyntax.Scoped(item(true)));
      }
    }
    expect("}");
    return items;
  }

  /** Skips feature gates: {@code @since(version = 0.2.0)}, {@code @unstable(feature = x)}. */
  private void gates() {
    while (peek().is("@")) {
      next++;
      String gate = identifier();
      if (!gate.equals("since") && !gate.equals("unstable") && !gate.equals("deprecated")) {
        next--;
        throw error("a feature gate (@since, @unstable or @deprecated)");
      }
      expect("(");
      while (!peek().is(")") && !peek().is("eof")) {
        next++;
      }
      expect(")");
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private At at() {
    Token t = peek();
    return new At(file, t.line(), t.column());
  }

  private boolean accept(String kindOrWord) {
    Token t = peek();
    if (t.is(kindOrWord) || t.isWord(kindOrWord)) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String kind) {
    if (!peek().is(kind)) {
      throw error("'" + kind + "'");
    }
    next++;
  }

  private void word(String w) {
    if (!peek().isWord(w)) {
      throw error("'" + w + "'");
    }
    next++;
  }

  private String identifier() {
    Token t = peek();
    if (!t.is("id")) {
      throw error("a name");
    }
    next++;
    return t.name();
  }

  private WitException error(String expected) {
    Token t = peek();
    String found = t.is("eof") ? "the end of the text" : "'" + t.text() + "'";
    return new WitException(
        file + ":" + t.line() + ":" + t.column() + ": expected " + expected + ", found " + found);
  }
}
