package dev.cortado.server.internal;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.InstantiationException;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.server.Component;
import dev.cortado.server.Executor;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiInput;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasi.WasiPreview1;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component served through WAGI: its module compiled and its files staged once; per request a
 * fresh store and instance, the body on standard input, the CGI environment, and the response read
 * from standard output.
 */
final class WagiComponent implements Responder {
  /** The most a program may write as its response. */
  static final int MAX_RESPONSE = 64 << 20;

  private final Component component;
  private final Executor.Wagi executor;
  private final Engine engine;
  private final Module module;
  private final ServerConfig config;
  private final FileStaging files;
  private final WasiConfig base;
  private final Map<String, String> environment;
  private final Metrics metrics;

  WagiComponent(
      Component component,
      Executor.Wagi executor,
      Engine engine,
      Module module,
      ServerConfig config,
      Map<String, String> variables,
      Path folder,
      Metrics metrics) {
    this.component = component;
    this.executor = executor;
    this.engine = engine;
    this.module = module;
    this.config = config;
    this.metrics = metrics;
    ModuleLoader.checkEntrypoint(module, component, executor.entrypoint());
    this.files = FileStaging.of(component, folder);
    this.base = GuestSetup.preopened(files, config);
    this.environment = GuestSetup.environment(component, config, variables);
  }

  @Override
  public String id() {
    return component.id();
  }

  @Override
  public String description() {
    return component.id() + " (wagi)";
  }

  @Override
  public Outcome run(IncomingRequest request, Router.Match match, String basePath, ServerLog log) {
    long start = System.nanoTime();
    Store store = GuestSetup.store(engine, config);
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(CgiEnvironment.of(request, match, basePath));
    Outputs.Bounded stdout = new Outputs.Bounded(MAX_RESPONSE);
    Outputs.Lines stderr =
        new Outputs.Lines("standard error", line -> log.error("[" + component.id() + "] " + line));
    WasiConfig c =
        base.withArgs(CgiEnvironment.argv(executor.argv(), request))
            .withEnv(env)
            .withStdin(WasiInput.from(new ByteArrayInputStream(request.body())))
            .withStdout(WasiOutput.to(stdout))
            .withStderr(WasiOutput.to(stderr));
    try (WasiPreview1 wasi = WasiPreview1.create(c)) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Instance instance = linker.instantiate(store, module);
      metrics.instantiated(System.nanoTime() - start);
      Func entry = instance.func(executor.entrypoint()).orElseThrow();
      try {
        entry.call();
      } catch (WasiExitException e) {
        if (e.exitCode() != 0) {
          return new Outcome.Failed("exit", "the program exited with code " + e.exitCode());
        }
      }
    } catch (Trap t) {
      return stdout.overflowed()
          ? new Outcome.Failed("output", Outcome.oneLine(t))
          : Outcome.failed(t);
    } catch (UncaughtException
        | ExecutionInterruptedException
        | InstantiationException
        | OutOfMemoryError e) {
      return Outcome.failed(e);
    } finally {
      GuestSetup.finish(store);
      stderr.close();
    }
    if (stdout.overflowed()) {
      return new Outcome.Failed("output", "the response is larger than " + MAX_RESPONSE + " bytes");
    }
    try {
      return new Outcome.Answered(CgiResponse.parse(stdout.buffer(), stdout.size()));
    } catch (CgiResponse.BadOutputException e) {
      return new Outcome.Failed("output", e.getMessage());
    }
  }

  /** Returns the environment names every request gets from the component (for start-up output). */
  List<String> environmentNames() {
    return List.copyOf(environment.keySet());
  }

  @Override
  public void close() {
    files.close();
  }
}
