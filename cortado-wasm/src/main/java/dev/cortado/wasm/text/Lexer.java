package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text-format source into tokens, skipping white space and comments.
 *
 * <p>A token other than a parenthesis is a maximal run of characters up to white space, a
 * parenthesis or a comment; strings inside a run may hold any of those. A run that is exactly one
 * string, an identifier, a keyword or a number gets that kind; any other run is {@link
 * Token.Kind#RESERVED}, which the parser rejects wherever it meets one. This is why {@code 0drop}
 * or {@code $l"a"} are single (bad) tokens rather than two good ones.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/lexical.html">Lexical format</a>
 */
final class Lexer {
  private final String src;
  private int pos;
  private int line = 1;
  private int column = 1;
  private final List<Token> tokens = new ArrayList<>();

  // Parentheses open inside an annotation (0 outside one): in its body, (@ is an ordinary (.
  private int annotationDepth;

  private Lexer(String src) {
    this.src = src;
  }

  /** Returns the tokens of {@code src}, ending with an {@link Token.Kind#EOF} token. */
  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '(' && peek(1) == ';') {
        blockComment();
      } else if (c == '(' && peek(1) == '@' && annotationDepth == 0) {
        annotation();
        annotationDepth = 1;
      } else if (c == ';' && peek(1) == ';') {
        lineComment();
      } else if (c == '(' || c == ')') {
        if (annotationDepth > 0) {
          annotationDepth += c == '(' ? 1 : -1;
        }
        tokens.add(
            new Token(
                c == '(' ? Token.Kind.LPAREN : Token.Kind.RPAREN,
                String.valueOf(c),
                Bytes.EMPTY,
                line,
                column));
        advance();
      } else {
        word();
      }
    }
    tokens.add(new Token(Token.Kind.EOF, "", Bytes.EMPTY, line, column));
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private void advance() {
    char c = src.charAt(pos++);
    if (c == '\n' || (c == '\r' && (pos >= src.length() || src.charAt(pos) != '\n'))) {
      line++;
      column = 1;
    } else if (!Character.isLowSurrogate(c)) {
      column++;
    }
  }

  private MalformedException error(String problem, int atLine, int atColumn) {
    return MalformedException.text(problem, atLine, atColumn);
  }

  private void lineComment() {
    while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
      advance();
    }
  }

  private void blockComment() {
    int startLine = line;
    int startColumn = column;
    int depth = 0;
    do {
      if (pos >= src.length()) {
        throw error("unclosed block comment: end of input inside (; ;)", startLine, startColumn);
      }
      if (src.charAt(pos) == '(' && peek(1) == ';') {
        depth++;
        advance();
      } else if (src.charAt(pos) == ';' && peek(1) == ')') {
        depth--;
        advance();
      }
      advance();
    } while (depth > 0);
  }

  /**
   * Reads the start of an annotation, {@code (@id} or {@code (@"id"}, as one {@link
   * Token.Kind#ANNOTATION} token whose text is the id; its body is read as ordinary tokens, up to
   * the matching parenthesis.
   */
  private void annotation() {
    int startLine = line;
    int startColumn = column;
    advance();
    advance();
    String id;
    if (pos < src.length() && src.charAt(pos) == '"') {
      Bytes bytes = string();
      id =
          Utf8.decode(bytes.toArray())
              .orElseThrow(
                  () -> error("malformed UTF-8 encoding in annotation id", startLine, startColumn));
    } else {
      int start = pos;
      while (pos < src.length() && isIdChar(src.charAt(pos))) {
        advance();
      }
      id = src.substring(start, pos);
    }
    if (id.isEmpty()) {
      throw error("empty annotation id: (@ must be followed by an id", startLine, startColumn);
    }
    tokens.add(new Token(Token.Kind.ANNOTATION, id, Bytes.EMPTY, startLine, startColumn));
  }

  /** Reads a run of non-space characters (with any strings in it) as one token. */
  private void word() {
    int start = pos;
    int startLine = line;
    int startColumn = column;
    int strings = 0;
    boolean idchars = true;
    Bytes lastString = Bytes.EMPTY;
    int lastStringEnd = -1;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')') {
        break;
      }
      if (c == ';' && peek(1) == ';') {
        break;
      }
      if (c == '"') {
        strings++;
        lastString = string();
        lastStringEnd = pos;
      } else {
        // Outside strings and comments, only printable ASCII makes tokens.
        if (c < 0x20 || c >= 0x7F) {
          throw error(
              "illegal character U+"
                  + String.format("%04X", src.codePointAt(pos))
                  + " outside a string",
              line,
              column);
        }
        idchars &= isIdChar(c);
        advance();
      }
    }
    String text = src.substring(start, pos);
    Token.Kind kind;
    Bytes bytes = Bytes.EMPTY;
    boolean endsWithString = lastStringEnd == pos;
    if (strings == 1 && endsWithString && text.charAt(0) == '"') {
      kind = Token.Kind.STRING;
      bytes = lastString;
    } else if (strings == 1
        && endsWithString
        && text.startsWith("$\"")
        && lastString.length() > 0) {
      kind = Token.Kind.ID;
      bytes = lastString;
    } else if (strings > 0 || !idchars) {
      kind = Token.Kind.RESERVED;
    } else if (text.charAt(0) == '$') {
      kind = text.length() > 1 ? Token.Kind.ID : Token.Kind.RESERVED;
    } else {
      kind = NumberSyntax.classify(text);
      if (kind == Token.Kind.RESERVED && text.charAt(0) >= 'a' && text.charAt(0) <= 'z') {
        kind = Token.Kind.KEYWORD;
      }
    }
    tokens.add(new Token(kind, text, bytes, startLine, startColumn));
  }

  /** Reads a string literal starting at the opening quote and returns its bytes. */
  private Bytes string() {
    int startLine = line;
    int startColumn = column;
    advance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      if (pos >= src.length()) {
        throw error("unclosed string: end of input before the closing \"", startLine, startColumn);
      }
      char c = src.charAt(pos);
      if (c == '"') {
        advance();
        return Bytes.of(out.toByteArray());
      }
      if (c == '\\') {
        escape(out);
      } else if (c < 0x20 || c == 0x7F) {
        throw error(
            "illegal character U+" + String.format("%04X", (int) c) + " in a string", line, column);
      } else {
        int cp = src.codePointAt(pos);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        advance();
        if (Character.charCount(cp) == 2) {
          advance();
        }
      }
    }
  }

  private void escape(ByteArrayOutputStream out) {
    int escLine = line;
    int escColumn = column;
    advance();
    char c = pos < src.length() ? src.charAt(pos) : '\0';
    switch (c) {
      case 't' -> out.write('\t');
      case 'n' -> out.write('\n');
      case 'r' -> out.write('\r');
      case '"' -> out.write('"');
      case '\'' -> out.write('\'');
      case '\\' -> out.write('\\');
      case 'u' -> {
        unicodeEscape(out, escLine, escColumn);
        return;
      }
      default -> {
        int hi = Character.digit(c, 16);
        int lo = Character.digit(peek(1), 16);
        if (hi < 0 || lo < 0) {
          throw error("illegal escape \\" + c + " in a string", escLine, escColumn);
        }
        out.write(hi * 16 + lo);
        advance();
      }
    }
    advance();
  }

  private void unicodeEscape(ByteArrayOutputStream out, int escLine, int escColumn) {
    advance();
    int close = src.indexOf('}', pos);
    if (peek(0) != '{' || close < 0) {
      throw error("illegal escape: \\u must be followed by {hex}", escLine, escColumn);
    }
    String hex = src.substring(pos + 1, close);
    if (NumberSyntax.classify("0x" + hex) != Token.Kind.NAT) {
      throw error("illegal escape \\u{" + hex + "}", escLine, escColumn);
    }
    BigInteger value = new BigInteger(hex.replace("_", ""), 16);
    long cp = value.bitLength() > 31 ? Long.MAX_VALUE : value.longValue();
    if (cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000)) {
      throw error(
          "illegal escape \\u{" + hex + "}: not a Unicode scalar value", escLine, escColumn);
    }
    out.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
    while (pos <= close) {
      advance();
    }
  }

  /** Returns whether {@code c} may appear in keywords, identifiers and numbers. */
  static boolean isIdChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
  }
}
