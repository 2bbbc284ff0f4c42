package dev.cortado.wasm.text;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The known ways wat2wasm (wabt 1.0.32) encodes a text module differently from the spec and its
 * reference interpreter. A difference from wabt is excused only when one of these, applied to our
 * module (or, for the data count, to wabt's binary), makes the two equal.
 */
enum WabtQuirks {
  // The rewrites apply to every expression, as wabt's deviations are in code only; constant
  // expressions hold no blocks or selects, so rewriting them changes nothing.

  /**
   * {@code block (type $t)} (and {@code loop}, {@code if}) where {@code $t} is {@code [] -> []} or
   * {@code [] -> [t]}: wabt writes the short block type (0x40 or the value type). The spec's text
   * format maps a type use to the type index, as the reference interpreter does.
   */
  BLOCK_TYPE_INDEX_SHORTENED(
      "wabt writes block (type $t) with $t = [] -> [t?] as a short block type, not the index"),

  /**
   * {@code select (result)} with no types: wabt writes the untyped {@code select}; the spec keeps a
   * typed select with zero types (0x1C 0x00), which the suite expects the validator to reject with
   * "invalid result arity".
   */
  EMPTY_SELECT_TYPES_DROPPED("wabt writes select (result) as the untyped select"),

  /**
   * Code uses {@code memory.init} or {@code data.drop} but the module has no data segment: wabt
   * writes no data count section, so its binary is malformed ("data count section required"); the
   * reference interpreter writes a data count of 0, as we do.
   */
  DATA_COUNT_OMITTED_WITHOUT_DATA(
      "wabt omits the data count section (count 0) though code uses a data index"),

  /**
   * {@code (elem funcref (ref.func $f) ...)}: wabt (older than typed references) writes a funcref
   * segment of {@code ref.func} items as function indices, which Wasm 3.0 reads as a segment of
   * {@code (ref func)}, a subtype; we keep the written type.
   */
  FUNCREF_ELEMENTS_AS_INDICES("wabt writes a funcref segment of ref.func items as indices");

  private final String reason;

  WabtQuirks(String reason) {
    this.reason = reason;
  }

  String reason() {
    return reason;
  }

  /**
   * Returns the quirk explaining why {@code ours} differs from wabt's binary {@code theirs}, if one
   * does.
   */
  static Optional<WabtQuirks> explain(WasmModule ours, byte[] theirs) {
    Optional<WasmModule> decoded = decode(theirs);
    if (decoded.isEmpty()) {
      if (ours.dataCount().equals(java.util.OptionalInt.of(0))
          && ours.datas().isEmpty()
          && decode(withDataCountZero(theirs)).filter(ours::equals).isPresent()) {
        return Optional.of(DATA_COUNT_OMITTED_WITHOUT_DATA);
      }
      return Optional.empty();
    }
    WasmModule wabtElements = ModuleRewrite.mapElements(ours, WabtQuirks::funcrefAsIndices);
    if (wabtElements.equals(decoded.get())) {
      return Optional.of(FUNCREF_ELEMENTS_AS_INDICES);
    }
    // A module may show this quirk as well as one in code.
    for (WasmModule m : List.of(ours, wabtElements)) {
      if (ModuleRewrite.mapInstructions(m, shortBlockTypes(m.types())).equals(decoded.get())) {
        return Optional.of(BLOCK_TYPE_INDEX_SHORTENED);
      }
      if (ModuleRewrite.mapInstructions(m, WabtQuirks::untypedEmptySelect).equals(decoded.get())) {
        return Optional.of(EMPTY_SELECT_TYPES_DROPPED);
      }
    }
    return Optional.empty();
  }

  private static Optional<WasmModule> decode(byte[] bytes) {
    try {
      return Optional.of(ModuleDecoder.decode(bytes));
    } catch (MalformedException e) {
      return Optional.empty();
    }
  }

  private static UnaryOperator<Instruction> shortBlockTypes(List<SubType> types) {
    return i -> {
      if (i instanceof Instruction.Block b
          && b.type() instanceof BlockType.Indexed x
          && x.typeIndex() < types.size()
          && types.get(x.typeIndex()).composite() instanceof FuncType f
          && f.params().isEmpty()
          && f.results().size() <= 1) {
        return new Instruction.Block(
            b.opcode(), f.results().isEmpty() ? BlockType.EMPTY : BlockType.of(f.results().get(0)));
      }
      return i;
    };
  }

  private static ElementSegment funcrefAsIndices(ElementSegment s) {
    boolean indices =
        s.type().equals(RefType.FUNCREF)
            && s.items().stream()
                .allMatch(
                    x -> {
                      List<Instruction> code = InstructionReader.decodeAll(x);
                      return code.size() == 2
                          && code.get(0) instanceof Instruction.Indexed f
                          && f.opcode() == Opcode.REF_FUNC;
                    });
    return indices ? new ElementSegment(RefType.FUNC, s.items(), s.mode()) : s;
  }

  private static Instruction untypedEmptySelect(Instruction i) {
    return i instanceof Instruction.SelectTyped s && s.types().isEmpty()
        ? new Instruction.Plain(Opcode.SELECT)
        : i;
  }

  /** Returns {@code binary} with a data count section of 0 inserted before its code section. */
  private static byte[] withDataCountZero(byte[] binary) {
    int pos = 8;
    while (pos < binary.length) {
      int id = binary[pos] & 0xFF;
      if (id == 10 || id == 11) {
        break;
      }
      int size = 0;
      int shift = 0;
      int at = pos + 1;
      int b;
      do {
        b = binary[at++] & 0xFF;
        size |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      pos = at + size;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(binary, 0, pos);
    out.writeBytes(new byte[] {12, 1, 0});
    out.write(binary, pos, binary.length - pos);
    return out.toByteArray();
  }
}
