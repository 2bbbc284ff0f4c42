package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code start ID}: lets a created container's init process run the guest. */
@Command(name = "start", description = "Start a created container.")
final class StartCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  StartCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    switch (state.status(dir)) {
      case STOPPED -> throw new RuncException("cannot start a container that has stopped");
      case RUNNING -> throw new RuncException("cannot start an already running container");
      case CREATED -> {}
    }
    ExecFifo.release(dir.execFifo(), () -> ProcessStatus.alive(state.pid(), state.pidStartTicks()));
    try {
      Files.deleteIfExists(dir.execFifo());
    } catch (IOException e) {
      throw new RuncException("cannot remove " + dir.execFifo() + ": " + e.getMessage());
    }
    return 0;
  }
}
