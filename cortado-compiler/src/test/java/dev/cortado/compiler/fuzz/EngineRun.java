package dev.cortado.compiler.fuzz;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.ExhaustionException;
import dev.cortado.runtime.Extern;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Global;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Table;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs one module on one engine and records its {@link Outcome}: every exported function is called
 * with the same arguments on every engine, each call with the same fuel; imported functions are
 * host functions that log their arguments and return zeros.
 */
final class EngineRun {
  /** Fuel per call: far more than a binaryen fuzz function needs, little enough to end loops. */
  static final long FUEL_PER_CALL = 2_000_000;

  /** A backstop if fuel is not counted somewhere; hitting it makes the module inconclusive. */
  static final Duration TIMEOUT_PER_CALL = Duration.ofSeconds(20);

  /** binaryen's export that resets the hang limit its loops and calls count down. */
  static final String HANG_LIMIT_RESET = "hangLimitInitializer";

  private final Engine engine;
  private final WasmModule definition;
  private final CallArguments arguments;
  private final StoreConfig config;
  private final Outcome outcome = new Outcome();
  private String where = "instantiate";

  private EngineRun(
      Engine engine, WasmModule definition, CallArguments arguments, StoreConfig config) {
    this.engine = engine;
    this.definition = definition;
    this.arguments = arguments;
    this.config = config;
  }

  /**
   * Runs {@code definition} (already given exports for all its state: {@link Differential}) on
   * {@code engine}; {@code functions} are the exports to call, in order.
   */
  static Outcome run(
      Engine engine,
      WasmModule definition,
      List<String> functions,
      CallArguments arguments,
      StoreConfig config) {
    EngineRun run = new EngineRun(engine, definition, arguments, config);
    run.run(functions);
    return run.outcome;
  }

  private void run(List<String> functions) {
    Module module;
    try {
      module = Module.compile(engine, definition);
    } catch (RuntimeException | LinkageError e) {
      outcome.add(Event.of("compile", "-", describe(e)));
      return;
    }
    Store store = Store.create(engine, config);
    Linker linker = Linker.create();
    for (Import imp : definition.imports()) {
      if (!(imp.desc() instanceof ImportDesc.Func f)) {
        throw new IllegalArgumentException("only function imports are provided: " + imp);
      }
      FuncType type = (FuncType) definition.types().get(f.typeIndex()).composite();
      String name = imp.module() + "." + imp.name();
      linker.define(
          imp.module(),
          imp.name(),
          type,
          (caller, args, results) -> {
            List<WasmValue> values = new ArrayList<>(args.size());
            for (int i = 0; i < args.size(); i++) {
              values.add(args.get(i));
            }
            Event v = ValueText.of("log", where, values);
            outcome.add(
                new Event(
                    "log", where, name + "(" + v.strict() + ")", name + "(" + v.lenient() + ")"));
          });
    }
    Instance instance;
    outcome.startCall();
    budget(store);
    try {
      instance = linker.instantiate(store, module);
      outcome.add(Event.of("instantiate", where, "ok"));
    } catch (ExecutionInterruptedException e) {
      interrupted(e);
      return;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      outcome.add(Event.of("instantiate", where, describe(e)));
      return;
    }
    Func reset = instance.func(HANG_LIMIT_RESET).orElse(null);
    for (String name : functions) {
      Func func = instance.func(name).orElseThrow();
      int sets = func.type().params().isEmpty() ? 1 : CallArguments.SETS;
      for (int set = 0; set < sets; set++) {
        where = name;
        outcome.startCall();
        WasmValue[] args = arguments.of(name, set, func.type());
        outcome.add(ValueText.of("call", name, List.of(args)));
        budget(store);
        if (reset != null && func != reset && !call(reset, new WasmValue[0], "reset")) {
          return;
        }
        if (!call(func, args, "result")) {
          return;
        }
        globals(instance, "global");
      }
    }
    where = "final";
    finalState(instance);
  }

  /**
   * Calls {@code func}, recording its results or trap; false if a deadline stopped it, after which
   * nothing more is comparable.
   */
  private boolean call(Func func, WasmValue[] args, String kind) {
    try {
      outcome.add(ValueText.of(kind, where, func.call(args)));
    } catch (ExecutionInterruptedException e) {
      return interrupted(e);
    } catch (ExhaustionException e) {
      outcome.add(Event.of("exhausted", where, e.kind().name()));
    } catch (Trap e) {
      outcome.add(Event.of("trap", where, e.kind().name()));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      outcome.add(Event.of("error", where, describe(e)));
    }
    return true;
  }

  /**
   * Records an interruption. Fuel is deterministic (spent at loop back edges and calls, the same on
   * every engine), so running out of it is an outcome like a trap and the run goes on; a deadline
   * depends on speed, so it ends what can be compared.
   */
  private boolean interrupted(ExecutionInterruptedException e) {
    if (e.reason() == ExecutionInterruptedException.Reason.OUT_OF_FUEL) {
      outcome.add(Event.of("fuel", where, e.reason().text()));
      return true;
    }
    outcome.add(Event.of("interrupted", where, e.reason().text()));
    outcome.interrupted();
    return false;
  }

  private static void budget(Store store) {
    store.setFuel(FUEL_PER_CALL);
    store.setTimeout(TIMEOUT_PER_CALL);
  }

  private void globals(Instance instance, String kind) {
    for (Export e : definition.exports()) {
      if (e.kind() == ExternKind.GLOBAL) {
        Global g = instance.global(e.name()).orElseThrow();
        outcome.add(ValueText.of(kind, where, List.of(g.get())));
      }
    }
  }

  private void finalState(Instance instance) {
    globals(instance, "global");
    for (Export e : definition.exports()) {
      Extern extern = instance.export(e.name()).orElseThrow();
      if (extern instanceof Memory m) {
        outcome.add(Event.of("memory", where, e.name() + " " + digest(m)));
      } else if (extern instanceof Table t) {
        List<WasmValue> elements = new ArrayList<>();
        for (int i = 0; i < Math.min(t.size(), 10_000); i++) {
          elements.add(t.get(i));
        }
        Event v = ValueText.of("table", where, elements);
        String head = e.name() + " size=" + t.size() + ": ";
        outcome.add(new Event("table", where, head + v.strict(), head + v.lenient()));
      }
    }
  }

  private static String digest(Memory memory) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    byte[] chunk = new byte[1 << 16];
    for (long at = 0; at < memory.size(); at += chunk.length) {
      int n = (int) Math.min(chunk.length, memory.size() - at);
      memory.read(at, chunk, 0, n);
      sha.update(chunk, 0, n);
    }
    return "pages=" + memory.pages() + " sha256=" + HexFormat.of().formatHex(sha.digest());
  }

  private static String describe(Throwable e) {
    if (e instanceof Trap t) {
      return "trap " + t.kind().name();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }
}
