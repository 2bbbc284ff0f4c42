package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.List;

/** {@code wasi:cli}: environment, exit, the standard streams and the terminal interfaces. */
final class CliInterfaces {
  private CliInterfaces() {}

  static void define(ComponentLinker l, Host h) {
    String envIface = "wasi:cli/environment" + Host.VERSION;
    l.defineFunction(
        envIface,
        "get-environment",
        args -> {
          List<ComponentValue> pairs = new ArrayList<>();
          h.env.forEach((k, v) -> pairs.add(Cv.tuple(Cv.str(k), Cv.str(v))));
          return of(Cv.list(pairs));
        });
    l.defineFunction(
        envIface, "get-arguments", args -> of(Cv.list(h.args.stream().map(Cv::str).toList())));
    l.defineFunction(envIface, "initial-cwd", args -> of(Cv.none()));

    String exit = "wasi:cli/exit" + Host.VERSION;
    l.defineFunction(
        exit,
        "exit",
        args -> {
          throw new WasiExitException(((ComponentValue.ResultV) args.get(0)).ok() ? 0 : 1);
        });
    l.defineFunction(
        exit,
        "exit-with-code",
        args -> {
          throw new WasiExitException((int) Cv.integer(args.get(0)));
        });

    l.defineFunction(
        "wasi:cli/stdin" + Host.VERSION,
        "get-stdin",
        args -> of(Cv.resource(h.inputStream, h.stdin)));
    l.defineFunction(
        "wasi:cli/stdout" + Host.VERSION,
        "get-stdout",
        args -> of(Cv.resource(h.outputStream, h.stdout)));
    l.defineFunction(
        "wasi:cli/stderr" + Host.VERSION,
        "get-stderr",
        args -> of(Cv.resource(h.outputStream, h.stderr)));

    // Standard streams are reported as not terminals: the host passes bytes, not a console.
    l.defineResource("wasi:cli/terminal-input" + Host.VERSION, h.terminalInput);
    l.defineResource("wasi:cli/terminal-output" + Host.VERSION, h.terminalOutput);
    l.defineFunction(
        "wasi:cli/terminal-stdin" + Host.VERSION, "get-terminal-stdin", args -> of(Cv.none()));
    l.defineFunction(
        "wasi:cli/terminal-stdout" + Host.VERSION, "get-terminal-stdout", args -> of(Cv.none()));
    l.defineFunction(
        "wasi:cli/terminal-stderr" + Host.VERSION, "get-terminal-stderr", args -> of(Cv.none()));
  }
}
