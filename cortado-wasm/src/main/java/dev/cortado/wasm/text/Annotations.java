package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Names;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotations a module's text gives meaning to; every other annotation is skipped (the lexer
 * and {@link SExpr#read} keep them all out of the items parsers read).
 *
 * <ul>
 *   <li>{@code (@custom "name" (before|after section)? "data"*)} among the module fields: a custom
 *       section, placed before or after a section kind ({@code first}, {@code last}), after the
 *       last section by default.
 *   <li>{@code (@name "text")}: the module's name (before its fields) and a function's (after
 *       {@code func} and its identifier), recorded in the module's {@link Names}. Names of other
 *       definitions are accepted where they may stand but not recorded.
 *   <li>{@code (@metadata.code.branch_hint "\00"|"\01")} just before an {@code if} or {@code br_if}
 *       in a function: checked and dropped (see RATIONALE.md).
 * </ul>
 *
 * @see <a
 *     href="https://github.com/WebAssembly/annotations/blob/main/proposals/annotations/Overview.md">
 *     Custom annotations</a>
 */
final class Annotations {
  private static final String CUSTOM = "custom";
  private static final String NAME = "name";
  private static final String BRANCH_HINT = "metadata.code.branch_hint";

  /** Section kinds of a placement, in binary order; a tag section would come before globals. */
  private static final Map<String, SectionId> KINDS =
      Map.ofEntries(
          Map.entry("type", SectionId.TYPE),
          Map.entry("import", SectionId.IMPORT),
          Map.entry("func", SectionId.FUNCTION),
          Map.entry("table", SectionId.TABLE),
          Map.entry("memory", SectionId.MEMORY),
          Map.entry("global", SectionId.GLOBAL),
          Map.entry("export", SectionId.EXPORT),
          Map.entry("start", SectionId.START),
          Map.entry("elem", SectionId.ELEMENT),
          Map.entry("datacount", SectionId.DATA_COUNT),
          Map.entry("code", SectionId.CODE),
          Map.entry("data", SectionId.DATA));

  /** Fields whose definition may carry a name (after the keyword and identifier). */
  private static final Set<String> NAMED_FIELDS =
      Set.of("func", "tag", "global", "table", "memory", "type", "elem", "data", "param", "local");

  private final WasmModule.Builder module;
  private Optional<String> moduleName = Optional.empty();
  private final Map<Integer, String> functionNames = new HashMap<>();
  private final List<CustomSection> customs = new ArrayList<>();
  private int functions;

  private Annotations(WasmModule.Builder module) {
    this.module = module;
  }

  /**
   * Applies the annotations of a module to {@code module}: {@code moduleLevel} are those among its
   * {@code fields}, placed relative to them, and the fields hold the others.
   */
  static void apply(
      List<SExpr.Annotation> moduleLevel, List<SExpr.Parens> fields, WasmModule.Builder module) {
    Annotations a = new Annotations(module);
    for (SExpr.Annotation ann : moduleLevel) {
      a.moduleLevel(ann, ann.position() == 0);
    }
    for (SExpr.Parens f : fields) {
      a.field(f);
    }
    a.finish();
  }

  private void moduleLevel(SExpr.Annotation a, boolean beforeFields) {
    switch (a.id()) {
      case CUSTOM -> customs.add(custom(a));
      case NAME -> {
        if (!beforeFields) {
          throw a.error("misplaced @name annotation: a module's name comes before its fields");
        }
        if (moduleName.isPresent()) {
          throw a.error("@name annotation: multiple module names");
        }
        moduleName = Optional.of(name(a));
      }
      case BRANCH_HINT -> throw a.error("@metadata.code.branch_hint annotation: not in a function");
      default -> {}
    }
  }

  private void field(SExpr.Parens f) {
    String head = f.head().orElse("");
    if (head.equals("func")) {
      definition(f, true, true);
    } else if (head.equals("import") && f.items().size() > 3 && isFunc(f.items().get(3))) {
      walk(f, false, false);
      definition((SExpr.Parens) f.items().get(3), false, false);
    } else {
      walk(f, false, true);
    }
  }

  private static boolean isFunc(SExpr e) {
    return e instanceof SExpr.Parens p && p.head().equals(Optional.of("func"));
  }

  /**
   * A function (defined, or imported when {@code hasCode} is false): its name annotation is
   * recorded, and its code may hold branch hints.
   */
  private void definition(SExpr.Parens f, boolean hasCode, boolean walkInside) {
    int index = functions++;
    for (SExpr.Annotation a : f.annotations()) {
      if (a.id().equals(NAME) && a.position() == namePosition(f)) {
        functionNames.put(index, name(a));
      }
    }
    walk(f, hasCode, walkInside);
  }

  /** Returns where a definition's name annotation stands: after its keyword and identifier. */
  private static int namePosition(SExpr.Parens p) {
    boolean hasId =
        p.items().size() > 1
            && p.items().get(1) instanceof SExpr.Atom at
            && at.token().kind() == Token.Kind.ID;
    return hasId ? 2 : 1;
  }

  /**
   * Checks the annotations in {@code p} and, if {@code deep}, in the lists inside it; {@code
   * inFunction} says whether {@code p} is in a function's code.
   */
  private void walk(SExpr.Parens p, boolean inFunction, boolean deep) {
    Set<Integer> hinted = new HashSet<>();
    for (SExpr.Annotation a : p.annotations()) {
      switch (a.id()) {
        case CUSTOM ->
            throw a.error("misplaced @custom annotation: custom sections are module fields");
        case NAME -> {
          boolean named = p.head().filter(NAMED_FIELDS::contains).isPresent();
          if (!named || a.position() != namePosition(p)) {
            throw a.error("misplaced @name annotation");
          }
          name(a);
        }
        case BRANCH_HINT -> branchHint(a, p, inFunction, hinted);
        default -> {}
      }
    }
    if (deep) {
      for (SExpr item : p.items()) {
        if (item instanceof SExpr.Parens inner) {
          walk(inner, inFunction, true);
        }
      }
    }
  }

  private static void branchHint(
      SExpr.Annotation a, SExpr.Parens p, boolean inFunction, Set<Integer> hinted) {
    if (!inFunction) {
      throw a.error("@metadata.code.branch_hint annotation: not in a function");
    }
    if (!hinted.add(a.position())) {
      throw a.error("@metadata.code.branch_hint annotation: duplicate annotation");
    }
    Cursor c = a.cursor();
    Bytes hint = c.expect(Token.Kind.STRING, "a branch hint \"\\00\" or \"\\01\"").bytes();
    c.expectEnd();
    if (hint.length() != 1 || (hint.get(0) != 0 && hint.get(0) != 1)) {
      throw a.error("@metadata.code.branch_hint annotation: a hint is \"\\00\" or \"\\01\"");
    }
    Optional<String> target =
        a.position() < p.items().size() ? p.items().get(a.position()).head() : Optional.empty();
    if (!target.equals(Optional.of("if")) && !target.equals(Optional.of("br_if"))) {
      throw InvalidException.of(
          "@metadata.code.branch_hint annotation: invalid target (a hint goes before if or"
              + " br_if)",
          "the annotation at " + a.line() + ":" + a.column());
    }
  }

  /** Returns the text of {@code (@name "text")}. */
  private static String name(SExpr.Annotation a) {
    Cursor c = a.cursor();
    Token t = c.expect(Token.Kind.STRING, "a name string");
    c.expectEnd();
    return t.utf8();
  }

  private static CustomSection custom(SExpr.Annotation a) {
    Cursor c = a.cursor();
    if (!c.peekToken(Token.Kind.STRING)) {
      throw a.error("@custom annotation: missing section name");
    }
    Token nameToken = Cursor.token(c.next());
    String name;
    try {
      name = nameToken.utf8();
    } catch (MalformedException e) {
      throw nameToken.error("@custom annotation: malformed UTF-8 encoding of the section name");
    }
    SectionId after = SectionId.DATA;
    if (c.peekParens()) {
      after = placement((SExpr.Parens) c.next());
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (!c.atEnd()) {
      if (!c.peekToken(Token.Kind.STRING)) {
        throw c.peek().error("@custom annotation: unexpected token " + c.peek().describe());
      }
      data.writeBytes(Cursor.token(c.next()).bytes().toArray());
    }
    return new CustomSection(name, Bytes.of(data.toByteArray()), after);
  }

  /** Returns the known section a placement puts a custom section after. */
  private static SectionId placement(SExpr.Parens p) {
    List<SExpr> items = p.items();
    Optional<String> where = p.head();
    if (where.isEmpty()
        || !(where.get().equals("before") || where.get().equals("after"))
        || items.size() > 2) {
      throw p.error(
          "@custom annotation: malformed placement, expected (before kind) or (after kind)");
    }
    boolean before = where.get().equals("before");
    Optional<String> kind = items.size() == 2 ? items.get(1).head() : Optional.empty();
    if (kind.equals(Optional.of(before ? "first" : "last"))) {
      return before ? SectionId.CUSTOM : SectionId.DATA;
    }
    SectionId section = kind.map(KINDS::get).orElse(null);
    if (section == null) {
      throw p.error(
          "@custom annotation: malformed section kind "
              + kind.orElse("(none)")
              + " in the placement");
    }
    if (!before) {
      return section;
    }
    // Before a section is after the known section before it in binary order.
    SectionId previous = SectionId.CUSTOM;
    for (SectionId s : SectionId.values()) {
      if (s == section) {
        return previous;
      }
      previous = s;
    }
    return previous;
  }

  /** Returns the placement that puts a custom section after {@code after}, as text. */
  static String placement(SectionId after) {
    if (after == SectionId.CUSTOM) {
      return "(before first)";
    }
    for (Map.Entry<String, SectionId> e : KINDS.entrySet()) {
      if (e.getValue() == after) {
        return "(after " + e.getKey() + ")";
      }
    }
    throw new IllegalArgumentException("no placement after " + after);
  }

  private void finish() {
    // Held in binary order (stable for sections at one place), as decoding the encoding gives.
    customs.sort(Comparator.comparingInt(c -> c.after().ordinal()));
    customs.forEach(module::addCustomSection);
    if (moduleName.isPresent() || !functionNames.isEmpty()) {
      module.names(new Names(moduleName, functionNames, Map.of()));
    }
  }
}
