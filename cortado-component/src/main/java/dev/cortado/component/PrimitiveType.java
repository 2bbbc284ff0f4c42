package dev.cortado.component;

/** The primitive value types of the component model, with their binary codes. */
public enum PrimitiveType implements ValueType {
  /** A boolean. */
  BOOL("bool", 0x7F),
  /** A signed 8-bit integer. */
  S8("s8", 0x7E),
  /** An unsigned 8-bit integer. */
  U8("u8", 0x7D),
  /** A signed 16-bit integer. */
  S16("s16", 0x7C),
  /** An unsigned 16-bit integer. */
  U16("u16", 0x7B),
  /** A signed 32-bit integer. */
  S32("s32", 0x7A),
  /** An unsigned 32-bit integer. */
  U32("u32", 0x79),
  /** A signed 64-bit integer. */
  S64("s64", 0x78),
  /** An unsigned 64-bit integer. */
  U64("u64", 0x77),
  /** A 32-bit float. */
  F32("f32", 0x76),
  /** A 64-bit float. */
  F64("f64", 0x75),
  /** A Unicode scalar value. */
  CHAR("char", 0x74),
  /** A string of Unicode scalar values. */
  STRING("string", 0x73),
  /** An error context (async). */
  ERROR_CONTEXT("error-context", 0x64);

  private final String text;
  private final int code;

  PrimitiveType(String text, int code) {
    this.text = text;
    this.code = code;
  }

  /** Returns the type's one-byte binary code. */
  public int code() {
    return code;
  }

  @Override
  public String text() {
    return text;
  }

  /** Returns the primitive type of binary code {@code b}, or null if {@code b} is none. */
  public static PrimitiveType ofCode(int b) {
    for (PrimitiveType t : values()) {
      if (t.code == b) {
        return t;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text;
  }
}
