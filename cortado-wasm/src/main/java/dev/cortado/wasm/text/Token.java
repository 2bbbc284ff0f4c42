package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.util.Objects;

/**
 * One token of the text format and where it starts.
 *
 * @param kind what sort of token it is
 * @param text the token as written in the source
 * @param bytes the contents of a string token (escapes resolved), or of a {@code $"..."}
 *     identifier; empty for the other kinds
 * @param line the 1-based line of the first character
 * @param column the 1-based column of the first character
 * @see <a href="https://webassembly.github.io/spec/core/text/lexical.html#tokens">Tokens</a>
 */
record Token(Kind kind, String text, Bytes bytes, int line, int column) {
  /** The kinds of tokens. Numbers are told apart by their syntax, not yet by their value. */
  enum Kind {
    LPAREN,
    RPAREN,
    /** A run of idchars starting with a lower-case letter that is not a number. */
    KEYWORD,
    /** {@code $} followed by idchars, or by one string. */
    ID,
    /** An unsigned integer: decimal or {@code 0x} hexadecimal. */
    NAT,
    /** An integer with an explicit sign. */
    INT,
    /** A float that is not also an integer, including {@code inf} and {@code nan}. */
    FLOAT,
    STRING,
    /** Anything else without white space: not a valid token, an error wherever it appears. */
    RESERVED,
    /** The start of an annotation, {@code (@id}: the text is the id; a {@code )} closes it. */
    ANNOTATION,
    EOF
  }

  Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** Returns whether this is the keyword {@code keyword}. */
  boolean isKeyword(String keyword) {
    return kind == Kind.KEYWORD && text.equals(keyword);
  }

  /** Returns whether this is a number of any kind. */
  boolean isNumber() {
    return kind == Kind.NAT || kind == Kind.INT || kind == Kind.FLOAT;
  }

  /** Returns the name of an identifier without the {@code $}: {@code $x} and {@code $"x"} agree. */
  String idName() {
    if (kind != Kind.ID) {
      throw new IllegalStateException("not an identifier: " + text);
    }
    return text.length() > 1 && text.charAt(1) == '"' ? utf8() : text.substring(1);
  }

  /** Returns the string's bytes decoded as UTF-8, or fails as the text format requires. */
  String utf8() {
    return Utf8.decode(bytes.toArray())
        .orElseThrow(() -> error("malformed UTF-8 encoding in " + describe()));
  }

  /** Returns an exception for a problem found at this token. */
  MalformedException error(String problem) {
    return MalformedException.text(problem, line, column);
  }

  /** Returns the token as error messages show it. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of input";
      case STRING -> "string " + shorten(text);
      case ANNOTATION -> "(@" + shorten(text);
      default -> shorten(text);
    };
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
