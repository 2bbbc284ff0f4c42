package dev.cortado.container.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pause ID} and {@code resume ID}: stops a running container's process (SIGSTOP) and lets it
 * go on (SIGCONT). runc freezes the container's cgroup instead; a Wasm container is one process,
 * and the kernel's stopped state is what {@code state} then reports as {@code paused}.
 */
@Command(name = "pause", description = "Pause a running container; resume lets it go on.")
final class PauseCommand implements Callable<Integer> {
  private static final int SIGCONT = 18;
  private static final int SIGSTOP = 19;

  private final Context context;
  private final boolean resume;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  PauseCommand(Context context, boolean resume) {
    this.context = context;
    this.resume = resume;
  }

  @Override
  public Integer call() {
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    ContainerState.Status status = state.status(dir);
    if (resume) {
      if (status != ContainerState.Status.PAUSED) {
        throw new RuncException("container not paused");
      }
      KillCommand.send(state.pid(), SIGCONT);
    } else {
      if (status != ContainerState.Status.RUNNING) {
        throw new RuncException("container not running");
      }
      KillCommand.send(state.pid(), SIGSTOP);
    }
    return 0;
  }
}
