package dev.cortado.container.internal;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * runc's global options, which come before the subcommand ({@code cortado-runc --root R --log F
 * --log-format json create ...}); what follows is the subcommand and its arguments, parsed once the
 * container is known to be ours (a delegated one gets them as they are).
 */
@Command(
    name = "cortado-runc",
    description = {
      "An OCI runtime with runc's command line: Wasm containers run on Cortado, any other",
      "container is handed to runc.",
      "Commands: create, start, state, kill, delete, ps, pause, resume, features; exec,"
          + " update, checkpoint, restore and events are refused for Wasm containers."
    })
public final class RootCommand {
  /** The default of {@code --root}: runc's. */
  public static final String DEFAULT_ROOT = "/run/runc";

  @Option(names = "--root", paramLabel = "DIR", description = "where container state is kept")
  String root = DEFAULT_ROOT;

  @Option(names = "--log", paramLabel = "FILE", description = "append log records to FILE")
  String log;

  @Option(names = "--log-format", paramLabel = "json|text", description = "the log's format")
  String logFormat = "text";

  @Option(names = "--systemd-cgroup", description = "cgroup paths are systemd's slice:prefix:name")
  boolean systemdCgroup;

  @Option(names = "--debug", description = "show Java stack traces of internal errors")
  boolean debug;

  @Option(names = "--criu", paramLabel = "PATH", description = "accepted for runc's callers")
  String criu;

  @Option(names = "--rootless", paramLabel = "true|false|auto", description = "accepted")
  String rootless;

  @Option(
      names = "--delegate-runtime",
      paramLabel = "PATH",
      description =
          "the runtime for containers that are not Wasm (default: $CORTADO_RUNC_DELEGATE, else"
              + " runc on PATH)")
  String delegateRuntime;

  @Option(
      names = {"-v", "--version"},
      description = "print the version")
  boolean version;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "print this help")
  boolean help;

  @Parameters(paramLabel = "COMMAND", description = "the subcommand and its arguments")
  List<String> rest = new ArrayList<>();
}
