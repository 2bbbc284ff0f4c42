package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.ExhaustionException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.InstantiationException;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.runtime.UnlinkableException;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.text.Action;
import dev.cortado.wasm.text.Command;
import dev.cortado.wasm.text.ExpectedResult;
import dev.cortado.wasm.text.ModuleSource;
import dev.cortado.wasm.text.Script;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.WastValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs .wast scripts against an {@link Engine}: every command is checked, module definitions
 * included, and counted as passed, failed, or skipped (failed as the expected-failure list says).
 *
 * <pre>{@code
 * FileResult r = WastRunner.create(Engine.create()).run(Path.of("i32.wast"));
 * }</pre>
 */
public final class WastRunner {
  /** How long one command may run before it counts as hanging. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Engine engine;
  private final ExpectedFailures expected;

  private WastRunner(Engine engine, ExpectedFailures expected) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /** Returns a runner using {@code engine}, with no expected failures. */
  public static WastRunner create(Engine engine) {
    return new WastRunner(engine, ExpectedFailures.none());
  }

  /** Returns this runner with {@code expected} as its expected-failure list. */
  public WastRunner withExpectedFailures(ExpectedFailures expected) {
    return new WastRunner(engine, expected);
  }

  /**
   * Runs the script in {@code file}. A script that does not parse is one failure, at the line and
   * column where parsing stopped.
   *
   * @throws IOException if the file cannot be read
   */
  public FileResult run(Path file) throws IOException {
    String name = file.getFileName().toString();
    return run(Files.readString(file, StandardCharsets.UTF_8), name);
  }

  /**
   * Runs a script given as text; {@code name} names it in results (for example the file name). A
   * script that does not parse is one failure, at the line and column where parsing stopped.
   */
  public FileResult run(String text, String name) {
    Script script;
    try {
      script = TextParser.parseScript(text, name);
    } catch (MalformedException e) {
      return unparsed(name, e);
    }
    return new Run(name).execute(script);
  }

  /** The result of a script that does not parse: one failure, or one skip if the list says so. */
  private FileResult unparsed(String name, MalformedException e) {
    if (expected.scriptReason(name).isPresent()) {
      return new FileResult(name, 0, 0, 1, List.of());
    }
    Failure f =
        new Failure(
            name,
            e.line().orElse(0),
            e.column().orElse(0),
            "script",
            "does not parse: " + e.problem());
    return new FileResult(name, 0, 1, 0, List.of(f));
  }

  /** A host object standing for {@code ref.extern N}, identified by N. */
  private record ExternToken(int payload) {}

  /** The state of one script's run. */
  private final class Run {
    private final String file;
    private final Store store = Store.create(engine);
    private final Linker linker = Linker.create();
    private final Map<String, Instance> named = new HashMap<>();
    private final Map<String, Module> definitions = new HashMap<>();
    private Instance current;
    private Module lastDefinition;
    private int passed;
    private int failed;
    private int skipped;
    private final List<Failure> failures = new ArrayList<>();

    Run(String file) {
      this.file = file;
      SpecTestHost.define(linker, store);
    }

    FileResult execute(Script script) {
      Optional<String> scriptFails = expected.scriptReason(file);
      boolean anyProblem = false;
      for (Command c : script.commands()) {
        store.setTimeout(COMMAND_TIMEOUT);
        Optional<String> problem;
        try {
          problem = check(c);
        } catch (ScriptError e) {
          problem = Optional.of("script error: " + e.getMessage());
        } catch (WasmException | IllegalArgumentException | IllegalStateException e) {
          problem =
              Optional.of("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
          problem = Optional.of("crashed: " + e);
        }
        anyProblem |= problem.isPresent();
        String location = file + ":" + c.line();
        Optional<String> knownFailure = expected.reason(location);
        if (problem.isEmpty()) {
          if (knownFailure.isPresent()) {
            fail(c, "passes, but the expected-failure list says it fails: remove it from the list");
          } else {
            passed++;
          }
        } else if (knownFailure.isPresent() || scriptFails.isPresent()) {
          skipped++;
        } else {
          fail(c, problem.get());
        }
      }
      if (scriptFails.isPresent() && !anyProblem) {
        failed++;
        failures.add(
            new Failure(
                file,
                0,
                0,
                "script",
                "passes completely, but the expected-failure list says it fails ("
                    + scriptFails.get()
                    + "): remove it from the list"));
      }
      return new FileResult(file, passed, failed, skipped, failures);
    }

    private void fail(Command c, String message) {
      failed++;
      failures.add(Failure.ofCommand(file, c.line(), commandName(c), message));
    }

    /** Runs a command; returns what went wrong, or empty if it did what it asserts. */
    private Optional<String> check(Command c) {
      return switch (c) {
        case Command.DefineModule d -> {
          Module m = define(d.module());
          Instance i = linker.instantiate(store, m);
          current = i;
          d.module().id().ifPresent(id -> named.put(id, i));
          yield Optional.empty();
        }
        case Command.ModuleDefinition d -> {
          define(d.module());
          yield Optional.empty();
        }
        case Command.ModuleInstance mi -> {
          Instance i = linker.instantiate(store, definition(mi.definitionId()));
          current = i;
          mi.instanceId().ifPresent(id -> named.put(id, i));
          yield Optional.empty();
        }
        case Command.Register r -> {
          linker.define(r.name(), instance(r.moduleId()));
          yield Optional.empty();
        }
        case Command.Perform p -> {
          perform(p.action());
          yield Optional.empty();
        }
        case Command.AssertReturn a -> assertReturn(a);
        case Command.AssertTrap a -> expectTrap(() -> perform(a.action()), a.message(), false);
        case Command.AssertExhaustion a -> expectTrap(() -> perform(a.action()), a.message(), true);
        case Command.AssertException a -> expectException(a.action());
        case Command.AssertModuleTrap a ->
            expectTrap(() -> instantiate(a.module()), a.message(), false);
        case Command.AssertUninstantiable a ->
            expectTrap(() -> instantiate(a.module()), a.message(), false);
        case Command.AssertInvalid a ->
            expectFailure(a.module(), InvalidException.class, a.message());
        case Command.AssertMalformed a ->
            expectFailure(a.module(), MalformedException.class, a.message());
        case Command.AssertUnlinkable a ->
            expectFailure(a.module(), UnlinkableException.class, a.message());
        case Command.AssertCustom a ->
            expectFailure(
                a.module(),
                a.invalid() ? InvalidException.class : MalformedException.class,
                a.message());
      };
    }

    private Instance instantiate(ModuleSource source) {
      Module module = Module.compile(engine, source.module(engine.config().wasmVersion()));
      return linker.instantiate(store, module);
    }

    /**
     * Compiles a module and records it as a definition (under its identifier, and as the last one),
     * as the reference interpreter does for every module, instantiated or not.
     */
    private Module define(ModuleSource source) {
      Module m = Module.compile(engine, source.module(engine.config().wasmVersion()));
      source.id().ifPresent(id -> definitions.put(id, m));
      lastDefinition = m;
      return m;
    }

    private Module definition(Optional<String> id) {
      return lookup(definitions, id, lastDefinition, "module definition");
    }

    private Instance instance(Optional<String> id) {
      return lookup(named, id, current, "module");
    }

    /** A command that refers to a module or instance the script has not defined. */
    private static final class ScriptError extends RuntimeException {
      ScriptError(String message) {
        super(message, null, false, false);
      }
    }

    /** Returns the {@code what} named {@code id}, or {@code last} when there is no name. */
    private static <T> T lookup(Map<String, T> byName, Optional<String> id, T last, String what) {
      if (id.isPresent()) {
        T found = byName.get(id.get());
        if (found == null) {
          throw new ScriptError("no " + what + " named " + id.get());
        }
        return found;
      }
      if (last == null) {
        throw new ScriptError("no module defined yet");
      }
      return last;
    }

    private List<WasmValue> perform(Action action) {
      Instance instance = instance(action.moduleId());
      return switch (action) {
        case Action.Invoke invoke -> {
          Func f =
              instance
                  .func(invoke.name())
                  .orElseThrow(() -> new ScriptError("no exported function " + invoke.name()));
          List<ValType> params = f.type().params();
          WasmValue[] args = new WasmValue[invoke.args().size()];
          for (int i = 0; i < args.length; i++) {
            args[i] = toRuntime(invoke.args().get(i), i < params.size() ? params.get(i) : null);
          }
          yield f.call(args);
        }
        case Action.Get get ->
            List.of(
                instance
                    .global(get.name())
                    .orElseThrow(() -> new ScriptError("no exported global " + get.name()))
                    .get());
      };
    }

    private Optional<String> assertReturn(Command.AssertReturn a) {
      List<WasmValue> results = perform(a.action());
      List<ExpectedResult> expectedResults = a.expected();
      if (results.size() != expectedResults.size()) {
        return Optional.of(
            "expected "
                + expectedResults.size()
                + " results, got "
                + results.size()
                + ": "
                + results);
      }
      for (int i = 0; i < results.size(); i++) {
        WastValue actual = toWast(results.get(i));
        if (!expectedResults.get(i).matches(actual)) {
          return Optional.of(
              "result " + i + ": expected " + expectedResults.get(i) + ", got " + actual);
        }
      }
      return Optional.empty();
    }

    private Optional<String> expectException(Action action) {
      try {
        perform(action);
      } catch (UncaughtException e) {
        return Optional.empty();
      } catch (Trap e) {
        return Optional.of("expected an exception, got a trap: " + e.getMessage());
      }
      return Optional.of("expected an exception, but it completed");
    }

    private Optional<String> expectTrap(Runnable r, String message, boolean exhaustion) {
      try {
        r.run();
      } catch (Trap t) {
        if (exhaustion != (t instanceof ExhaustionException)) {
          return Optional.of(
              "expected " + (exhaustion ? "exhaustion" : "a trap") + ", got " + t.getMessage());
        }
        // The reference interpreter adds details (an element index) after the kind's message.
        if (!t.problem().startsWith(message) && !message.startsWith(t.kind().message())) {
          return Optional.of("expected trap \"" + message + "\", got \"" + t.problem() + "\"");
        }
        return Optional.empty();
      } catch (ExecutionInterruptedException e) {
        return Optional.of("timed out: " + e.getMessage());
      }
      return Optional.of("expected trap \"" + message + "\", but it completed");
    }

    private Optional<String> expectFailure(
        ModuleSource source, Class<? extends WasmException> kind, String message) {
      try {
        if (kind == UnlinkableException.class) {
          instantiate(source);
        } else {
          Module.compile(engine, source.module(engine.config().wasmVersion()));
        }
      } catch (MalformedException | InvalidException | UnlinkableException e) {
        if (!kind.isInstance(e)) {
          return Optional.of(
              "expected " + kind.getSimpleName() + " (\"" + message + "\"), got " + e.getMessage());
        }
        return Optional.empty();
      } catch (InstantiationException | Trap e) {
        return Optional.of("expected " + kind.getSimpleName() + ", got " + e.getMessage());
      }
      return Optional.of(
          "expected " + kind.getSimpleName() + " (\"" + message + "\"), but it succeeded");
    }

    /** Returns {@code v} as a value of {@code type} (null: unknown). */
    private WasmValue toRuntime(WastValue v, ValType type) {
      return switch (v) {
        case WastValue.I32 x -> WasmValue.i32(x.value());
        case WastValue.I64 x -> WasmValue.i64(x.value());
        case WastValue.F32 x -> new WasmValue.F32(x.bits());
        case WastValue.F64 x -> new WasmValue.F64(x.bits());
        case WastValue.Vector x -> WasmValue.v128(x.value());
        case WastValue.RefNull x -> WasmValue.nullRef(RefType.nullable(x.type()));
        case WastValue.RefExtern x ->
            // (ref.host n) passed as an anyref: a host object in the any hierarchy.
            type instanceof RefType r
                    && r.heapType() instanceof HeapType.Abstract a
                    && a.top() == HeapType.Abstract.ANY
                ? new WasmValue.AnyRef(Optional.of(new ExternToken(x.payload())))
                : WasmValue.externRef(new ExternToken(x.payload()));
        case WastValue.RefExn x ->
            throw new IllegalArgumentException("scripts cannot pass exception references");
        case WastValue.RefObject x ->
            throw new IllegalArgumentException("scripts cannot pass WebAssembly objects");
        case WastValue.RefFunc x ->
            throw new IllegalArgumentException("ref.func arguments are not supported");
      };
    }

    private WastValue toWast(WasmValue v) {
      return switch (v) {
        case WasmValue.I32 x -> new WastValue.I32(x.value());
        case WasmValue.I64 x -> new WastValue.I64(x.value());
        case WasmValue.F32 x -> new WastValue.F32(x.bits());
        case WasmValue.F64 x -> new WastValue.F64(x.bits());
        case WasmValue.Vec x -> new WastValue.Vector(x.value());
        case WasmValue.FuncRef x ->
            x.func().isEmpty()
                ? new WastValue.RefNull(HeapType.Abstract.FUNC)
                : new WastValue.RefFunc(-1);
        case WasmValue.ExternRef x ->
            x.value().isEmpty()
                ? new WastValue.RefNull(HeapType.Abstract.EXTERN)
                : new WastValue.RefExtern(
                    x.value().get() instanceof ExternToken t ? t.payload() : -1);
        case WasmValue.AnyRef x ->
            switch (x.kind()) {
              case NONE -> new WastValue.RefNull(HeapType.Abstract.ANY);
              case I31, STRUCT, ARRAY -> new WastValue.RefObject(x.kind());
              default ->
                  new WastValue.RefExtern(
                      x.value().get() instanceof ExternToken t ? t.payload() : -1);
            };
        case WasmValue.ExnRef x ->
            x.exception().isPresent()
                ? new WastValue.RefExn()
                : new WastValue.RefNull(HeapType.Abstract.EXN);
      };
    }
  }

  private static String commandName(Command c) {
    return switch (c) {
      case Command.DefineModule d -> "module";
      case Command.ModuleDefinition d -> "module definition";
      case Command.ModuleInstance i -> "module instance";
      case Command.Register r -> "register";
      case Command.Perform p -> p.action() instanceof Action.Get ? "get" : "invoke";
      case Command.AssertReturn a -> "assert_return";
      case Command.AssertTrap a -> "assert_trap";
      case Command.AssertModuleTrap a -> "assert_trap";
      case Command.AssertExhaustion a -> "assert_exhaustion";
      case Command.AssertException a -> "assert_exception";
      case Command.AssertInvalid a -> "assert_invalid";
      case Command.AssertMalformed a -> "assert_malformed";
      case Command.AssertUnlinkable a -> "assert_unlinkable";
      case Command.AssertCustom a ->
          a.invalid() ? "assert_invalid_custom" : "assert_malformed_custom";
      case Command.AssertUninstantiable a -> "assert_uninstantiable";
    };
  }
}
