package dev.cortado.wasm.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the source text of each command's text module out of a script, so a tool that reads single
 * modules (wat2wasm) can convert it.
 */
final class ModuleSlices {
  private ModuleSlices() {}

  /**
   * Returns, per top-level command of {@code script}, the source of its text module, or empty when
   * it has none (an action, or a binary or quoted module).
   */
  static List<Optional<String>> of(String script) {
    List<Integer> lineStarts = lineStarts(script);
    List<Optional<String>> slices = new ArrayList<>();
    for (SExpr command : SExpr.read(Lexer.tokenize(script)).balanced()) {
      slices.add(textModule((SExpr.Parens) command).map(m -> cut(script, lineStarts, m)));
    }
    return slices;
  }

  private static Optional<SExpr.Parens> textModule(SExpr.Parens command) {
    SExpr.Parens module = command;
    if (!command.head().equals(Optional.of("module"))) {
      module =
          command.items().stream()
              .filter(i -> i instanceof SExpr.Parens p && p.head().equals(Optional.of("module")))
              .map(SExpr.Parens.class::cast)
              .findFirst()
              .orElse(null);
    }
    if (module == null) {
      return Optional.empty();
    }
    List<SExpr> items = module.items();
    int form =
        items.size() > 1
                && items.get(1) instanceof SExpr.Atom id
                && id.token().kind() == Token.Kind.ID
            ? 2
            : 1;
    boolean textual =
        items.size() <= form
            || !(items.get(form) instanceof SExpr.Atom a)
            || !(a.token().isKeyword("binary") || a.token().isKeyword("quote"));
    return textual ? Optional.of(module) : Optional.empty();
  }

  private static String cut(String script, List<Integer> lineStarts, SExpr.Parens m) {
    int from = offset(script, lineStarts, m.line(), m.column());
    int to = offset(script, lineStarts, m.endLine(), m.endColumn());
    return script.substring(from, to + 1);
  }

  /** Returns the offset of a 1-based line and column (columns count code points). */
  private static int offset(String s, List<Integer> lineStarts, int line, int column) {
    return s.offsetByCodePoints(lineStarts.get(line - 1), column - 1);
  }

  /** Returns where each line starts; a line ends at LF, CR, or CR LF, as in the lexer. */
  private static List<Integer> lineStarts(String s) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts;
  }
}
