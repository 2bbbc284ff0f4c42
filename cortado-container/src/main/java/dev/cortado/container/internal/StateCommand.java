package dev.cortado.container.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code state ID}: prints the container's state (runtime-spec state.md) as JSON. */
@Command(name = "state", description = "Print the state of a container as JSON.")
final class StateCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  StateCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    ContainerDir dir = context.container(id);
    ContainerState state = ContainerState.load(dir);
    context
        .out()
        .println(
            Json.MAPPER
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(state.ociState(state.status(dir))));
    context.out().flush();
    return 0;
  }
}
