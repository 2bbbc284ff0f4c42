package dev.cortado.wasm.text;

import dev.cortado.wasm.MalformedException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the items of one parenthesised list (or the top level of a source) from left to right.
 * Errors point at the item that was not expected, or at the closing parenthesis when items ran out.
 */
final class Cursor {
  private final List<SExpr> items;
  private final int endLine;
  private final int endColumn;
  private int pos;

  Cursor(SExpr.Parens list) {
    this(list.items(), list.endLine(), list.endColumn());
  }

  Cursor(List<SExpr> items, int endLine, int endColumn) {
    this.items = items;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  boolean atEnd() {
    return pos >= items.size();
  }

  /** Returns the next item without consuming it; only call when not {@link #atEnd()}. */
  SExpr peek() {
    return items.get(pos);
  }

  /** Returns the item after the next one, if there is one. */
  Optional<SExpr> peekSecond() {
    return pos + 1 < items.size() ? Optional.of(items.get(pos + 1)) : Optional.empty();
  }

  /** Consumes and returns the next item; only call when not {@link #atEnd()}. */
  SExpr next() {
    return items.get(pos++);
  }

  /** Returns whether the next item is a token of kind {@code kind}. */
  boolean peekToken(Token.Kind kind) {
    return !atEnd() && peek() instanceof SExpr.Atom a && a.token().kind() == kind;
  }

  /** Returns whether the next item is the keyword {@code keyword}. */
  boolean peekKeyword(String keyword) {
    return !atEnd() && peek() instanceof SExpr.Atom a && a.token().isKeyword(keyword);
  }

  /** Returns whether the next item is a keyword starting with {@code prefix}. */
  boolean peekKeywordPrefix(String prefix) {
    return peekToken(Token.Kind.KEYWORD) && token(peek()).text().startsWith(prefix);
  }

  /** Returns whether the next item is a list starting with the keyword {@code head}. */
  boolean peekParens(String head) {
    return !atEnd() && peek() instanceof SExpr.Parens p && p.head().equals(Optional.of(head));
  }

  /** Returns whether the next item is a list. */
  boolean peekParens() {
    return !atEnd() && peek() instanceof SExpr.Parens;
  }

  /** Returns whether the next item is an index: a natural number or an identifier. */
  boolean peekIndex() {
    return peekToken(Token.Kind.NAT) || peekToken(Token.Kind.ID);
  }

  /** Consumes an identifier if one comes next. */
  Optional<Token> optionalId() {
    return peekToken(Token.Kind.ID) ? Optional.of(token(next())) : Optional.empty();
  }

  /** Consumes the keyword {@code keyword}, or fails. */
  Token expectKeyword(String keyword) {
    if (!peekKeyword(keyword)) {
      throw unexpected(keyword);
    }
    return token(next());
  }

  /** Consumes a token of kind {@code kind}, or fails saying {@code expected} was expected. */
  Token expect(Token.Kind kind, String expected) {
    if (!peekToken(kind)) {
      throw unexpected(expected);
    }
    return token(next());
  }

  /** Consumes a number token of any kind (its value is checked by whoever uses it), or fails. */
  Token expectNumber() {
    if (atEnd() || !(peek() instanceof SExpr.Atom a) || !a.token().isNumber()) {
      throw unexpected("a number");
    }
    return token(next());
  }

  /** Consumes an index (a natural number or an identifier), or fails. */
  Token expectIndex(String what) {
    if (!peekIndex()) {
      throw unexpected(what + " index (a number or $name)");
    }
    return token(next());
  }

  /** Consumes a list starting with the keyword {@code head} and returns a cursor after it. */
  Cursor expectParens(String head) {
    if (!peekParens(head)) {
      throw unexpected("(" + head + " ...)");
    }
    Cursor inner = ((SExpr.Parens) next()).cursor();
    inner.next();
    return inner;
  }

  /** Fails unless every item has been read. */
  void expectEnd() {
    if (!atEnd()) {
      throw unexpected(")");
    }
  }

  /** Returns the line of the next item, or of the closing parenthesis. */
  int line() {
    return atEnd() ? endLine : peek().line();
  }

  /** Returns the column of the next item, or of the closing parenthesis. */
  int column() {
    return atEnd() ? endColumn : peek().column();
  }

  /** Returns an exception for {@code problem} at the next item, or at the closing parenthesis. */
  MalformedException errorHere(String problem) {
    return atEnd() ? MalformedException.text(problem, endLine, endColumn) : peek().error(problem);
  }

  /**
   * Returns an exception saying the next item is not {@code expected}. An unknown keyword or a
   * reserved token is reported as an unknown operator, as the reference interpreter does.
   */
  MalformedException unexpected(String expected) {
    if (atEnd()) {
      return MalformedException.text(
          "unexpected token ), expected " + expected, endLine, endColumn);
    }
    SExpr next = peek();
    if (next instanceof SExpr.Atom a && isUnknownWord(a.token())) {
      return next.error(
          "unknown operator " + a.token().describe() + " (expected " + expected + ")");
    }
    return next.error("unexpected token " + next.describe() + ", expected " + expected);
  }

  /** Returns whether a token comes next that can never be right: reserved or an unknown keyword. */
  boolean peekUnknownWord() {
    return !atEnd() && peek() instanceof SExpr.Atom a && isUnknownWord(a.token());
  }

  private static boolean isUnknownWord(Token t) {
    return t.kind() == Token.Kind.RESERVED
        || (t.kind() == Token.Kind.KEYWORD && !Keywords.isKnown(t.text()));
  }

  /**
   * Returns the token of an item that must be an atom: a keyword, name or number where the grammar
   * has one. A list there is malformed text, said as such.
   */
  static Token token(SExpr item) {
    if (item instanceof SExpr.Atom a) {
      return a.token();
    }
    throw item.error(
        "unexpected token " + item.describe() + ", expected a keyword, name or number");
  }
}
