package dev.cortado.wasm.text;

import dev.cortado.wasm.MalformedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text format read as S-expressions: tokens grouped by their parentheses. Module and script
 * parsers work on this tree, so a script can keep a module's tree and convert it to a module only
 * when asked.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/conventions.html">Text format
 *     conventions</a>
 */
sealed interface SExpr permits SExpr.Atom, SExpr.Parens {
  /** Returns the 1-based line where the expression starts. */
  int line();

  /** Returns the 1-based column where the expression starts. */
  int column();

  /** Returns an exception for a problem found at this expression. */
  default MalformedException error(String problem) {
    return MalformedException.text(problem, line(), column());
  }

  /** Returns the expression as error messages show it. */
  String describe();

  /** Returns the keyword this expression is or starts with, if any. */
  Optional<String> head();

  /**
   * One token.
   *
   * @param token the token
   */
  record Atom(Token token) implements SExpr {
    public Atom {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public int line() {
      return token.line();
    }

    @Override
    public int column() {
      return token.column();
    }

    @Override
    public String describe() {
      return token.describe();
    }

    @Override
    public Optional<String> head() {
      return token.kind() == Token.Kind.KEYWORD ? Optional.of(token.text()) : Optional.empty();
    }
  }

  /**
   * A parenthesised list.
   *
   * @param items what is between the parentheses
   * @param line where the opening parenthesis is
   * @param column where the opening parenthesis is
   * @param endLine where the closing parenthesis is
   * @param endColumn where the closing parenthesis is
   */
  record Parens(List<SExpr> items, int line, int column, int endLine, int endColumn)
      implements SExpr {
    public Parens {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return head().map(h -> "(" + h + " ...)").orElse("(");
    }

    @Override
    public Optional<String> head() {
      return items.isEmpty() ? Optional.empty() : items.get(0).head();
    }

    /** Returns a cursor over the items. */
    Cursor cursor() {
      return new Cursor(this);
    }
  }

  /**
   * Top-level expressions, and the error of unbalanced parentheses after them if there is one. The
   * error is kept apart so that a problem inside the complete expressions, which comes earlier in
   * the source, can be reported first (as a parser reading left to right would).
   *
   * @param items the complete top-level expressions
   * @param unbalanced a stray {@code )} or an unclosed {@code (} after them
   */
  record Forest(List<SExpr> items, Optional<MalformedException> unbalanced) {
    /** Copies the items. */
    public Forest {
      items = List.copyOf(items);
    }

    /** Returns the items, or throws the error of unbalanced parentheses. */
    List<SExpr> balanced() {
      if (unbalanced.isPresent()) {
        throw unbalanced.get();
      }
      return items;
    }
  }

  /** Groups {@code tokens} (ending with EOF) into top-level expressions. */
  static Forest read(List<Token> tokens) {
    Deque<List<SExpr>> open = new ArrayDeque<>();
    Deque<Token> openTokens = new ArrayDeque<>();
    List<SExpr> top = new ArrayList<>();
    List<SExpr> current = top;
    for (Token t : tokens) {
      switch (t.kind()) {
        case LPAREN -> {
          open.push(current);
          openTokens.push(t);
          current = new ArrayList<>();
        }
        case RPAREN -> {
          if (open.isEmpty()) {
            return new Forest(top, Optional.of(t.error("unexpected token ), no ( is open")));
          }
          Token start = openTokens.pop();
          SExpr list = new Parens(current, start.line(), start.column(), t.line(), t.column());
          current = open.pop();
          current.add(list);
        }
        case EOF -> {
          if (!open.isEmpty()) {
            Token start = openTokens.removeLast();
            MalformedException e =
                t.error(
                    "unexpected end of input: the ( at "
                        + start.line()
                        + ":"
                        + start.column()
                        + " is not closed");
            return new Forest(top, Optional.of(e));
          }
        }
        default -> current.add(new Atom(t));
      }
    }
    return new Forest(top, Optional.empty());
  }
}
