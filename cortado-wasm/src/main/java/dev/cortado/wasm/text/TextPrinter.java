package dev.cortado.wasm.text;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.Tag;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a module in the text format: one field per line, function bodies as indented plain
 * instructions, each definition followed by its index in a comment.
 *
 * <p>Functions and locals get identifiers from the module's {@code name} section where it has
 * usable ones, else they are referred to by index. Reading the output back with {@link
 * TextParser#parseModule} gives an equal module, except for what the text format cannot say: the
 * {@code name} section is left out (its names become identifiers), and a data count section is
 * written back only when code uses a data segment index. Other custom sections are written as
 * {@code (@custom ...)} annotations with their placement.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html">Modules</a>
 */
public final class TextPrinter {
  private final WasmModule module;
  private final PrintNames names;
  private final CodePrinter code;
  private final StringBuilder out = new StringBuilder();

  private TextPrinter(WasmModule module) {
    this.module = module;
    this.names = new PrintNames(module.names(), module.functionCount());
    this.code = new CodePrinter(names);
  }

  /**
   * Returns {@code module} in the text format.
   *
   * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#modules">Modules</a>
   */
  public static String print(WasmModule module) {
    return new TextPrinter(Objects.requireNonNull(module, "module")).print();
  }

  private String print() {
    out.append("(module\n");
    types();
    imports();
    functions();
    int table = module.importedTableCount();
    for (int i = 0; i < module.tables().size(); i++) {
      String init = module.tableInit(i).map(e -> " " + code.inline(e)).orElse("");
      line("(table " + comment(table++) + tableType(module.tables().get(i)) + init + ")");
    }
    int memory = module.importedMemoryCount();
    for (var m : module.memories()) {
      line("(memory " + comment(memory++) + memoryType(m) + ")");
    }
    int tag = module.importedTagCount();
    for (Tag t : module.tags()) {
      line("(tag " + comment(tag++) + typeUse(t.typeIndex()) + ")");
    }
    int global = module.importedGlobalCount();
    for (Global g : module.globals()) {
      line(
          "(global "
              + comment(global++)
              + globalType(g.type())
              + " "
              + code.inline(g.init())
              + ")");
    }
    for (Export e : module.exports()) {
      String index =
          switch (e.kind()) {
            case FUNC -> names.function(e.index());
            default -> CodePrinter.index(e.index());
          };
      line("(export " + LiteralText.string(e.name()) + " (" + e.kind().text() + " " + index + "))");
    }
    module.start().ifPresent(s -> line("(start " + names.function(s) + ")"));
    int elem = 0;
    for (ElementSegment e : module.elements()) {
      line("(elem " + comment(elem++) + element(e) + ")");
    }
    int data = 0;
    for (DataSegment d : module.datas()) {
      line("(data " + comment(data++) + data(d) + ")");
    }
    for (CustomSection c : module.customSections()) {
      // The name section is read into the identifiers above.
      if (!c.name().equals("name")) {
        line(
            "(@custom "
                + LiteralText.string(c.name())
                + " "
                + Annotations.placement(c.after())
                + " "
                + LiteralText.string(c.contents().toArray())
                + ")");
      }
    }
    return out.append(")\n").toString();
  }

  private void line(String s) {
    out.append("  ").append(s).append('\n');
  }

  private static String comment(int index) {
    return "(;" + index + ";) ";
  }

  private void types() {
    int index = 0;
    for (RecGroup g : module.recGroups()) {
      if (g.types().size() == 1) {
        line("(type " + comment(index++) + subType(g.types().get(0)) + ")");
        continue;
      }
      List<String> types = new ArrayList<>();
      for (SubType t : g.types()) {
        types.add("(type " + comment(index++) + subType(t) + ")");
      }
      line("(rec " + String.join(" ", types) + ")");
    }
  }

  private static String subType(SubType t) {
    String func =
        switch (t.composite()) {
          case FuncType f -> "(func" + signature(f) + ")";
          case StructType st -> st.toString();
          case ArrayType a -> a.toString();
        };
    if (t.isFinal() && t.supertypes().isEmpty()) {
      return func;
    }
    String supers =
        t.supertypes().stream().map(s -> " " + CodePrinter.index(s)).collect(Collectors.joining());
    return "(sub" + (t.isFinal() ? " final" : "") + supers + " " + func + ")";
  }

  private static String signature(FuncType f) {
    return (f.params().isEmpty() ? "" : " (param" + types(f.params()) + ")")
        + (f.results().isEmpty() ? "" : " " + CodePrinter.results(f.results()));
  }

  private static String types(List<ValType> types) {
    return types.stream().map(t -> " " + t.text()).collect(Collectors.joining());
  }

  private Optional<FuncType> funcType(int typeIndex) {
    return typeIndex >= 0
            && typeIndex < module.types().size()
            && module.types().get(typeIndex).composite() instanceof FuncType f
        ? Optional.of(f)
        : Optional.empty();
  }

  /** Returns {@code (type n)} followed by the signature the type has, as a reminder. */
  private String typeUse(int typeIndex) {
    return "(type "
        + CodePrinter.index(typeIndex)
        + ")"
        + funcType(typeIndex).map(TextPrinter::signature).orElse("");
  }

  private void imports() {
    int[] counts = new int[ExternKind.values().length];
    for (Import i : module.imports()) {
      int index = counts[i.kind().ordinal()]++;
      String desc =
          switch (i.desc()) {
            case ImportDesc.Func f ->
                "func "
                    + names.functionId(index).map(n -> n + " ").orElse("")
                    + comment(index)
                    + typeUse(f.typeIndex());
            case ImportDesc.Table t -> "table " + comment(index) + tableType(t.type());
            case ImportDesc.Memory m -> "memory " + comment(index) + memoryType(m.type());
            case ImportDesc.Global g -> "global " + comment(index) + globalType(g.type());
            case ImportDesc.Tag tg -> "tag " + comment(index) + typeUse(tg.typeIndex());
          };
      line(
          "(import "
              + LiteralText.string(i.module())
              + " "
              + LiteralText.string(i.name())
              + " ("
              + desc
              + "))");
    }
  }

  private void functions() {
    int index = module.importedFunctionCount();
    for (Function f : module.functions()) {
      function(f, index++);
    }
  }

  private void function(Function f, int index) {
    StringBuilder head = new StringBuilder("(func ");
    names.functionId(index).ifPresent(n -> head.append(n).append(' '));
    head.append(comment(index)).append("(type ").append(CodePrinter.index(f.typeIndex()));
    head.append(')');
    Optional<FuncType> type = funcType(f.typeIndex());
    int params = type.map(t -> t.params().size()).orElse(0);
    type.ifPresent(t -> head.append(declarations("param", t.params(), 0, index)));
    type.filter(t -> !t.results().isEmpty())
        .ifPresent(t -> head.append(' ').append(CodePrinter.results(t.results())));
    line(head.toString());
    if (!f.locals().isEmpty()) {
      line("  " + declarations("local", f.locals(), params, index).substring(1));
    }
    code.body(out, f.body(), index, "    ");
    line(")");
  }

  /**
   * Returns {@code (param t*)} or {@code (local t*)} declarations, one per named entry and grouped
   * otherwise; {@code first} is the local index of the first type.
   */
  private String declarations(String keyword, List<ValType> types, int first, int function) {
    StringBuilder b = new StringBuilder();
    List<ValType> group = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      Optional<String> id = names.localId(function, first + i);
      if (id.isPresent()) {
        flush(b, keyword, group);
        b.append(" (").append(keyword).append(' ').append(id.get()).append(' ');
        b.append(types.get(i).text()).append(')');
      } else {
        group.add(types.get(i));
      }
    }
    flush(b, keyword, group);
    return b.toString();
  }

  private static void flush(StringBuilder b, String keyword, List<ValType> group) {
    if (!group.isEmpty()) {
      b.append(" (").append(keyword).append(types(group)).append(')');
      group.clear();
    }
  }

  private static String limits(Limits l) {
    return l.toString();
  }

  private static String addressType(AddressType at) {
    return at == AddressType.I32 ? "" : at.text() + " ";
  }

  private static String memoryType(MemoryType m) {
    String pageSize =
        m.pageSizeLog2() == MemoryType.DEFAULT_PAGE_SIZE_LOG2
            ? ""
            : " (pagesize " + Long.toUnsignedString(m.pageSize()) + ")";
    return addressType(m.addressType())
        + limits(m.limits())
        + (m.shared() ? " shared" : "")
        + pageSize;
  }

  private static String tableType(TableType t) {
    return addressType(t.addressType()) + limits(t.limits()) + " " + t.elementType().text();
  }

  private static String globalType(GlobalType t) {
    return t.mutable() ? "(mut " + t.valueType().text() + ")" : t.valueType().text();
  }

  private String element(ElementSegment e) {
    String mode =
        switch (e.mode()) {
          case ElementSegment.Mode.Passive p -> "";
          case ElementSegment.Mode.Declarative d -> "declare ";
          case ElementSegment.Mode.Active a -> active("table", a.tableIndex(), a.offset());
        };
    Optional<List<Integer>> functions = functionIndices(e);
    if (functions.isPresent()) {
      return mode
          + "func"
          + functions.get().stream()
              .map(f -> " " + names.function(f))
              .collect(Collectors.joining());
    }
    return mode
        + e.type().text()
        + e.items().stream()
            .map(x -> " (item " + code.inline(x) + ")")
            .collect(Collectors.joining());
  }

  /** Returns the functions of a {@code (ref func)} segment whose items are all {@code ref.func}. */
  private static Optional<List<Integer>> functionIndices(ElementSegment e) {
    if (!e.type().equals(RefType.FUNC)) {
      return Optional.empty();
    }
    List<Integer> functions = new ArrayList<>();
    for (Expression item : e.items()) {
      List<Instruction> code = InstructionReader.decodeAll(item);
      if (code.size() != 2
          || !(code.get(0) instanceof Instruction.Indexed x)
          || x.opcode() != Opcode.REF_FUNC) {
        return Optional.empty();
      }
      functions.add(x.index());
    }
    return Optional.of(functions);
  }

  /** Returns where an active segment goes: {@code (table n)?} or {@code (memory n)?}, offset. */
  private String active(String kind, int index, Expression offset) {
    return (index == 0 ? "" : "(" + kind + " " + CodePrinter.index(index) + ") ")
        + "(offset "
        + code.inline(offset)
        + ") ";
  }

  private String data(DataSegment d) {
    String mode =
        switch (d.mode()) {
          case DataSegment.Mode.Passive p -> "";
          case DataSegment.Mode.Active a -> active("memory", a.memoryIndex(), a.offset());
        };
    return mode + LiteralText.string(d.init().toArray());
  }
}
