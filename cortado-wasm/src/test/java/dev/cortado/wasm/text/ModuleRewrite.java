package dev.cortado.wasm.text;

import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.binary.InstructionWriter;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds modules with some parts changed, for comparisons that must ignore those parts. */
final class ModuleRewrite {
  private ModuleRewrite() {}

  /** Returns {@code m} with {@code change} applied to every instruction of every expression. */
  static WasmModule mapInstructions(WasmModule m, UnaryOperator<Instruction> change) {
    return mapExpressions(m, x -> reencode(x, change));
  }

  /** Returns {@code m} with {@code e} applied to every expression. */
  static WasmModule mapExpressions(WasmModule m, UnaryOperator<Expression> e) {
    return rebuild(m, e, UnaryOperator.identity());
  }

  /** Returns {@code m} with {@code change} applied to every element segment. */
  static WasmModule mapElements(WasmModule m, UnaryOperator<ElementSegment> change) {
    return rebuild(m, UnaryOperator.identity(), change);
  }

  private static WasmModule rebuild(
      WasmModule m, UnaryOperator<Expression> e, UnaryOperator<ElementSegment> elements) {
    WasmModule.Builder b = WasmModule.builder();
    m.recGroups().forEach(b::addRecGroup);
    m.imports().forEach(b::addImport);
    m.functions()
        .forEach(f -> b.addFunction(new Function(f.typeIndex(), f.locals(), e.apply(f.body()))));
    m.tables().forEach(b::addTable);
    m.memories().forEach(b::addMemory);
    m.globals().forEach(g -> b.addGlobal(new Global(g.type(), e.apply(g.init()))));
    m.exports().forEach(b::addExport);
    m.start().ifPresent(b::start);
    for (ElementSegment s : m.elements()) {
      ElementSegment.Mode mode =
          s.mode() instanceof ElementSegment.Mode.Active a
              ? new ElementSegment.Mode.Active(a.tableIndex(), e.apply(a.offset()))
              : s.mode();
      b.addElement(
          elements.apply(new ElementSegment(s.type(), s.items().stream().map(e).toList(), mode)));
    }
    for (DataSegment d : m.datas()) {
      DataSegment.Mode mode =
          d.mode() instanceof DataSegment.Mode.Active a
              ? new DataSegment.Mode.Active(a.memoryIndex(), e.apply(a.offset()))
              : d.mode();
      b.addData(new DataSegment(d.init(), mode));
    }
    m.dataCount().ifPresent(b::dataCount);
    m.customSections().forEach(b::addCustomSection);
    return b.names(m.names()).build();
  }

  /**
   * Returns {@code m} as the text format can say it: without the name section and names, without a
   * data count section unless code uses a data index (the parser's rule), and with code in the
   * shortest encoding: the text format has no way to write a padded LEB128 number, and the parser
   * writes no {@code else} for an empty else branch.
   */
  static WasmModule textExpressible(WasmModule m) {
    WasmModule canonical = mapExpressions(m, ModuleRewrite::shortest);
    WasmModule.Builder b = WasmModule.builder();
    canonical.recGroups().forEach(b::addRecGroup);
    canonical.imports().forEach(b::addImport);
    canonical.functions().forEach(b::addFunction);
    canonical.tables().forEach(b::addTable);
    canonical.memories().forEach(b::addMemory);
    canonical.globals().forEach(b::addGlobal);
    canonical.exports().forEach(b::addExport);
    canonical.start().ifPresent(b::start);
    canonical.elements().forEach(b::addElement);
    canonical.datas().forEach(b::addData);
    boolean codeUsesDataIndex =
        m.functions().stream()
            .flatMap(f -> InstructionReader.decodeAll(f.body()).stream())
            .anyMatch(i -> i.opcode() == Opcode.MEMORY_INIT || i.opcode() == Opcode.DATA_DROP);
    if (codeUsesDataIndex) {
      b.dataCount(m.datas().size());
    }
    m.customSections().stream().filter(c -> !c.name().equals("name")).forEach(b::addCustomSection);
    return b.build();
  }

  private static Expression shortest(Expression e) {
    List<Instruction> code = InstructionReader.decodeAll(e);
    InstructionWriter w = InstructionWriter.create();
    for (int i = 0; i < code.size() - 1; i++) {
      boolean emptyElse =
          code.get(i).opcode() == Opcode.ELSE && code.get(i + 1).opcode() == Opcode.END;
      if (!emptyElse) {
        w.write(code.get(i));
      }
    }
    return w.end();
  }

  private static Expression reencode(Expression e, UnaryOperator<Instruction> change) {
    List<Instruction> code = InstructionReader.decodeAll(e);
    InstructionWriter w = InstructionWriter.create();
    for (Instruction i : code.subList(0, code.size() - 1)) {
      w.write(change.apply(i));
    }
    return w.end();
  }
}
