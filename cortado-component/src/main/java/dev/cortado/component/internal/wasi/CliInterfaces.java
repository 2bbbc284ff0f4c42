package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.List;

/** {@code wasi:cli}: environment, exit, the standard streams and the terminal interfaces. */
final class CliInterfaces {
  private CliInterfaces() {}

  static void define(HostLinker l) {
    String envIface = "wasi:cli/environment" + Host.VERSION;
    l.defineFunction(
        envIface,
        "get-environment",
        (h, args) -> {
          List<ComponentValue> pairs = new ArrayList<>();
          h.env.forEach((k, v) -> pairs.add(Cv.tuple(Cv.str(k), Cv.str(v))));
          return of(Cv.list(pairs));
        });
    l.defineFunction(
        envIface, "get-arguments", (h, args) -> of(Cv.list(h.args.stream().map(Cv::str).toList())));
    l.defineFunction(envIface, "initial-cwd", (h, args) -> of(Cv.none()));

    String exit = "wasi:cli/exit" + Host.VERSION;
    l.defineFunction(
        exit,
        "exit",
        (h, args) -> {
          throw new WasiExitException(((ComponentValue.ResultV) args.get(0)).ok() ? 0 : 1);
        });
    l.defineFunction(
        exit,
        "exit-with-code",
        (h, args) -> {
          throw new WasiExitException((int) Cv.integer(args.get(0)));
        });

    l.defineFunction(
        "wasi:cli/stdin" + Host.VERSION,
        "get-stdin",
        (h, args) -> of(Cv.resource(Host.INPUT_STREAM, h.stdin)));
    l.defineFunction(
        "wasi:cli/stdout" + Host.VERSION,
        "get-stdout",
        (h, args) -> of(Cv.resource(Host.OUTPUT_STREAM, h.stdout)));
    l.defineFunction(
        "wasi:cli/stderr" + Host.VERSION,
        "get-stderr",
        (h, args) -> of(Cv.resource(Host.OUTPUT_STREAM, h.stderr)));

    // Standard streams are reported as not terminals: the host passes bytes, not a console.
    l.defineResource("wasi:cli/terminal-input" + Host.VERSION, Host.TERMINAL_INPUT);
    l.defineResource("wasi:cli/terminal-output" + Host.VERSION, Host.TERMINAL_OUTPUT);
    l.defineFunction(
        "wasi:cli/terminal-stdin" + Host.VERSION, "get-terminal-stdin", (h, args) -> of(Cv.none()));
    l.defineFunction(
        "wasi:cli/terminal-stdout" + Host.VERSION,
        "get-terminal-stdout",
        (h, args) -> of(Cv.none()));
    l.defineFunction(
        "wasi:cli/terminal-stderr" + Host.VERSION,
        "get-terminal-stderr",
        (h, args) -> of(Cv.none()));
  }
}
