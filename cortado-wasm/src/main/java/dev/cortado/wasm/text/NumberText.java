package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.util.Objects;

/**
 * Single numbers written as the text format writes them, for tools that take or show values outside
 * a module (command-line arguments and results, for example): the same rules and the same errors as
 * a {@code (i32.const ...)} or {@code (f64.const ...)} in a module.
 *
 * <p>Floats are handled as their IEEE 754 bits, so every bit pattern survives a trip through text:
 * {@code nan} and {@code -nan} are the canonical NaNs, {@code nan:0x...} any other payload, {@code
 * inf} and {@code -inf} the infinities, and a finite value is written as the shortest decimal that
 * reads back as the same bits ({@code -0.0} included). Reading also accepts hexadecimal floats
 * ({@code 0x1.8p3}) and {@code _} between digits. A decimal or hexadecimal literal whose value
 * rounds to infinity is malformed ("constant out of range"), as in a module; so are spellings the
 * text format does not have, such as {@code Infinity} or {@code NaN}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html">Values</a>
 */
public final class NumberText {
  private NumberText() {}

  /**
   * Returns the {@code i32} that {@code text} denotes: signed or unsigned, decimal or {@code 0x}
   * hexadecimal, as bits.
   *
   * @throws MalformedException if {@code text} is not one integer literal that fits in 32 bits
   */
  public static int i32(String text) {
    return IntLiterals.i32(token(text));
  }

  /**
   * Returns the {@code i64} that {@code text} denotes, as bits.
   *
   * @throws MalformedException if {@code text} is not one integer literal that fits in 64 bits
   */
  public static long i64(String text) {
    return IntLiterals.i64(token(text));
  }

  /**
   * Returns the bits of the {@code f32} that {@code text} denotes, rounded to nearest.
   *
   * @throws MalformedException if {@code text} is not one number, or rounds to infinity
   * @see <a href="https://webassembly.github.io/spec/core/text/values.html#floating-point">Floating
   *     point</a>
   */
  public static int f32(String text) {
    return FloatLiterals.f32(token(text));
  }

  /**
   * Returns the bits of the {@code f64} that {@code text} denotes, rounded to nearest.
   *
   * @throws MalformedException if {@code text} is not one number, or rounds to infinity
   * @see <a href="https://webassembly.github.io/spec/core/text/values.html#floating-point">Floating
   *     point</a>
   */
  public static long f64(String text) {
    return FloatLiterals.f64(token(text));
  }

  /**
   * Returns the text of the {@code f32} with these bits, which {@link #f32(String)} reads back as
   * the same bits.
   */
  public static String f32(int bits) {
    return LiteralText.f32(bits);
  }

  /**
   * Returns the text of the {@code f64} with these bits, which {@link #f64(String)} reads back as
   * the same bits.
   */
  public static String f64(long bits) {
    return LiteralText.f64(bits);
  }

  /** Returns {@code text} as one token, classified the way the lexer classifies a word. */
  private static Token token(String text) {
    Objects.requireNonNull(text, "text");
    Token.Kind kind = NumberSyntax.classify(text);
    Token t = new Token(kind, text, Bytes.EMPTY, 1, 1);
    if (!t.isNumber()) {
      throw t.error("not a number in the text format");
    }
    return t;
  }
}
