package dev.cortado.wasm.text;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Says where two modules first differ, part by part, with code shown as instructions. */
final class ModuleDiff {
  private ModuleDiff() {}

  /** Returns a description of the first difference between {@code a} and {@code b}, if any. */
  static Optional<String> firstDifference(WasmModule a, WasmModule b) {
    return list("type", a.types(), b.types())
        .or(() -> list("import", a.imports(), b.imports()))
        .or(() -> functions(a.functions(), b.functions()))
        .or(() -> list("table", a.tables(), b.tables()))
        .or(() -> list("memory", a.memories(), b.memories()))
        .or(() -> list("global", a.globals(), b.globals()))
        .or(() -> list("export", a.exports(), b.exports()))
        .or(() -> value("start", a.start(), b.start()))
        .or(() -> list("element segment", a.elements(), b.elements()))
        .or(() -> list("data segment", a.datas(), b.datas()))
        .or(() -> value("data count", a.dataCount(), b.dataCount()))
        .or(() -> list("custom section", a.customSections(), b.customSections()))
        .or(() -> value("names", a.names(), b.names()));
  }

  private static Optional<String> value(String what, Object a, Object b) {
    return Objects.equals(a, b) ? Optional.empty() : Optional.of(what + ": " + a + " vs " + b);
  }

  private static <T> Optional<String> list(String what, List<T> a, List<T> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return Optional.of(what + " " + i + ": " + a.get(i) + " vs " + b.get(i));
      }
    }
    return a.size() == b.size()
        ? Optional.empty()
        : Optional.of(what + " count: " + a.size() + " vs " + b.size());
  }

  private static Optional<String> functions(List<Function> a, List<Function> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Function f = a.get(i);
      Function g = b.get(i);
      if (f.typeIndex() != g.typeIndex()) {
        return Optional.of("function " + i + " type: " + f.typeIndex() + " vs " + g.typeIndex());
      }
      if (!f.locals().equals(g.locals())) {
        return Optional.of("function " + i + " locals: " + f.locals() + " vs " + g.locals());
      }
      Optional<String> body = code(f.body(), g.body());
      if (body.isPresent()) {
        return Optional.of("function " + i + " body: " + body.get());
      }
    }
    return a.size() == b.size()
        ? Optional.empty()
        : Optional.of("function count: " + a.size() + " vs " + b.size());
  }

  /** Returns the first differing instruction of two expressions, if they differ. */
  static Optional<String> code(Expression a, Expression b) {
    if (a.equals(b)) {
      return Optional.empty();
    }
    List<Instruction> x = InstructionReader.decodeAll(a);
    List<Instruction> y = InstructionReader.decodeAll(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      if (!x.get(i).equals(y.get(i))) {
        return Optional.of("instruction " + i + ": " + x.get(i) + " vs " + y.get(i));
      }
    }
    return Optional.of(
        x.size() == y.size()
            ? "same instructions in different encodings"
            : "instruction count " + x.size() + " vs " + y.size());
  }
}
