package dev.cortado.wasm.binary;

import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.Names;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.WasmModule;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Encodes a {@link WasmModule} in the binary format.
 *
 * <p>Code and custom sections are written as they are held, so decoding a binary and encoding the
 * result gives back an equal module. Custom sections go back after the section they followed; a
 * known section they followed is written even when empty, to keep that place.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">Binary format of
 *     modules</a>
 */
public final class ModuleEncoder {
  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private ModuleEncoder() {}

  /** Returns the binary encoding of {@code module}. */
  public static byte[] encode(WasmModule module) {
    ByteWriter out = new ByteWriter(4096);
    out.bytes(HEADER, 0, HEADER.length);
    ByteWriter content = new ByteWriter(4096);
    customsAfter(module, SectionId.CUSTOM, out, content);
    section(module, SectionId.TYPE, TypeSection::isEmpty, TypeSection::write, out, content);
    section(module, SectionId.IMPORT, ImportSection::isEmpty, ImportSection::write, out, content);
    section(
        module, SectionId.FUNCTION, FunctionSection::isEmpty, FunctionSection::write, out, content);
    section(module, SectionId.TABLE, TableSection::isEmpty, TableSection::write, out, content);
    section(module, SectionId.MEMORY, MemorySection::isEmpty, MemorySection::write, out, content);
    section(module, SectionId.TAG, TagSection::isEmpty, TagSection::write, out, content);
    section(module, SectionId.GLOBAL, GlobalSection::isEmpty, GlobalSection::write, out, content);
    section(module, SectionId.EXPORT, ExportSection::isEmpty, ExportSection::write, out, content);
    section(module, SectionId.START, StartSection::isEmpty, StartSection::write, out, content);
    section(
        module, SectionId.ELEMENT, ElementSection::isEmpty, ElementSection::write, out, content);
    section(
        module,
        SectionId.DATA_COUNT,
        DataCountSection::isEmpty,
        DataCountSection::write,
        out,
        content);
    section(module, SectionId.CODE, CodeSection::isEmpty, CodeSection::write, out, content);
    section(module, SectionId.DATA, DataSection::isEmpty, DataSection::write, out, content);
    boolean hasNameSection =
        module.customSections().stream().anyMatch(c -> c.name().equals(NameSection.NAME));
    if (!hasNameSection && !module.names().equals(Names.NONE)) {
      content.reset();
      content.name(NameSection.NAME).bytes(NameSection.encode(module.names()));
      out.u8(SectionId.CUSTOM.id()).u32(content.size()).bytes(content);
    }
    return out.toArray();
  }

  private static void section(
      WasmModule module,
      SectionId id,
      Predicate<WasmModule> isEmpty,
      BiConsumer<WasmModule, ByteWriter> write,
      ByteWriter out,
      ByteWriter content) {
    boolean keepsPlace =
        module.customSections().stream().anyMatch(c -> c.after() == id)
            && id != SectionId.START
            && id != SectionId.DATA_COUNT;
    if (!isEmpty.test(module) || keepsPlace) {
      content.reset();
      write.accept(module, content);
      out.u8(id.id()).u32(content.size()).bytes(content);
    }
    customsAfter(module, id, out, content);
  }

  private static void customsAfter(
      WasmModule module, SectionId id, ByteWriter out, ByteWriter content) {
    for (CustomSection c : module.customSections()) {
      if (c.after() == id) {
        content.reset();
        content.name(c.name()).bytes(c.contents());
        out.u8(SectionId.CUSTOM.id()).u32(content.size()).bytes(content);
      }
    }
  }
}
