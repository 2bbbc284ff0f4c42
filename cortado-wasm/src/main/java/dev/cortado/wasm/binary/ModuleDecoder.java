package dev.cortado.wasm.binary;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.KnownValid;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the binary format into a {@link WasmModule}.
 *
 * <p>Decoding checks everything the binary grammar requires, including the encoding and nesting of
 * every instruction, and nothing more: types and indices are checked by the validator. Counts and
 * lengths in the input are checked against the bytes present before anything is allocated.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">Binary format of
 *     modules</a>
 */
public final class ModuleDecoder {
  private static final int MAGIC = 0x6D736100; // "\0asm" read little-endian
  private static final int VERSION = 1;

  private ModuleDecoder() {}

  /**
   * Decodes a module from {@code bytes}, which are copied first so later changes to the array do
   * not reach the module.
   *
   * @throws MalformedException if the bytes are not a well-formed module
   */
  public static WasmModule decode(byte[] bytes) {
    return decodeOwned(bytes.clone());
  }

  /**
   * Decodes a module from {@code bytes} (copied first) as {@code version} encodes it: Wasm 2.0 has
   * a zero byte where Wasm 3.0 has a memory index, and no memory-index flag in memory accesses.
   *
   * @throws MalformedException if the bytes are not a well-formed module of that version
   */
  public static WasmModule decode(byte[] bytes, WasmVersion version) {
    return decodeOwned(bytes.clone(), true, version);
  }

  /**
   * Decodes a module from {@code bytes} without copying them (they are immutable); the module's
   * code and data are views of them.
   *
   * @throws MalformedException if the bytes are not a well-formed module
   */
  public static WasmModule decode(Bytes bytes) {
    return decodeOwned(wholeArray(bytes));
  }

  /**
   * Decodes a module from {@code bytes} without copying them, as {@code version} encodes it.
   *
   * @throws MalformedException if the bytes are not a well-formed module of that version
   */
  public static WasmModule decode(Bytes bytes, WasmVersion version) {
    return decodeOwned(wholeArray(bytes), true, version);
  }

  /** Returns the array behind {@code bytes} if they are all of it, else a copy. */
  private static byte[] wholeArray(Bytes bytes) {
    byte[] array = ModelAccess.bytes().array(bytes);
    boolean whole = ModelAccess.bytes().offset(bytes) == 0 && array.length == bytes.length();
    return whole ? array : bytes.toArray();
  }

  /**
   * Decodes a module from an array the caller hands over: the module keeps views of it, so the
   * caller must never change it afterwards.
   */
  static WasmModule decodeOwned(byte[] bytes) {
    return decodeOwned(bytes, true);
  }

  /**
   * Decodes a module from an array the caller hands over; checks the instructions of function
   * bodies only if {@code checkBodies} (a module known to be well-formed needs no check).
   */
  static WasmModule decodeOwned(byte[] bytes, boolean checkBodies) {
    return decodeOwned(bytes, checkBodies, WasmVersion.WASM_3_0);
  }

  private static WasmModule decodeOwned(byte[] bytes, boolean checkBodies, WasmVersion version) {
    Decoding d = new Decoding(version);
    try {
      readSections(bytes, d);
    } catch (MalformedException e) {
      if (checkBodies) {
        // The bodies read before the error come before it in the binary: theirs is reported.
        CodeBodies.check(d.bodies, d.dataCountBeforeCode, parallel(), version);
      }
      throw e;
    }
    if (checkBodies) {
      CodeBodies.check(d.bodies, d.dataCountBeforeCode, parallel(), version);
    }
    return d.module.build();
  }

  private static boolean parallel() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  private static void readSections(byte[] bytes, Decoding d) {
    ByteReader in = new ByteReader(bytes, 0, bytes.length, 0, "");
    int magic = fixedHeaderWord(in);
    if (magic != MAGIC) {
      throw in.error("magic header not detected", 0);
    }
    int version = fixedHeaderWord(in);
    if (version != VERSION) {
      throw in.error(
          "unknown binary version " + Integer.toUnsignedString(version) + " (expected 1)", 4);
    }
    SectionId last = SectionId.CUSTOM;
    while (!in.atEnd()) {
      in.section("");
      int idAt = in.position();
      int id = in.u8();
      if (!SectionId.isKnown(id)) {
        throw in.error("malformed section id " + id, idAt);
      }
      SectionId section = SectionId.of(id);
      int sizeAt = in.position();
      int size = in.u32();
      if (size < 0 || size > in.remaining()) {
        throw in.error(
            "length out of bounds: section size " + Integer.toUnsignedString(size), sizeAt);
      }
      int end = in.position() + size;
      in.limit(end);
      in.section(section.text());
      if (section == SectionId.CUSTOM) {
        String name = in.name();
        long contentsAt = in.absolute(in.position());
        var contents = in.bytes(in.remaining());
        d.module.addCustomSection(new CustomSection(name, contents, last));
        if (name.equals(NameSection.NAME)) {
          d.module.names(() -> NameSection.decode(contents, contentsAt));
        }
      } else {
        if (section.ordinal() <= last.ordinal()) {
          throw in.error(
              "unexpected content after last section: "
                  + section.text()
                  + " section after the "
                  + last.text()
                  + " section",
              idAt);
        }
        last = section;
        readSection(section, in, d);
        if (in.position() != end) {
          throw in.error("section size mismatch: " + (end - in.position()) + " bytes left over");
        }
      }
      in.limit(bytes.length);
    }
    in.section("");
    if (d.codeCount < 0 && d.functionTypes.length > 0) {
      throw in.error(
          "function and code section have inconsistent lengths ("
              + d.functionTypes.length
              + " functions, no code section)");
    }
    if (d.dataCount >= 0 && d.dataCount != Math.max(d.dataSectionCount, 0)) {
      throw in.error(
          "data count and data section have inconsistent lengths ("
              + d.dataCount
              + " counted, "
              + Math.max(d.dataSectionCount, 0)
              + " segments)");
    }
  }

  static {
    KnownValid.install(
        bytes -> decodeOwned(wholeArray(bytes), false),
        m -> {
          List<Expression> bodies = new ArrayList<>(m.functions().size());
          m.functions().forEach(f -> bodies.add(f.body()));
          // Well-formed sections put a data count section before the code section.
          CodeBodies.check(bodies, m.dataCount().isPresent(), parallel(), WasmVersion.WASM_3_0);
        });
  }

  private static int fixedHeaderWord(ByteReader in) {
    if (in.remaining() < 4) {
      throw in.error("unexpected end", in.limit());
    }
    return in.fixed32();
  }

  private static void readSection(SectionId section, ByteReader in, Decoding d) {
    switch (section) {
      case TYPE -> TypeSection.read(in, d);
      case IMPORT -> ImportSection.read(in, d);
      case FUNCTION -> FunctionSection.read(in, d);
      case TABLE -> TableSection.read(in, d);
      case MEMORY -> MemorySection.read(in, d);
      case TAG -> TagSection.read(in, d);
      case GLOBAL -> GlobalSection.read(in, d);
      case EXPORT -> ExportSection.read(in, d);
      case START -> StartSection.read(in, d);
      case ELEMENT -> ElementSection.read(in, d);
      case DATA_COUNT -> DataCountSection.read(in, d);
      case CODE -> CodeSection.read(in, d);
      case DATA -> DataSection.read(in, d);
      case CUSTOM -> throw new AssertionError("custom sections are read by the caller");
    }
  }

  /**
   * Lists the sections of a well-formed binary, in order, without decoding their contents.
   *
   * @throws MalformedException if the binary is not well-formed
   */
  public static List<SectionInfo> sections(byte[] bytes) {
    decode(bytes);
    List<SectionInfo> list = new ArrayList<>();
    ByteReader in = new ByteReader(bytes, 8, bytes.length, 0, "");
    while (!in.atEnd()) {
      int at = in.position();
      SectionId id = SectionId.of(in.u8());
      int size = in.u32();
      int start = in.position();
      String name = id == SectionId.CUSTOM ? in.name() : id.text();
      list.add(new SectionInfo(id, name, at, size));
      in.position(start + size);
    }
    return list;
  }

  /** Returns whether {@code bytes} start like a Wasm binary (the magic header). */
  public static boolean looksLikeBinary(byte[] bytes) {
    return bytes.length >= 4 && Arrays.equals(bytes, 0, 4, new byte[] {0, 'a', 's', 'm'}, 0, 4);
  }
}
