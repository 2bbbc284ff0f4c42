package dev.cortado.server;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[trigger.http]]} entry: which requests it takes and what answers them.
 *
 * @param route the route it takes requests on
 * @param component the id of the component that answers (absent with a static response)
 * @param executor how the component runs
 * @param staticResponse the answer served without a component, if the trigger has one
 */
public record HttpTrigger(
    Route route,
    Optional<String> component,
    Executor executor,
    Optional<StaticResponse> staticResponse) {
  /** Checks every part is present and that the trigger has a component or a static response. */
  public HttpTrigger {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(staticResponse, "staticResponse");
    if (component.isPresent() == staticResponse.isPresent()) {
      throw new IllegalArgumentException("a trigger has a component or a static response");
    }
  }
}
