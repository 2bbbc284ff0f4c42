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
   * @param items what is between the parentheses, without annotations
   * @param line where the opening parenthesis is
   * @param column where the opening parenthesis is
   * @param endLine where the closing parenthesis is
   * @param endColumn where the closing parenthesis is
   * @param annotations the annotations between the parentheses, each with its place among the items
   */
  record Parens(
      List<SExpr> items,
      int line,
      int column,
      int endLine,
      int endColumn,
      List<Annotation> annotations)
      implements SExpr {
    public Parens {
      items = List.copyOf(items);
      annotations = List.copyOf(annotations);
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
   * An annotation, {@code (@id ...)}: kept out of the items of the list it is in, so parsers that
   * do not look for annotations never meet one, and recorded with its place among those items.
   *
   * @param id the annotation's id (after {@code @})
   * @param items its body
   * @param position the index of the item it comes before (the item count when it comes last)
   * @param line where it starts
   * @param column where it starts
   */
  record Annotation(String id, List<SExpr> items, int position, int line, int column) {
    /** Copies the body. */
    public Annotation {
      Objects.requireNonNull(id, "id");
      items = List.copyOf(items);
    }

    /** Returns an exception for a problem found at this annotation. */
    MalformedException error(String problem) {
      return MalformedException.text(problem, line, column);
    }

    /** Returns this annotation placed among the items after the first {@code skipped}. */
    Annotation after(int skipped) {
      return new Annotation(id, items, Math.max(0, position - skipped), line, column);
    }

    /** Returns a cursor over the body; errors at its end point at the annotation. */
    Cursor cursor() {
      return new Cursor(items, line, column);
    }
  }

  /**
   * Top-level expressions, and the error of unbalanced parentheses after them if there is one. The
   * error is kept apart so that a problem inside the complete expressions, which comes earlier in
   * the source, can be reported first (as a parser reading left to right would).
   *
   * @param items the complete top-level expressions
   * @param annotations the top-level annotations, each with its place among the items
   * @param unbalanced a stray {@code )} or an unclosed {@code (} after them
   */
  record Forest(
      List<SExpr> items, List<Annotation> annotations, Optional<MalformedException> unbalanced) {
    /** Copies the items. */
    public Forest {
      items = List.copyOf(items);
      annotations = List.copyOf(annotations);
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
    Deque<Group> open = new ArrayDeque<>();
    Group top = new Group(null);
    Group current = top;
    for (Token t : tokens) {
      switch (t.kind()) {
        case LPAREN, ANNOTATION -> {
          open.push(current);
          current = new Group(t);
        }
        case RPAREN -> {
          if (open.isEmpty()) {
            return top.forest(Optional.of(t.error("unexpected token ), no ( is open")));
          }
          Group done = current;
          current = open.pop();
          Token start = done.start;
          if (start.kind() == Token.Kind.ANNOTATION) {
            current.annotations.add(
                new Annotation(
                    start.text(), done.items, current.items.size(), start.line(), start.column()));
          } else {
            current.items.add(
                new Parens(
                    done.items,
                    start.line(),
                    start.column(),
                    t.line(),
                    t.column(),
                    done.annotations));
          }
        }
        case EOF -> {
          if (!open.isEmpty()) {
            // Report the outermost open list: the one opened at the top level.
            open.push(current);
            open.removeLast();
            Token start = open.removeLast().start;
            String what =
                start.kind() == Token.Kind.ANNOTATION ? "annotation (@" + start.text() : "(";
            MalformedException e =
                t.error(
                    "unexpected end of input: the "
                        + what
                        + " at "
                        + start.line()
                        + ":"
                        + start.column()
                        + " is not closed");
            return top.forest(Optional.of(e));
          }
        }
        default -> current.items.add(new Atom(t));
      }
    }
    return top.forest(Optional.empty());
  }

  /** A list being read: its opening token (none at the top level), items and annotations. */
  final class Group {
    private final Token start;
    private final List<SExpr> items = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();

    private Group(Token start) {
      this.start = start;
    }

    private Forest forest(Optional<MalformedException> unbalanced) {
      return new Forest(items, annotations, unbalanced);
    }
  }
}
