package dev.cortado.container.internal;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kill [--all] ID [SIGNAL]}: sends a signal (default SIGTERM) to the container's process. A
 * Wasm container has one process, so {@code --all} reaches the same one. SIGTERM stops the guest
 * (status 143), SIGKILL kills the JVM (137).
 */
@Command(name = "kill", description = "Send a signal to a container's process.")
final class KillCommand implements Callable<Integer> {
  private final Context context;

  @Option(
      names = {"--all", "-a"},
      description = "every process of the container (a Wasm container has one)")
  boolean all;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "SIGNAL",
      description = "a number or a name, with or without SIG (default TERM)")
  String signal = "TERM";

  KillCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    int number = Signals.parse(signal);
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    if (state.status(dir) == ContainerState.Status.STOPPED) {
      if (all) {
        return 0; // runc too: signalling every process of an ended container signals none
      }
      throw new RuncException("container not running");
    }
    send(state.pid(), number);
    return 0;
  }

  /** Sends {@code signal} to {@code pid}: TERM and KILL through the JDK, others with kill(1). */
  static void send(long pid, int signal) {
    ProcessHandle handle =
        ProcessHandle.of(pid).orElseThrow(() -> new RuncException("container not running"));
    if (signal == Signals.TERM) {
      handle.destroy();
      return;
    }
    if (signal == Signals.KILL) {
      handle.destroyForcibly();
      return;
    }
    HostCommand.run("send signal " + signal, List.of("kill", "-" + signal, Long.toString(pid)));
  }
}
