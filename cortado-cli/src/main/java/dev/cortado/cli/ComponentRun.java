package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentFunction;
import dev.cortado.component.ComponentInstance;
import dev.cortado.component.ComponentLinkException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.WasiPreview2;
import dev.cortado.component.Wave;
import dev.cortado.component.WorldText;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.UnlinkableException;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code cortado run} of a component: a {@code wasi:cli/command} run through WASI 0.2, its exit
 * status 0 when {@code run} returns ok, 1 when it returns an error (WASI 0.2's exit takes no code).
 */
final class ComponentRun {
  private ComponentRun() {}

  /** The interface a command component exports. */
  static final String RUN_INTERFACE = "wasi:cli/run@0.2.0";

  /**
   * Runs component {@code bytes}, named {@code name} in messages: its {@code wasi:cli/run}, or with
   * {@code invoke} the export it names, its arguments in WAVE text ({@code greet("you")}, or the
   * name alone and each of {@code args} one argument); prints the result. Returns the exit status.
   */
  static int run(
      String name,
      Store store,
      Bytes bytes,
      WasiConfig config,
      Optional<String> invoke,
      List<String> args,
      PrintWriter out) {
    Component component;
    try {
      component = Component.decode(bytes);
    } catch (MalformedException e) {
      throw new UserException(name + ": " + e.getMessage());
    }
    try (WasiPreview2 wasi = WasiPreview2.create(config)) {
      ComponentLinker linker = wasi.addTo(ComponentLinker.create());
      wasi.enter(store);
      ComponentInstance instance;
      try {
        Activity.now("instantiating " + name);
        instance = linker.instantiate(store, component);
      } catch (ComponentLinkException | UnlinkableException e) {
        throw new UserException(name + ": " + e.getMessage() + serveHint(name, component));
      }
      if (invoke.isPresent()) {
        return invoke(name, instance, invoke.get(), args, out);
      }
      ComponentFunction run =
          instance
              .function(RUN_INTERFACE, "run")
              .orElseThrow(
                  () ->
                      new UserException(
                          name
                              + ": the component exports no wasi:cli/run interface, so it is not a"
                              + " command (it exports: "
                              + String.join(", ", instance.exportNames())
                              + ")"
                              + serveHint(name, component)));
      Activity.now("running " + name);
      Optional<ComponentValue> result = run.call();
      return result.orElse(null) instanceof ComponentValue.ResultV r && r.ok() ? 0 : 1;
    }
  }

  /**
   * Returns a hint for a component that cannot run as a command because it is an HTTP handler (its
   * imports are Spin's or wasi:http's, which a server gives), or nothing.
   */
  static String serveHint(String name, Component component) {
    boolean handler = component.exports().stream().anyMatch(e -> e.name().startsWith(HTTP_HANDLER));
    boolean command =
        component.exports().stream().anyMatch(e -> e.name().startsWith("wasi:cli/run@"));
    return handler && !command
        ? "; it is an HTTP handler (it exports "
            + HTTP_HANDLER
            + "), not a command: serve it with 'cortado serve "
            + name
            + "'"
        : "";
  }

  /** The interface an HTTP handler component exports, without its version. */
  private static final String HTTP_HANDLER = "wasi:http/incoming-handler";

  private static int invoke(
      String name, ComponentInstance instance, String invoke, List<String> args, PrintWriter out) {
    String function = invoke;
    String arguments = String.join(", ", args);
    if (invoke.indexOf('(') >= 0) {
      if (!args.isEmpty()) {
        throw new UserException(
            "--invoke "
                + invoke
                + " gives the arguments already; remove "
                + String.join(" ", args));
      }
      try {
        Wave.Call call = Wave.Call.parse(invoke);
        function = call.function();
        arguments = call.arguments();
      } catch (IllegalArgumentException e) {
        throw new UserException("--invoke: " + e.getMessage());
      }
    }
    int hash = function.lastIndexOf('#');
    String f = function;
    Optional<ComponentFunction> found =
        hash < 0
            ? instance.function(function)
            : instance.function(function.substring(0, hash), function.substring(hash + 1));
    ComponentFunction target =
        found.orElseThrow(
            () ->
                new UserException(
                    name
                        + ": no exported function \""
                        + f
                        + "\" (it exports: "
                        + String.join(", ", instance.exportNames())
                        + "; a function of an exported interface is INTERFACE#NAME)"));
    List<ComponentValue> values;
    try {
      values = Wave.parseArguments(arguments, target.type().params());
    } catch (IllegalArgumentException e) {
      throw new UserException(
          "--invoke " + f + ": the arguments " + signature(target) + " take: " + e.getMessage());
    }
    Activity.now("running " + name);
    Optional<ComponentValue> result = target.call(values);
    result.ifPresent(v -> out.println(Wave.format(v, target.type().result().orElseThrow())));
    out.flush();
    return 0;
  }

  private static String signature(ComponentFunction f) {
    return "("
        + String.join(
            ", ",
            f.type().params().stream()
                .map(p -> p.name() + ": " + WorldText.shape(p.shape()))
                .toList())
        + ")";
  }
}
