package dev.cortado.container.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code features}: what this runtime implements, as the runtime-spec's features document
 * (features.md) says it: spec versions, hooks (none), mount options (the bind options Wasm
 * containers read), Linux namespaces (none: the Wasm sandbox isolates instead) and cgroups, and the
 * annotations it reads.
 */
@Command(name = "features", description = "Print what this runtime implements, as JSON.")
final class FeaturesCommand implements Callable<Integer> {
  private final Context context;

  FeaturesCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("ociVersionMin", "1.0.0");
    n.put("ociVersionMax", ContainerState.OCI_VERSION);
    n.putArray("hooks");
    n.putArray("mountOptions").add("bind").add("rbind").add("ro").add("rw");
    ObjectNode linux = n.putObject("linux");
    linux.putArray("namespaces");
    linux.putArray("capabilities");
    ObjectNode cgroup = linux.putObject("cgroup");
    cgroup.put("v1", true);
    cgroup.put("v2", true);
    cgroup.put("systemd", false);
    cgroup.put("systemdUser", false);
    linux.putObject("seccomp").put("enabled", false);
    linux.putObject("apparmor").put("enabled", false);
    linux.putObject("selinux").put("enabled", false);
    ObjectNode annotations = n.putObject("annotations");
    annotations.put("dev.cortado.runc.version", Dispatcher.VERSION);
    annotations.put(WasmEntrypoint.VARIANT, "compat, compat-smart");
    context.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    context.out().flush();
    return 0;
  }
}
