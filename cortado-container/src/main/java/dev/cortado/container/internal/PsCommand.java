package dev.cortado.container.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ps [--format table|json] ID [PS_OPTIONS...]}: the container's processes. A Wasm container
 * has one, its init process (the JVM running the guest), while it runs. JSON is the list of pids
 * the shim reads; a table is what {@code ps -f} (or ps with the given options) shows of them.
 */
@Command(name = "ps", description = "List the processes of a container.")
final class PsCommand implements Callable<Integer> {
  private final Context context;

  @Option(
      names = {"--format", "-f"},
      paramLabel = "table|json",
      description = "table (default) or json")
  String format = "table";

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  @Parameters(index = "1..*", paramLabel = "PS_OPTIONS", description = "options for ps (table)")
  List<String> psOptions = new ArrayList<>();

  PsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    List<Long> pids =
        state.status(dir) == ContainerState.Status.STOPPED ? List.of() : List.of(state.pid());
    switch (format) {
      case "json" -> context.out().println(pids.isEmpty() ? "[]" : "[" + pids.get(0) + "]");
      case "table" -> table(pids);
      default ->
          throw new RuncException("invalid format option \"" + format + "\" (table or json)");
    }
    context.out().flush();
    return 0;
  }

  private void table(List<Long> pids) {
    if (pids.isEmpty()) {
      context.out().println("UID          PID    PPID  C STIME TTY          TIME CMD");
      return;
    }
    List<String> command = new ArrayList<>(List.of("ps"));
    command.addAll(psOptions.isEmpty() ? List.of("-f") : psOptions);
    command.addAll(List.of("-p", Long.toString(pids.get(0))));
    context.out().print(HostCommand.run("run ps", command));
  }
}
