package dev.cortado.wasm.internal;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format (LEB128 integers, floats, names, value types)
 * from a byte range, checking every read against the range's end: the core binary decoder's, and
 * the component decoder's ({@code cortado-component}).
 *
 * <p>Errors are {@link MalformedException}s with the absolute offset in the binary and the name of
 * the section being read. Counts read from the input are never trusted for allocation: callers
 * check them against {@link #remaining()} first.
 */
public final class ByteReader {
  private final byte[] buf;
  private int pos;
  private int limit;
  // Absolute offset of buf[0] in the binary, for messages.
  private final long base;
  private String section;

  public ByteReader(byte[] buf, int pos, int limit, long base, String section) {
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
    this.base = base;
    this.section = section;
  }

  public byte[] buffer() {
    return buf;
  }

  public int position() {
    return pos;
  }

  public void position(int p) {
    pos = p;
  }

  public int limit() {
    return limit;
  }

  public void limit(int l) {
    limit = l;
  }

  public int remaining() {
    return limit - pos;
  }

  public boolean atEnd() {
    return pos >= limit;
  }

  /** Returns the absolute offset of buffer index {@code p} in the binary. */
  public long absolute(int p) {
    return base + p;
  }

  public String section() {
    return section;
  }

  public void section(String s) {
    section = s;
  }

  public MalformedException error(String problem) {
    return error(problem, pos);
  }

  public MalformedException error(String problem, int at) {
    return MalformedException.binary(problem, base + at, section);
  }

  public MalformedException unexpectedEnd() {
    return error(section.isEmpty() ? "unexpected end" : "unexpected end of section or function");
  }

  public int u8() {
    if (pos >= limit) {
      throw unexpectedEnd();
    }
    return buf[pos++] & 0xFF;
  }

  public int peekU8() {
    if (pos >= limit) {
      throw unexpectedEnd();
    }
    return buf[pos] & 0xFF;
  }

  public void skip(int n) {
    if (n < 0 || n > limit - pos) {
      throw unexpectedEnd();
    }
    pos += n;
  }

  /**
   * Reads an unsigned 32-bit LEB128 integer; values above 2^31-1 are returned negative (indices
   * that large are out of range everywhere, which the validator reports).
   */
  public int u32() {
    int at = pos;
    int b = u8();
    if (b < 0x80) {
      return b;
    }
    int result = b & 0x7F;
    for (int shift = 7; shift < 35; shift += 7) {
      b = u8();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw error("integer representation too long", at);
        }
        if ((b & 0x70) != 0) {
          throw error("integer too large", at);
        }
      }
      result |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return result;
      }
    }
    throw new AssertionError("unreachable");
  }

  /**
   * Reads a count of items, each at least one byte long, failing before any allocation when the
   * rest of the input cannot hold that many.
   */
  public int count() {
    int at = pos;
    int n = u32();
    if (n < 0 || n > remaining()) {
      throw error(
          (section.isEmpty() ? "unexpected end" : "unexpected end of section or function")
              + ": count "
              + Integer.toUnsignedString(n)
              + " exceeds the "
              + remaining()
              + " bytes left",
          at);
    }
    return n;
  }

  /** Reads a signed 32-bit LEB128 integer. */
  public int s32() {
    int at = pos;
    int result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw error("integer representation too long", at);
        }
        // The 4 unused bits of the last byte must repeat the sign bit (bit 3).
        int high = b & 0x70;
        if (high != ((b & 0x08) != 0 ? 0x70 : 0)) {
          throw error("integer too large", at);
        }
      }
      result |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 32 && (b & 0x40) != 0) {
      result |= -1 << shift;
    }
    return result;
  }

  /** Reads a signed 33-bit LEB128 integer (block type indices). */
  public long s33() {
    int at = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw error("integer representation too long", at);
        }
        int high = b & 0x60;
        if (high != ((b & 0x10) != 0 ? 0x60 : 0)) {
          throw error("integer too large", at);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** Reads a signed 64-bit LEB128 integer. */
  public long s64() {
    int at = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      if (shift == 63) {
        if ((b & 0x80) != 0) {
          throw error("integer representation too long", at);
        }
        if (b != 0 && b != 0x7F) {
          throw error("integer too large", at);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** Reads an unsigned 64-bit LEB128 integer. */
  public long u64() {
    int at = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      if (shift == 63) {
        if ((b & 0x80) != 0) {
          throw error("integer representation too long", at);
        }
        if ((b & 0x7E) != 0) {
          throw error("integer too large", at);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return result;
  }

  /** Reads 4 little-endian bytes. */
  public int fixed32() {
    if (limit - pos < 4) {
      pos = limit;
      throw unexpectedEnd();
    }
    int v =
        (buf[pos] & 0xFF)
            | (buf[pos + 1] & 0xFF) << 8
            | (buf[pos + 2] & 0xFF) << 16
            | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** Reads 8 little-endian bytes. */
  public long fixed64() {
    long lo = fixed32() & 0xFFFFFFFFL;
    long hi = fixed32() & 0xFFFFFFFFL;
    return lo | hi << 32;
  }

  /** Returns a view of the next {@code n} bytes, without copying, and skips them. */
  public Bytes bytes(int n) {
    if (n < 0 || n > limit - pos) {
      throw unexpectedEnd();
    }
    Bytes b = ModelAccess.wrap(buf, pos, n);
    pos += n;
    return b;
  }

  /** Reads a name: a byte length and that many bytes of UTF-8. */
  public String name() {
    int at = pos;
    int n = u32();
    if (n < 0 || n > limit - pos) {
      throw error(section.isEmpty() ? "unexpected end" : "length out of bounds", at);
    }
    String s = utf8(buf, pos, n);
    if (s == null) {
      throw error("malformed UTF-8 encoding", pos);
    }
    pos += n;
    return s;
  }

  /**
   * Reads a name that linking looks things up by (an import's or an export's): interned, so that
   * the lookups, made again at every instantiation, find equal names by identity. A server that
   * instantiates a component per request spent 2% of its workers' time comparing such names
   * character by character.
   */
  public String linkName() {
    return name().intern();
  }

  /** Decodes strict UTF-8 (no surrogates, no overlong forms), or returns null if malformed. */
  public static String utf8(byte[] b, int from, int n) {
    boolean ascii = true;
    for (int i = from; i < from + n; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, from, n, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, n))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Reads a value type. */
  public ValType valType() {
    int at = pos;
    int b = u8();
    if (b == REF || b == REF_NULL) {
      return new RefType(b == REF_NULL, heapType());
    }
    ValType t = valTypeOf(b);
    if (t == null) {
      throw error("malformed value type 0x" + Integer.toHexString(b), at);
    }
    return t;
  }

  /** Reads a reference type. */
  public RefType refType() {
    int at = pos;
    int b = peekU8();
    if (b == REF || b == REF_NULL || valTypeOf(b) instanceof RefType) {
      return (RefType) valType();
    }
    throw error("malformed reference type", at);
  }

  /**
   * Reads a heap type: an s33, negative for an abstract type (its one-byte encoding), else a type
   * index.
   */
  public HeapType heapType() {
    int at = pos;
    long v = s33();
    if (v >= 0) {
      if (v > Integer.MAX_VALUE) {
        throw error("integer too large: type index", at);
      }
      return new HeapType.Concrete((int) v);
    }
    int code = (int) (v & 0x7F);
    for (HeapType.Abstract h : HeapType.Abstract.values()) {
      if (h.code() == code && v >= -0x40) {
        return h;
      }
    }
    throw error("malformed reference type: unknown heap type", at);
  }

  /** The prefix of {@code (ref ht)}. */
  public static final int REF = 0x64;

  /** The prefix of {@code (ref null ht)}. */
  public static final int REF_NULL = 0x63;

  /** Returns the value type with one-byte encoding {@code b}, or null. */
  public static ValType valTypeOf(int b) {
    return b >= 0 && b < SHORT_TYPES.length ? SHORT_TYPES[b] : null;
  }

  /**
   * The one-byte value types: numbers, v128, and the shorthands of every nullable abstract type.
   */
  private static final ValType[] SHORT_TYPES = new ValType[0x80];

  static {
    SHORT_TYPES[0x7F] = ValType.I32;
    SHORT_TYPES[0x7E] = ValType.I64;
    SHORT_TYPES[0x7D] = ValType.F32;
    SHORT_TYPES[0x7C] = ValType.F64;
    SHORT_TYPES[0x7B] = ValType.V128;
    for (HeapType.Abstract h : HeapType.Abstract.values()) {
      SHORT_TYPES[h.code()] = RefType.nullable(h);
    }
  }
}
