package dev.cortado.container.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code create} records of a Wasm container, in {@code ROOT/ID/cortado.json}: enough for the
 * later commands (another process each) to find its init process and answer {@code state}.
 *
 * @param id the container id
 * @param bundle the bundle directory
 * @param rootfs the root filesystem
 * @param pid the init process
 * @param pidStartTicks the init process's start time (tells it from a later process with its pid)
 * @param created when {@code create} ran (RFC 3339)
 * @param annotations the bundle's annotations
 * @param cgroups the cgroup directories created for it, removed by {@code delete}
 */
public record ContainerState(
    String id,
    String bundle,
    String rootfs,
    long pid,
    long pidStartTicks,
    String created,
    Map<String, String> annotations,
    List<String> cgroups) {

  /** The runtime-spec version the state and features speak. */
  public static final String OCI_VERSION = "1.0.2";

  /** The three states a container of ours goes through (runtime-spec state.md). */
  public enum Status {
    /** Created: the init process waits for {@code start}. */
    CREATED,
    /** Running the guest. */
    RUNNING,
    /** Paused: its process is stopped (SIGSTOP) until {@code resume}. */
    PAUSED,
    /** The init process has exited. */
    STOPPED;

    /** The name in the state JSON. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Writes this state into {@code dir} (atomically: a reader sees the old or the new). */
  public void save(ContainerDir dir) {
    try {
      Path tmp = dir.path().resolve(ContainerDir.STATE + ".tmp");
      Json.MAPPER.writeValue(tmp.toFile(), this);
      Files.move(
          tmp,
          dir.state(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new RuncException("cannot save the state of container " + id + ": " + e.getMessage());
    }
  }

  /** Reads the state saved in {@code dir}. */
  public static ContainerState load(ContainerDir dir) {
    try {
      return Json.MAPPER.readValue(dir.state().toFile(), ContainerState.class);
    } catch (IOException e) {
      throw new RuncException(
          "the state of container " + dir.id() + " is damaged (" + dir.state() + ")");
    }
  }

  /** The container's status now: its init process alive or not, started or not. */
  public Status status(ContainerDir dir) {
    if (!ProcessStatus.alive(pid, pidStartTicks)) {
      return Status.STOPPED;
    }
    if (Files.exists(dir.execFifo())) {
      return Status.CREATED;
    }
    boolean stopped = ProcessStatus.of(pid).map(s -> s.state() == 'T').orElse(false);
    return stopped ? Status.PAUSED : Status.RUNNING;
  }

  /**
   * Returns the runtime-spec state (state.md) with runc's extra fields, as {@code state} prints.
   */
  public ObjectNode ociState(Status status) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("ociVersion", OCI_VERSION);
    n.put("id", id);
    n.put("pid", status == Status.STOPPED ? 0 : pid);
    n.put("status", status.text());
    n.put("bundle", bundle);
    n.put("rootfs", rootfs);
    n.put("created", created);
    n.put("owner", "");
    ObjectNode a = n.putObject("annotations");
    annotations.forEach(a::put);
    return n;
  }
}
