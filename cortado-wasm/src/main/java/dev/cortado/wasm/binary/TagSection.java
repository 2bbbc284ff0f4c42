package dev.cortado.wasm.binary;

import dev.cortado.wasm.Tag;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/**
 * The tag section (id 13, Wasm 3.0): each tag is an attribute byte (0: an exception) and the index
 * of its function type.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#tag-section">Tag
 *     section</a>
 */
final class TagSection {
  private TagSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      d.module.addTag(new Tag(tagType(in)));
    }
  }

  /** Reads a tag type, the attribute byte then a type index, and returns the index. */
  static int tagType(ByteReader in) {
    int at = in.position();
    int attribute = in.u8();
    if (attribute != 0) {
      throw in.error("malformed tag attribute 0x" + Integer.toHexString(attribute), at);
    }
    return in.u32();
  }

  static boolean isEmpty(WasmModule m) {
    return m.tags().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.tags().size());
    for (Tag t : m.tags()) {
      out.u8(0x00).u32(t.typeIndex());
    }
  }
}
