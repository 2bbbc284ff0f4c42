package dev.cortado.container.internal;

/** Why a runc subcommand has no meaning for a Wasm container, in words the shim passes on. */
final class Refusals {
  private Refusals() {}

  /** The reason {@code command} is refused for Wasm container {@code id}. */
  static String reason(String command, String id) {
    String subject = command + " " + id + ": ";
    return switch (command) {
      case "exec" ->
          subject
              + "a Wasm container runs one program, its module's _start; there is nothing to exec"
              + " beside it (no shell, no processes)";
      case "update" ->
          subject
              + "Wasm containers' resources are fixed at create: the JVM's heap and the guest's"
              + " memory limit are sized from linux.resources.memory.limit then";
      case "checkpoint", "restore" ->
          subject + "Wasm containers cannot be checkpointed (CRIU does not checkpoint their JVM)";
      case "events" ->
          subject + "cortado-runc reports no events; containerd reads metrics from the cgroup";
      default -> "unknown command \"" + command + "\"";
    };
  }
}
