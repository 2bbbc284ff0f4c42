package dev.cortado.container.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one {@code cortado-runc} command line: parses the global options, finds which runtime owns
 * the container (ours for Wasm, the delegate for every other, as recorded at {@code create}), and
 * runs the subcommand. Every failure is one record in the log file (which the shim reads) and one
 * line on standard error, with status 1; never a Java stack trace unless {@code --debug}.
 */
public final class Dispatcher {
  /** The version {@code --version} prints. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private Dispatcher() {}

  /** Runs {@code args} and returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    RootCommand root = new RootCommand();
    CommandLine cli = new CommandLine(root);
    cli.setStopAtPositional(true);
    RuncLog log = RuncLog.of(Optional.empty(), RuncLog.Format.TEXT, err);
    try {
      cli.parseArgs(args);
      log =
          RuncLog.of(
              Optional.ofNullable(root.log).map(Path::of),
              RuncLog.Format.parse(root.logFormat),
              err);
    } catch (ParameterException | RuncException e) {
      return fail(log, err, e.getMessage());
    }
    if (root.help) {
      cli.usage(out);
      return 0;
    }
    if (root.version) {
      out.println("cortado-runc version " + VERSION);
      out.println("spec: " + ContainerState.OCI_VERSION);
      out.flush();
      return 0;
    }
    if (root.rest.isEmpty()) {
      return fail(log, err, "no command given (create, start, state, kill, delete, ps, features)");
    }
    Context context =
        new Context(
            Path.of(root.root),
            log,
            root.systemdCgroup,
            Delegate.find(
                Optional.ofNullable(root.delegateRuntime),
                Optional.ofNullable(env.get(Delegate.ENV)),
                env.getOrDefault("PATH", ""),
                Optional.ofNullable(System.getProperty("cortado.runc.launcher")).map(Path::of)),
            Delegate.withoutOwnOptions(List.of(args)),
            out,
            err);
    try {
      return dispatch(context, root.rest.get(0), root.rest.subList(1, root.rest.size()));
    } catch (RuncException | ParameterException e) {
      return fail(log, err, e.getMessage());
    } catch (java.io.IOException e) {
      return fail(log, err, "cannot read the state under " + root.root + ": " + e.getMessage());
    } catch (Exception e) {
      if (root.debug) {
        e.printStackTrace(err);
      }
      return fail(log, err, "internal error: " + e + (root.debug ? "" : " (--debug shows more)"));
    }
  }

  private static int dispatch(Context context, String name, List<String> args) throws Exception {
    switch (name) {
      case "create":
        return call(new CreateCommand(context), args);
      case "features":
        return call(new FeaturesCommand(context), args);
      default:
        break;
    }
    Optional<ContainerDir> known = existing(context.root(), name, args);
    if (known.isPresent() && known.get().isOurs()) {
      return call(ours(context, name, known.get().id()), args);
    }
    if (known.isPresent() && known.get().isDelegated()) {
      Path runtime = Path.of(Files.readString(known.get().delegateMarker()).strip());
      return Delegate.run(runtime, context.rawArgs());
    }
    if (context.delegate().isPresent()) {
      return Delegate.run(context.delegate().get(), context.rawArgs());
    }
    if (name.equals("delete") && (args.contains("--force") || args.contains("-f"))) {
      return 0; // runc too: forcing the delete of a container that is not there succeeds
    }
    String id = idArgument(name, args).orElse("");
    throw new RuncException(
        id.isEmpty() ? "no container id given to " + name : "container does not exist: " + id);
  }

  /** The subcommand for a Wasm container of ours, or a failure saying why it has none. */
  private static Callable<Integer> ours(Context context, String name, String id) {
    return switch (name) {
      case "start" -> new StartCommand(context);
      case "state" -> new StateCommand(context);
      case "kill" -> new KillCommand(context);
      case "delete" -> new DeleteCommand(context);
      case "ps" -> new PsCommand(context);
      case "pause" -> new PauseCommand(context, false);
      case "resume" -> new PauseCommand(context, true);
      default -> throw new RuncException(Refusals.reason(name, id));
    };
  }

  private static int call(Callable<Integer> command, List<String> args) throws Exception {
    CommandLine cli = new CommandLine(command);
    cli.parseArgs(args.toArray(String[]::new));
    return command.call();
  }

  /** The container named by {@code args}, if it has a folder under {@code root}. */
  static Optional<ContainerDir> existing(Path root, String name, List<String> args) {
    return idArgument(name, args)
        .filter(ContainerDir::isValidId)
        .filter(id -> Files.isDirectory(root.resolve(id)))
        .map(id -> ContainerDir.of(root, id));
  }

  /**
   * The container id in a subcommand's arguments: its first operand, past options and the values of
   * runc's options that take one (any subcommand's, since a delegated one is not parsed here).
   */
  static Optional<String> idArgument(String name, List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
      }
      if (!a.startsWith("-")) {
        return Optional.of(a);
      }
      if (!a.contains("=")
          && (VALUE_OPTIONS.contains(a) || (name.equals("ps") && a.equals("-f")))) {
        i++;
      }
    }
    return Optional.empty();
  }

  /** runc's subcommand options that take a value (those of create, exec, ps, checkpoint, ...). */
  private static final java.util.Set<String> VALUE_OPTIONS =
      java.util.Set.of(
          "--bundle",
          "-b",
          "--pid-file",
          "--console-socket",
          "--preserve-fds",
          "--format",
          "--process",
          "-p",
          "--cwd",
          "--env",
          "-e",
          "--user",
          "-u",
          "--additional-gids",
          "-g",
          "--cap",
          "-c",
          "--process-label",
          "--apparmor",
          "--cgroup",
          "--image-path",
          "--work-path",
          "--parent-path",
          "--page-server",
          "--manage-cgroups-mode",
          "--empty-ns",
          "--status-fd",
          "--interval",
          "-r",
          "--resources",
          "--memory",
          "--memory-reservation",
          "--memory-swap",
          "--kernel-memory",
          "--kernel-memory-tcp",
          "--cpu-period",
          "--cpu-quota",
          "--cpu-rt-period",
          "--cpu-rt-runtime",
          "--cpu-share",
          "--cpuset-cpus",
          "--cpuset-mems",
          "--pids-limit",
          "--blkio-weight",
          "--l3-cache-schema",
          "--mem-bw-schema");

  private static int fail(RuncLog log, PrintStream err, String message) {
    log.error(message);
    if (log.toFile()) {
      err.println(message);
    }
    err.flush();
    return 1;
  }
}
