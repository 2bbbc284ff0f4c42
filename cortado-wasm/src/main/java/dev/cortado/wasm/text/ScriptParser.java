package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a {@code .wast} script into {@link Command}s. Text modules are kept as syntax and
 * converted when a runner asks for them.
 *
 * <p>Wasm 3.0 script forms not supported yet ({@code either}, ...) are reported as malformed.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
final class ScriptParser {
  private static final Set<String> MODULE_FIELDS =
      Set.of(
          "type", "import", "func", "table", "memory", "tag", "global", "export", "start", "elem",
          "data");

  private ScriptParser() {}

  static Script parse(String text, String sourceName) {
    List<Token> tokens = Lexer.tokenize(text);
    SExpr.Forest forest = SExpr.read(tokens);
    List<SExpr> items = forest.balanced();
    Token eof = tokens.get(tokens.size() - 1);
    List<Command> commands = new ArrayList<>();
    if (!items.isEmpty() && items.get(0).head().filter(MODULE_FIELDS::contains).isPresent()) {
      // A script that is only module fields is one module (the module abbreviation).
      ModuleSource m =
          new ModuleSource.Text(
              Optional.empty(),
              items,
              forest.annotations(),
              items.get(0).line(),
              eof.line(),
              eof.column());
      commands.add(new Command.DefineModule(items.get(0).line(), m));
      return new Script(sourceName, commands);
    }
    for (SExpr item : items) {
      if (!(item instanceof SExpr.Parens p) || p.head().isEmpty()) {
        throw item.error("unexpected token " + item.describe() + ", expected a command");
      }
      commands.add(command(p));
    }
    return new Script(sourceName, commands);
  }

  private static Command command(SExpr.Parens p) {
    Cursor c = p.cursor();
    String head = Cursor.token(c.next()).text();
    int line = p.line();
    Command command =
        switch (head) {
          case "module" -> {
            if (c.peekKeyword("instance")) {
              c.next();
              Optional<String> instance = c.optionalId().map(Token::idName);
              Optional<String> definition = c.optionalId().map(Token::idName);
              c.expectEnd();
              yield new Command.ModuleInstance(line, instance, definition);
            }
            if (c.peekKeyword("definition")) {
              yield new Command.ModuleDefinition(line, module(p));
            }
            yield new Command.DefineModule(line, module(p));
          }
          case "register" -> {
            String name = string(c);
            yield new Command.Register(line, name, c.optionalId().map(Token::idName));
          }
          case "invoke", "get" -> new Command.Perform(line, action(p));
          case "assert_return" -> {
            Action action = action(parens(c, "an action"));
            List<ExpectedResult> results = new ArrayList<>();
            while (!c.atEnd()) {
              results.add(result(parens(c, "a result")));
            }
            yield new Command.AssertReturn(line, action, results);
          }
          case "assert_trap" -> {
            if (c.peekParens("module")) {
              yield new Command.AssertModuleTrap(line, module(parens(c, "")), string(c));
            }
            yield new Command.AssertTrap(line, action(parens(c, "an action")), string(c));
          }
          case "assert_exception" ->
              new Command.AssertException(line, action(parens(c, "an action")));
          case "assert_exhaustion" ->
              new Command.AssertExhaustion(line, action(parens(c, "an action")), string(c));
          case "assert_invalid" ->
              new Command.AssertInvalid(line, module(parens(c, "a module")), string(c));
          case "assert_malformed" ->
              new Command.AssertMalformed(line, module(parens(c, "a module")), string(c));
          case "assert_malformed_custom", "assert_invalid_custom" ->
              new Command.AssertCustom(
                  line,
                  module(parens(c, "a module")),
                  string(c),
                  head.equals("assert_invalid_custom"));
          case "assert_unlinkable" ->
              new Command.AssertUnlinkable(line, module(parens(c, "a module")), string(c));
          case "assert_uninstantiable" ->
              new Command.AssertUninstantiable(line, module(parens(c, "a module")), string(c));
          default -> throw p.items().get(0).error("unknown command " + head);
        };
    if (head.equals("module") || head.equals("invoke") || head.equals("get")) {
      return command;
    }
    c.expectEnd();
    return command;
  }

  private static SExpr.Parens parens(Cursor c, String expected) {
    if (!c.peekParens()) {
      throw c.unexpected(expected);
    }
    return (SExpr.Parens) c.next();
  }

  private static String string(Cursor c) {
    return c.expect(Token.Kind.STRING, "a string").utf8();
  }

  private static Bytes strings(Cursor c) {
    return SegmentParser.strings(c);
  }

  /**
   * Parses a module: {@code (module $id? ...)}, or {@code (module definition $id? ...)}, which
   * defines the same module without instantiating it (the command decides what to do with it).
   */
  private static ModuleSource module(SExpr.Parens p) {
    Cursor c = p.cursor();
    c.expectKeyword("module");
    int skipped = 1;
    if (c.peekKeyword("definition")) {
      c.next();
      skipped++;
    }
    Optional<String> id = c.optionalId().map(Token::idName);
    int fieldsStart = skipped + (id.isPresent() ? 1 : 0);
    if (c.peekKeyword("binary")) {
      c.next();
      return new ModuleSource.Binary(id, strings(c));
    }
    if (c.peekKeyword("quote")) {
      c.next();
      return new ModuleSource.Quote(id, strings(c));
    }
    if (c.peekKeyword("instance")) {
      throw c.peek().error("unexpected module instance, expected a module");
    }
    List<SExpr> fields = new ArrayList<>();
    while (!c.atEnd()) {
      fields.add(c.next());
    }
    List<SExpr.Annotation> annotations =
        p.annotations().stream().map(a -> a.after(fieldsStart)).toList();
    return new ModuleSource.Text(id, fields, annotations, p.line(), p.endLine(), p.endColumn());
  }

  private static Action action(SExpr.Parens p) {
    Cursor c = p.cursor();
    if (c.peekKeyword("invoke")) {
      c.next();
      Optional<String> id = c.optionalId().map(Token::idName);
      String name = string(c);
      List<WastValue> args = new ArrayList<>();
      while (!c.atEnd()) {
        args.add(value(parens(c, "an argument")));
      }
      return new Action.Invoke(id, name, args);
    }
    if (c.peekKeyword("get")) {
      c.next();
      Optional<String> id = c.optionalId().map(Token::idName);
      String name = string(c);
      c.expectEnd();
      return new Action.Get(id, name);
    }
    throw c.unexpected("an action: (invoke ...) or (get ...)");
  }

  /** Parses an argument: a constant instruction. */
  private static WastValue value(SExpr.Parens p) {
    Cursor c = p.cursor();
    if (!c.peekToken(Token.Kind.KEYWORD)) {
      throw c.unexpected("a constant such as (i32.const 1)");
    }
    Token kind = Cursor.token(c.next());
    WastValue v =
        switch (kind.text()) {
          case "i32.const" -> new WastValue.I32(IntLiterals.i32(c.expectNumber()));
          case "i64.const" -> new WastValue.I64(IntLiterals.i64(c.expectNumber()));
          case "f32.const" -> new WastValue.F32(FloatLiterals.f32(c.expectNumber()));
          case "f64.const" -> new WastValue.F64(FloatLiterals.f64(c.expectNumber()));
          case "v128.const" -> new WastValue.Vector(SimdLiterals.v128(c));
          case "ref.null" -> new WastValue.RefNull(Types.abstractHeapType(c));
          // ref.host is the same host value seen from the any hierarchy (Wasm 3.0 scripts).
          case "ref.extern", "ref.host" ->
              new WastValue.RefExtern(IntLiterals.u32(c.expectNumber(), "reference"));
          case "ref.func" ->
              new WastValue.RefFunc(IntLiterals.u32(c.expectNumber(), "function index"));
          default -> throw kind.error("unexpected token " + kind.text() + ", expected a constant");
        };
    c.expectEnd();
    return v;
  }

  /** Parses an expected result: a constant, a NaN pattern, or a reference pattern. */
  private static ExpectedResult result(SExpr.Parens p) {
    Cursor c = p.cursor();
    if (!c.peekToken(Token.Kind.KEYWORD)) {
      throw c.unexpected("a result such as (i32.const 1)");
    }
    String kind = Cursor.token(c.peek()).text();
    Optional<ExpectedResult> pattern =
        switch (kind) {
          case "f32.const" -> nanPattern(c, ValType.F32);
          case "f64.const" -> nanPattern(c, ValType.F64);
          case "v128.const" -> Optional.of(lanes(c));
          case "either" -> {
            c.next();
            List<ExpectedResult> alternatives = new ArrayList<>();
            while (!c.atEnd()) {
              alternatives.add(result(parens(c, "a result")));
            }
            if (alternatives.isEmpty()) {
              throw c.unexpected("a result such as (i32.const 1)");
            }
            yield Optional.of(new ExpectedResult.Either(alternatives));
          }
          case "ref.extern", "ref.func", "ref.null", "ref.exn" -> {
            if (p.items().size() > 1) {
              yield Optional.empty();
            }
            c.next();
            yield Optional.of(
                switch (kind) {
                  case "ref.extern" -> new ExpectedResult.AnyExtern();
                  case "ref.func" -> new ExpectedResult.AnyFunc();
                  case "ref.exn" -> new ExpectedResult.AnyExn();
                  default -> new ExpectedResult.AnyNull();
                });
          }
          case "ref.i31", "ref.struct", "ref.array", "ref.eq", "ref.any" -> {
            c.next();
            yield Optional.of(
                new ExpectedResult.AnyOf(
                    switch (kind) {
                      case "ref.i31" -> HeapType.Abstract.I31;
                      case "ref.struct" -> HeapType.Abstract.STRUCT;
                      case "ref.array" -> HeapType.Abstract.ARRAY;
                      case "ref.eq" -> HeapType.Abstract.EQ;
                      default -> HeapType.Abstract.ANY;
                    }));
          }
          default -> Optional.empty();
        };
    if (pattern.isPresent()) {
      c.expectEnd();
      return pattern.get();
    }
    return new ExpectedResult.Exact(value(p));
  }

  private static Optional<ExpectedResult> nanPattern(Cursor c, ValType type) {
    Optional<SExpr> second = c.peekSecond();
    if (second.isEmpty() || !(second.get() instanceof SExpr.Atom a)) {
      return Optional.empty();
    }
    if (a.token().isKeyword("nan:canonical")) {
      c.next();
      c.next();
      return Optional.of(new ExpectedResult.CanonicalNan(type));
    }
    if (a.token().isKeyword("nan:arithmetic")) {
      c.next();
      c.next();
      return Optional.of(new ExpectedResult.ArithmeticNan(type));
    }
    return Optional.empty();
  }

  private static ExpectedResult lanes(Cursor c) {
    c.next();
    LaneShape shape = SimdLiterals.shape(c);
    List<ExpectedResult> lanes = new ArrayList<>();
    for (int i = 0; i < shape.lanes(); i++) {
      if (c.atEnd() || !(c.peek() instanceof SExpr.Atom a)) {
        throw c.errorHere(
            "wrong number of lane literals: " + shape.text() + " takes " + shape.lanes());
      }
      Token t = a.token();
      c.next();
      ValType floatType = shape == LaneShape.F32X4 ? ValType.F32 : ValType.F64;
      if (shape.isFloat() && t.isKeyword("nan:canonical")) {
        lanes.add(new ExpectedResult.CanonicalNan(floatType));
      } else if (shape.isFloat() && t.isKeyword("nan:arithmetic")) {
        lanes.add(new ExpectedResult.ArithmeticNan(floatType));
      } else {
        lanes.add(
            new ExpectedResult.Exact(
                ExpectedResult.Lanes.laneValue(shape, SimdLiterals.lane(shape, t))));
      }
    }
    return new ExpectedResult.Lanes(shape, lanes);
  }
}
