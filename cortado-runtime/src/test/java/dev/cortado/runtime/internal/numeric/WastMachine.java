package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny evaluator for the straight-line functions of the spec test scripts: it runs a function
 * body (folded or flat) of numeric, vector, variable and simple memory instructions on a value
 * stack. Functions with any other instruction (control flow, globals, tables, ...) are marked
 * unsupported with the reason, so the suite check can count what it could not map.
 */
final class WastMachine {
  /** Runs one instruction with its immediates. */
  @FunctionalInterface
  interface Exec {
    /** Runs on {@code frame}'s stack. */
    void run(Frame frame, List<String> immediates);
  }

  /** One instruction of a function body, resolved to its implementation. */
  record Instr(String name, List<String> immediates, Exec exec, int line) {}

  /** A function of a script module. */
  static final class Func {
    final List<ValType> params = new ArrayList<>();
    final List<ValType> results = new ArrayList<>();
    final List<ValType> locals = new ArrayList<>();
    final Map<String, Integer> localIds = new HashMap<>();
    final List<Instr> body = new ArrayList<>();
    String unsupported;
  }

  /** Thrown where a function turns out to need something this machine cannot do. */
  static final class Unrunnable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unrunnable(String why) {
      super(why, null, false, false);
    }
  }

  /** Thrown by {@code return} to leave the function with the values on the stack. */
  static final class Return extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Return() {
      super(null, null, false, false);
    }
  }

  /** A module of a script: its functions, globals, exports and memory. */
  static final class Instance {
    final List<Func> funcs = new ArrayList<>();
    final Map<String, Integer> funcIds = new HashMap<>();
    final List<WastValue> globals = new ArrayList<>();
    final Map<String, Integer> globalIds = new HashMap<>();
    final Map<String, Func> exports = new HashMap<>();
    byte[] memory = new byte[0];
    String unsupported;
  }

  /** The state of one function activation. */
  static final class Frame {
    final WastMachine machine;
    final Instance instance;
    final Func func;
    final WastValue[] locals;
    final List<WastValue> stack = new ArrayList<>();

    Frame(WastMachine machine, Instance instance, Func func, List<WastValue> args) {
      this.machine = machine;
      this.instance = instance;
      this.func = func;
      this.locals = new WastValue[func.params.size() + func.locals.size()];
      for (int i = 0; i < locals.length; i++) {
        locals[i] =
            i < args.size() ? args.get(i) : WastValue.zero(func.locals.get(i - args.size()));
      }
    }

    /** Pops the top of the stack. */
    WastValue pop() {
      return stack.remove(stack.size() - 1);
    }

    /** Pushes {@code v}. */
    void push(WastValue v) {
      stack.add(v);
    }

    /** Returns the local named by immediate {@code id} ({@code $x} or an index). */
    int local(String id) {
      return id.startsWith("$") ? func.localIds.get(id) : Integer.parseInt(id);
    }

    /** Returns the global named by immediate {@code id} ({@code $x} or an index). */
    int global(String id) {
      return id.startsWith("$") ? instance.globalIds.get(id) : Integer.parseInt(id);
    }

    /** Returns the function named by immediate {@code id} ({@code $f} or an index). */
    Func func(String id) {
      return funcOf(instance, id);
    }
  }

  private final InstructionTable table;

  WastMachine(InstructionTable table) {
    this.table = table;
  }

  /**
   * Calls {@code func} of {@code instance} with {@code args}; a trap propagates as {@link Trap}.
   */
  List<WastValue> call(Instance instance, Func func, List<WastValue> args) {
    if (func.unsupported != null) {
      throw new Unrunnable(func.unsupported);
    }
    Frame frame = new Frame(this, instance, func, args);
    try {
      for (Instr i : func.body) {
        i.exec().run(frame, i.immediates());
      }
    } catch (Return r) {
      frame.stack.subList(0, frame.stack.size() - func.results.size()).clear();
    }
    if (frame.stack.size() != func.results.size()) {
      throw new IllegalStateException(
          "stack holds " + frame.stack + " at the end, expected " + func.results);
    }
    return frame.stack;
  }

  // ---------------------------------------------------------------------------------------------
  // Loading a module

  /** Builds the instance a {@code (module ...)} command describes. */
  Instance instantiate(SExpr.Parens module) {
    Instance inst = new Instance();
    List<SExpr.Parens> funcs = new ArrayList<>();
    int pages = 0;
    List<SExpr.Parens> data = new ArrayList<>();
    for (SExpr item : module.items().subList(1, module.size())) {
      if (!(item instanceof SExpr.Parens p)) {
        if (item instanceof SExpr.Atom a && a.text().equals("binary")) {
          inst.unsupported = "binary module";
          return inst;
        }
        continue;
      }
      switch (p.head()) {
        case "func" -> funcs.add(p);
        case "memory" -> pages = memoryPages(p, data);
        case "data" -> data.add(p);
        case "global" -> defineGlobal(inst, p);
        case "import" -> inst.unsupported = "imports";
        default -> {}
      }
    }
    inst.memory = new byte[pages * 65536];
    for (SExpr.Parens d : data) {
      writeData(inst, d);
    }
    for (int i = 0; i < funcs.size(); i++) {
      Func f = new Func();
      inst.funcs.add(f);
      SExpr first = funcs.get(i).size() > 1 ? funcs.get(i).get(1) : null;
      if (first instanceof SExpr.Atom a && a.text().startsWith("$")) {
        inst.funcIds.put(a.text(), i);
      }
    }
    for (int i = 0; i < funcs.size(); i++) {
      defineFunc(inst, inst.funcs.get(i), funcs.get(i));
    }
    for (SExpr item : module.items()) {
      if (item instanceof SExpr.Parens p && p.head().equals("export")) {
        SExpr.Parens desc = (SExpr.Parens) p.get(2);
        if (desc.head().equals("func")) {
          inst.exports.put(((SExpr.Str) p.get(1)).text(), funcOf(inst, SExpr.atom(desc.get(1))));
        }
      }
    }
    return inst;
  }

  private static void defineGlobal(Instance inst, SExpr.Parens g) {
    SExpr init = g.get(g.size() - 1);
    if (g.get(1) instanceof SExpr.Atom a && a.text().startsWith("$")) {
      inst.globalIds.put(a.text(), inst.globals.size());
    }
    if (init instanceof SExpr.Parens c && c.head().endsWith(".const")) {
      List<String> atoms = c.items().subList(1, c.size()).stream().map(SExpr::atom).toList();
      inst.globals.add(WastValue.parseConst(c.head(), atoms));
    } else {
      inst.unsupported = "global initialised by " + init;
    }
  }

  private static int memoryPages(SExpr.Parens p, List<SExpr.Parens> data) {
    for (SExpr item : p.items().subList(1, p.size())) {
      if (item instanceof SExpr.Atom a && !a.text().startsWith("$")) {
        return (int) WastValue.parseInt(a.text());
      }
      if (item instanceof SExpr.Parens inline && inline.head().equals("data")) {
        data.add(inline);
        int bytes = 0;
        for (SExpr s : inline.items()) {
          bytes += s instanceof SExpr.Str str ? str.bytes().length : 0;
        }
        return (bytes + 65535) / 65536;
      }
    }
    return 0;
  }

  private static void writeData(Instance inst, SExpr.Parens d) {
    int offset = 0;
    for (SExpr item : d.items().subList(1, d.size())) {
      if (item instanceof SExpr.Parens p) {
        SExpr.Parens expr = p.head().equals("offset") ? (SExpr.Parens) p.get(1) : p;
        if (expr.head().equals("i32.const")) {
          offset = (int) WastValue.parseInt(SExpr.atom(expr.get(1)));
        }
      } else if (item instanceof SExpr.Str s) {
        System.arraycopy(s.bytes(), 0, inst.memory, offset, s.bytes().length);
        offset += s.bytes().length;
      }
    }
  }

  private static Func funcOf(Instance inst, String id) {
    return inst.funcs.get(id.startsWith("$") ? inst.funcIds.get(id) : Integer.parseInt(id));
  }

  private void defineFunc(Instance inst, Func f, SExpr.Parens def) {
    List<SExpr> code = new ArrayList<>();
    for (SExpr item : def.items().subList(1, def.size())) {
      if (item instanceof SExpr.Parens p) {
        switch (p.head()) {
          case "export" -> inst.exports.put(((SExpr.Str) p.get(1)).text(), f);
          case "type" -> {}
          case "import" -> f.unsupported = "imported function";
          case "param" -> declare(p, f.params, f, f.params.size());
          case "result" -> declare(p, f.results, null, 0);
          case "local" -> declare(p, f.locals, f, f.params.size() + f.locals.size());
          default -> code.add(p);
        }
      } else if (!(item instanceof SExpr.Atom a && a.text().startsWith("$") && code.isEmpty())) {
        code.add(item);
      }
    }
    try {
      flatten(code, f.body);
    } catch (UnsupportedOperationException e) {
      f.unsupported = e.getMessage();
    }
  }

  private static void declare(SExpr.Parens p, List<ValType> into, Func f, int index) {
    List<SExpr> items = p.items().subList(1, p.size());
    if (!items.isEmpty() && SExpr.atom(items.get(0)).startsWith("$")) {
      f.localIds.put(SExpr.atom(items.get(0)), index);
      into.add(WastValue.type(SExpr.atom(items.get(1))));
      return;
    }
    for (SExpr t : items) {
      into.add(WastValue.type(SExpr.atom(t)));
    }
  }

  /** Appends the instructions of {@code code} (folded or flat) in execution order. */
  private void flatten(List<SExpr> code, List<Instr> out) {
    for (int i = 0; i < code.size(); ) {
      SExpr e = code.get(i++);
      if (e instanceof SExpr.Parens p) {
        List<String> imms = new ArrayList<>();
        List<SExpr> operands = new ArrayList<>();
        for (SExpr item : p.items().subList(1, p.size())) {
          if (item instanceof SExpr.Parens) {
            operands.add(item);
          } else {
            imms.add(SExpr.atom(item));
          }
        }
        flatten(operands, out);
        out.add(resolve(p.head(), imms, p.line()));
      } else {
        String name = SExpr.atom(e);
        List<String> imms = new ArrayList<>();
        while (i < code.size() && code.get(i) instanceof SExpr.Atom a && isImmediate(a.text())) {
          imms.add(a.text());
          i++;
        }
        out.add(resolve(name, imms, e.line()));
      }
    }
  }

  /** Returns whether a flat-code atom is an immediate rather than the next instruction. */
  private static boolean isImmediate(String t) {
    char c = t.charAt(0);
    return c == '$'
        || c == '-'
        || c == '+'
        || Character.isDigit(c)
        || t.contains("=")
        || t.startsWith("nan")
        || t.equals("inf")
        || t.matches("[if](8|16|32|64)x[0-9]+");
  }

  private Instr resolve(String name, List<String> imms, int line) {
    Exec exec = table.lookup(name);
    if (exec == null) {
      throw new UnsupportedOperationException("instruction " + name);
    }
    return new Instr(name, List.copyOf(imms), exec, line);
  }

  /** Throws the trap for an access of {@code bytes} bytes at {@code address} outside memory. */
  static void checkBounds(Frame f, long address, int bytes) {
    if (address < 0 || address + bytes > f.instance.memory.length) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }
}
