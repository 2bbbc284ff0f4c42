package dev.cortado.cli;

import dev.cortado.wasm.WasmException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code cortado} command and its subcommands. */
@Command(
    name = "cortado",
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    description = "Cortado: WebAssembly for the JVM.")
public final class Main implements Runnable {
  /** What {@code --version} prints, for the command and each subcommand. */
  static final String VERSION = "cortado 0.1.0-SNAPSHOT";

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print Java stack traces of errors (for reporting bugs).")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The subcommands, in the order the help lists them. A class of its own, initialized when picocli
   * needs them: a plain {@code cortado run} does not load the thirteen command classes.
   */
  private static final class Commands {
    static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
      ALL.put("run", RunCommand::new);
      ALL.put("serve", ServeCommand::new);
      ALL.put("inspect", InspectCommand::new);
      ALL.put("validate", ValidateCommand::new);
      ALL.put("wat2wasm", Wat2WasmCommand::new);
      ALL.put("wast", WastCommand::new);
      ALL.put("compile", CompileCommand::new);
      ALL.put("push", PushCommand::new);
      ALL.put("pull", PullCommand::new);
      ALL.put("login", LoginCommand::new);
      ALL.put("logout", LogoutCommand::new);
      ALL.put("images", ImagesCommand::new);
      ALL.put("image", ImageCommand::new);
    }
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // Library warnings (a registry that cannot be reached, ...) as one line, not two with a date.
    System.setProperty("java.util.logging.SimpleFormatter.format", "cortado: %5$s%6$s%n");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    // Compiled WebAssembly keeps one Java frame per Wasm call: a thread with a large stack
    // (reserved, committed only as it is used) reaches the store's call depth (50,000) before the
    // JVM's stack ends, as the interpreter does.
    Worker command = new Worker(args, out, err);
    Thread worker = new Thread(null, command, "main", GUEST_STACK);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (command.status() == 0 && onlyDaemonsLeft()) {
      // The JVM ends by itself, with status 0, and runs the shutdown hooks as System.exit would.
      // System.exit also logs the exit (a debug message of the JDK's since Java 21), and that
      // lookup starts the logging backend: a service scan of every jar on the class path, about
      // 25 ms of each command that succeeded.
      return;
    }
    System.exit(command.status());
  }

  /** Returns whether every other live thread of the application is a daemon. */
  private static boolean onlyDaemonsLeft() {
    Thread[] threads = new Thread[Thread.activeCount() + 16];
    int n = Thread.enumerate(threads);
    if (n == threads.length) {
      return false; // more than we could look at: let System.exit end them
    }
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs the command line on the worker thread. A class, not a lambda: the training run that fills
   * the class-data-sharing archive calls {@link #run}, not {@code main}, so a lambda here was spun
   * at every start (the JDK's class-file library loaded for it: about 15 ms).
   */
  static final class Worker implements Runnable {
    private final String[] args;
    private final PrintWriter out;
    private final PrintWriter err;
    private int status = 1;

    Worker(String[] args, PrintWriter out, PrintWriter err) {
      this.args = args;
      this.out = out;
      this.err = err;
    }

    @Override
    public void run() {
      status = Main.run(args, out, err);
    }

    /** Returns the command's exit status: 1 until it has run. */
    int status() {
      return status;
    }
  }

  /** The stack of the thread that runs commands: room for 50,000 nested compiled calls. */
  private static final long GUEST_STACK = 512L << 20;

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    Activity.reset();
    if (RunCommand.isPlain(args)) {
      return runPlain(args, out, err);
    }
    CommandLine cli = new CommandLine(new Main());
    // Building a subcommand's model costs tens of milliseconds of reflection: build only the one
    // asked for, unless the command line needs them all (help, a typo, a global option first).
    String first = args.length > 0 ? args[0] : "";
    if (Commands.ALL.containsKey(first)) {
      cli.addSubcommand(first, Commands.ALL.get(first).get());
    } else {
      Commands.ALL.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    if (cli.getSubcommands().containsKey("run")) {
      // Everything after `cortado run MODULE` belongs to the program, options included.
      cli.getSubcommands().get("run").setStopAtPositional(true);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            failed(
                e,
                commandName(commandLine),
                parseResult.hasMatchedOption("--debug") || hasDebug(parseResult),
                err));
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli passes Errors through: nothing below has seen this one. The memory it took is
      // garbage once the failed step's frames are gone, so there is room to say what happened.
      CommandLine.ParseResult parsed = cli.getParseResult();
      String command =
          parsed != null && parsed.subcommand() != null
              ? parsed.subcommand().commandSpec().name()
              : "";
      return LastResort.report(
          e,
          command,
          Activity.current(command.isEmpty() ? "starting" : "running cortado " + command),
          parsed != null && hasDebug(parsed),
          err);
    }
  }

  /**
   * Runs {@code cortado run MODULE [ARGS...]} without options ({@link RunCommand#isPlain}) without
   * picocli, whose model of the command costs 60-70 ms of a cold JVM's start: what picocli would
   * parse from such a line is the module and the program's arguments, and every option keeps its
   * default. Failures are reported as {@link #run}'s handler reports them.
   */
  private static int runPlain(String[] args, PrintWriter out, PrintWriter err) {
    RunCommand command = RunCommand.plain(args, out, err);
    try {
      return command.call();
    } catch (OutOfMemoryError | StackOverflowError e) {
      return LastResort.report(e, "run", Activity.current("running cortado run"), false, err);
    } catch (Exception e) {
      return failed(e, "run", false, err);
    }
  }

  /** Returns a subcommand's name with its parents' below the root: {@code image build}. */
  static String commandName(CommandLine command) {
    String name = command.getCommandName();
    for (CommandLine c = command.getParent();
        c != null && c.getParent() != null;
        c = c.getParent()) {
      name = c.getCommandName() + " " + name;
    }
    return name;
  }

  /** Reports {@code e}, thrown by command {@code name}, and returns the exit status. */
  private static int failed(Exception e, String name, boolean debug, PrintWriter err) {
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
  }

  /** Returns whether {@code --debug} was given, before or after the name of {@code command}. */
  static boolean debug(CommandLine.Model.CommandSpec command) {
    // Null when the command ran without picocli (a plain `cortado run`), which has no --debug.
    return command != null && hasDebug(command.root().commandLine().getParseResult());
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
