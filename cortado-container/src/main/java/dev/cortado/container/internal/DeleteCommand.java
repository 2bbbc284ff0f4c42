package dev.cortado.container.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code delete [--force] ID}: removes a stopped (or created) container's state and cgroups; a
 * running one only with {@code --force}, which kills it first.
 */
@Command(name = "delete", description = "Delete a container.")
final class DeleteCommand implements Callable<Integer> {
  private final Context context;

  @Option(
      names = {"--force", "-f"},
      description = "kill a running container first")
  boolean force;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  DeleteCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    ContainerState.Status status = state.status(dir);
    if ((status == ContainerState.Status.RUNNING || status == ContainerState.Status.PAUSED)
        && !force) {
      throw new RuncException(
          "cannot delete container " + id + " that is not stopped: " + status.text());
    }
    if (status != ContainerState.Status.STOPPED) {
      KillCommand.send(state.pid(), Signals.KILL);
      awaitEnd(state);
    }
    Cgroups.remove(state.cgroups(), context.log());
    dir.remove();
    return 0;
  }

  /** Waits for the killed process to end (a zombie left for the shim to collect counts). */
  private static void awaitEnd(ContainerState state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessStatus.alive(state.pid(), state.pidStartTicks())) {
      if (System.nanoTime() > deadline) {
        throw new RuncException("the container's process " + state.pid() + " did not die");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuncException("interrupted while the container's process died");
      }
    }
  }
}
