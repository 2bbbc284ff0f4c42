package dev.cortado.cli;

import dev.cortado.wasm.WasmException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code cortado} command and its subcommands. */
@Command(
    name = "cortado",
    mixinStandardHelpOptions = true,
    version = "cortado 0.1.0-SNAPSHOT",
    description = "Cortado: WebAssembly for the JVM.",
    subcommands = {InspectCommand.class, ValidateCommand.class})
public final class Main implements Runnable {
  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print Java stack traces of errors (for reporting bugs).")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.hasMatchedOption("--debug") || hasDebug(parseResult);
          String name = commandLine.getCommandName();
          if (e instanceof UserException || e instanceof WasmException) {
            err.println("cortado " + name + ": " + e.getMessage());
          } else {
            err.println(
                "cortado "
                    + name
                    + ": internal error: "
                    + e
                    + (debug ? "" : " (run with --debug for details, and please report it)"));
          }
          if (debug) {
            e.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    return cli.execute(args);
  }

  private static boolean hasDebug(CommandLine.ParseResult result) {
    for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
