package dev.cortado.oci.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level import and export names of a component (e.g. {@code wasi:cli/run@0.2.0}), read from
 * its import (10) and export (11) sections for the config's {@code component} field. Nested
 * components are not entered. A binary this reader does not follow yields the names read so far.
 *
 * @param imports the import names in order
 * @param exports the export names in order
 * @see <a
 *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md">component
 *     binary format</a>
 */
public record ComponentWorld(List<String> imports, List<String> exports) {
  private static final int IMPORT_SECTION = 10;
  private static final int EXPORT_SECTION = 11;

  /** Reads the names from {@code component}'s bytes. */
  public static ComponentWorld of(byte[] component) {
    List<String> imports = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    Reader r = new Reader(component, 8);
    try {
      while (r.pos < component.length) {
        int id = r.u8();
        int size = (int) r.leb();
        int end = r.pos + size;
        if (id == IMPORT_SECTION) {
          for (long n = r.leb(); n > 0; n--) {
            imports.add(r.name());
            r.externDesc();
          }
        } else if (id == EXPORT_SECTION) {
          for (long n = r.leb(); n > 0; n--) {
            exports.add(r.name());
            r.sortIndex();
            if (r.u8() == 0x01) {
              r.externDesc();
            }
          }
        }
        r.pos = end;
      }
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      // A truncated or newer encoding: keep what was read.
    }
    return new ComponentWorld(List.copyOf(imports), List.copyOf(exports));
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    int u8() {
      return b[pos++] & 0xff;
    }

    long leb() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int x = u8();
        result |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("LEB128 too long");
    }

    String string() {
      int len = (int) leb();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    /** {@code importname'} / {@code exportname'}: 0x00 name, or 0x01 name and a version suffix. */
    String name() {
      int kind = u8();
      String name = string();
      if (kind == 0x01) {
        string();
      } else if (kind != 0x00) {
        throw new IllegalStateException("unknown name encoding " + kind);
      }
      return name;
    }

    void sortIndex() {
      if (u8() == 0x00) {
        u8();
      }
      leb();
    }

    void externDesc() {
      int kind = u8();
      switch (kind) {
        case 0x00 -> {
          u8();
          leb();
        }
        case 0x01, 0x04, 0x05 -> leb();
        case 0x02, 0x03 -> {
          if (u8() == 0x00 || kind == 0x02) {
            leb();
          }
        }
        default -> throw new IllegalStateException("unknown externdesc " + kind);
      }
    }
  }
}
