package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as containerd's runc shim writes it ({@code --root R --log F --log-format json
 * SUBCOMMAND ...}), run in this JVM: parsing, the state JSON, errors in the log, delegation.
 * Containers here are "run" by this test's own process (its pid in the saved state), so nothing is
 * started or killed.
 */
class DispatcherTest {
  @TempDir Path dir;
  private Path root;
  private Path log;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** No runc on PATH: nothing is delegated unless a test says so. */
  private Map<String, String> env = Map.of("PATH", "");

  @BeforeEach
  void paths() {
    root = dir.resolve("root");
    log = dir.resolve("log.json");
  }

  private int shim(String... command) {
    List<String> args =
        new ArrayList<>(
            List.of("--root", root.toString(), "--log", log.toString(), "--log-format", "json"));
    args.addAll(List.of(command));
    return Dispatcher.run(
        args.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The one error the log holds. */
  private String loggedError() throws Exception {
    List<String> lines = Files.readAllLines(log);
    assertEquals(1, lines.size(), String.join("\n", lines));
    JsonNode n = Json.MAPPER.readTree(lines.get(0));
    assertEquals("error", n.get("level").asText());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    return n.get("msg").asText();
  }

  /** A container of ours whose init process is this JVM; {@code created} leaves the fifo. */
  private ContainerDir container(String id, boolean created) throws Exception {
    ContainerDir c = ContainerDir.of(root, id);
    Files.createDirectories(c.path());
    long pid = ProcessHandle.current().pid();
    new ContainerState(
            id,
            "/bundles/" + id,
            "/bundles/" + id + "/rootfs",
            pid,
            ProcessStatus.of(pid).orElseThrow().startTicks(),
            "2026-12-04T07:00:00Z",
            Map.of("k", "v"),
            List.of())
        .save(c);
    if (created) {
      Files.writeString(c.execFifo(), "");
    }
    return c;
  }

  /** A container of ours whose init process has exited. */
  private ContainerDir stopped(String id) throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    ContainerDir c = ContainerDir.of(root, id);
    Files.createDirectories(c.path());
    new ContainerState(
            id, "/b", "/b/rootfs", p.pid(), 1, "2026-12-04T07:00:00Z", Map.of(), List.of())
        .save(c);
    return c;
  }

  @Test
  void theStateOfARunningContainerHasTheSpecsFields() throws Exception {
    container("web", false);
    assertEquals(0, shim("state", "web"));
    JsonNode s = Json.MAPPER.readTree(out());
    assertEquals("1.0.2", s.get("ociVersion").asText());
    assertEquals("web", s.get("id").asText());
    assertEquals("running", s.get("status").asText());
    assertEquals(ProcessHandle.current().pid(), s.get("pid").asLong());
    assertEquals("/bundles/web", s.get("bundle").asText());
    assertEquals("v", s.get("annotations").get("k").asText());
    assertEquals("2026-12-04T07:00:00Z", s.get("created").asText());
  }

  @Test
  void theStateInEveryStatusFollowsTheRuntimeSpecsStateSchema() throws Exception {
    container("a", true);
    container("b", false);
    stopped("c");
    for (String id : List.of("a", "b", "c")) {
      assertEquals(0, shim("state", id));
      assertFollowsStateSchema(Json.MAPPER.readTree(out()));
    }
  }

  /**
   * The constraints of the runtime spec's {@code schema/state-schema.json} (with {@code
   * defs.json}'s {@code ociVersion} and {@code annotations}), checked one by one.
   */
  private static void assertFollowsStateSchema(JsonNode s) {
    assertTrue(s.isObject(), s.toString());
    for (String required : List.of("ociVersion", "id", "status", "bundle")) {
      assertTrue(s.has(required), required + " is required: " + s);
    }
    assertTrue(s.get("ociVersion").isTextual(), s.toString());
    assertTrue(s.get("id").isTextual(), s.toString());
    assertTrue(
        List.of("creating", "created", "running", "stopped").contains(s.get("status").asText())
            && s.get("status").isTextual(),
        s.toString());
    assertTrue(s.get("bundle").isTextual(), s.toString());
    if (s.has("pid")) {
      assertTrue(s.get("pid").isIntegralNumber() && s.get("pid").asLong() >= 0, s.toString());
    }
    JsonNode annotations = s.get("annotations");
    if (annotations != null && !annotations.isNull()) {
      assertTrue(annotations.isObject(), s.toString());
      annotations
          .properties()
          .forEach(
              e -> assertTrue(!e.getKey().isEmpty() && e.getValue().isTextual(), s.toString()));
    }
  }

  @Test
  void aContainerWaitingForStartIsCreated() throws Exception {
    container("c1", true);
    assertEquals(0, shim("state", "c1"));
    assertEquals("created", Json.MAPPER.readTree(out()).get("status").asText());
  }

  @Test
  void aContainerWhoseProcessEndedIsStoppedWithPidZero() throws Exception {
    stopped("done");
    assertEquals(0, shim("state", "done"));
    JsonNode s = Json.MAPPER.readTree(out());
    assertEquals("stopped", s.get("status").asText());
    assertEquals(0, s.get("pid").asLong());
  }

  @Test
  void anUnknownContainerIsOneErrorInTheLog() throws Exception {
    assertEquals(1, shim("state", "ghost"));
    assertEquals("container does not exist: ghost", loggedError());
    assertTrue(err.toString().contains("container does not exist: ghost"), err.toString());
  }

  @Test
  void psListsTheInitProcessAsJson() throws Exception {
    container("ps1", false);
    assertEquals(0, shim("ps", "--format", "json", "ps1"));
    assertEquals("[" + ProcessHandle.current().pid() + "]", out().strip());
    out.reset();
    stopped("ps2");
    assertEquals(0, shim("ps", "-f", "json", "ps2"));
    assertEquals("[]", out().strip());
  }

  @Test
  void killOfAStoppedContainerFailsUnlessForAll() throws Exception {
    stopped("k");
    assertEquals(1, shim("kill", "k", "SIGTERM"));
    assertEquals("container not running", loggedError());
    assertEquals(0, shim("kill", "--all", "k", "KILL"), "as runc: no process left to signal");
  }

  @Test
  void killRefusesAnUnknownSignalBeforeSendingAnything() throws Exception {
    container("k2", false);
    assertEquals(1, shim("kill", "--all", "k2", "SIGNOPE"));
    assertEquals("unknown signal \"SIGNOPE\"", loggedError());
  }

  @Test
  void deleteOfARunningContainerNeedsForce() throws Exception {
    container("busy", false);
    assertEquals(1, shim("delete", "busy"));
    assertEquals("cannot delete container busy that is not stopped: running", loggedError());
  }

  @Test
  void deleteRemovesAStoppedContainer() throws Exception {
    ContainerDir c = stopped("old");
    assertEquals(0, shim("delete", "old"));
    assertTrue(Files.notExists(c.path()));
    assertEquals(1, shim("start", "old"));
  }

  @Test
  void forcingTheDeleteOfAnAbsentContainerSucceeds() {
    assertEquals(0, shim("delete", "--force", "never"));
  }

  @Test
  void startOfAStoppedContainerFails() throws Exception {
    stopped("s");
    assertEquals(1, shim("start", "s"));
    assertEquals("cannot start a container that has stopped", loggedError());
  }

  @Test
  void commandsWithoutMeaningForWasmAreRefusedWithTheReason() throws Exception {
    container("w", false);
    for (String[] command :
        new String[][] {
          {"exec", "--process", "/p.json", "w"},
          {"update", "--memory", "1000", "w"},
          {"checkpoint", "w"},
          {"events", "w"}
        }) {
      Files.deleteIfExists(log);
      assertEquals(1, shim(command), command[0]);
      String message = loggedError();
      assertTrue(message.startsWith(command[0] + " w: "), message);
    }
  }

  @Test
  void badGlobalOptionsAndMissingCommandsAreErrors() throws Exception {
    assertEquals(1, shim());
    assertTrue(loggedError().startsWith("no command given"));
    Files.delete(log);
    assertEquals(
        1,
        Dispatcher.run(
            new String[] {"--log-format", "yaml", "state", "x"},
            new PrintStream(out),
            new PrintStream(err),
            env));
    assertTrue(err.toString().contains("json or text"), err.toString());
  }

  @Test
  void pauseStopsTheProcessAndResumeLetsItGoOn() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      ContainerDir c = ContainerDir.of(root, "p");
      Files.createDirectories(c.path());
      long pid = sleeper.pid();
      new ContainerState(
              "p",
              "/b",
              "/b/rootfs",
              pid,
              ProcessStatus.of(pid).orElseThrow().startTicks(),
              "2026-12-04T07:00:00Z",
              Map.of(),
              List.of())
          .save(c);
      assertEquals(1, shim("resume", "p"));
      assertEquals("container not paused", loggedError());
      assertEquals(0, shim("pause", "p"));
      assertEquals("paused", awaitStatus("p", "paused"));
      assertEquals(1, shim("delete", "p"));
      assertEquals(0, shim("resume", "p"));
      assertEquals("running", awaitStatus("p", "running"));
    } finally {
      sleeper.destroyForcibly();
    }
  }

  /** Polls {@code state} until it reports {@code status} (signals arrive asynchronously). */
  private String awaitStatus(String id, String status) throws Exception {
    String seen = "";
    for (int i = 0; i < 200 && !seen.equals(status); i++) {
      out.reset();
      assertEquals(0, shim("state", id));
      seen = Json.MAPPER.readTree(out()).get("status").asText();
      Thread.sleep(10);
    }
    return seen;
  }

  @Test
  void versionAndFeaturesAnswerWithoutAContainer() throws Exception {
    assertEquals(0, shim("--version"));
    assertTrue(out().startsWith("cortado-runc version "), out());
    out.reset();
    assertEquals(0, shim("features"));
    JsonNode f = Json.MAPPER.readTree(out());
    assertEquals("1.0.2", f.get("ociVersionMax").asText());
    assertTrue(f.get("linux").get("namespaces").isEmpty(), "no namespaces: the Wasm sandbox");
  }

  @Test
  void createWithABadBundleSaysWhatIsWrong() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("config.json"), "{\"process\":{}}");
    assertEquals(
        1,
        shim(
            "create",
            "--bundle",
            bundle.toString(),
            "--pid-file",
            dir.resolve("pid").toString(),
            "c"));
    assertEquals("config.json: process.args is empty: there is nothing to run", loggedError());
    assertTrue(Files.notExists(root.resolve("c")), "nothing left behind");
  }

  @Test
  void createOfAnExistingIdFails() throws Exception {
    container("dup", false);
    assertEquals(1, shim("create", "--bundle", dir.toString(), "dup"));
    assertEquals("container with id exists: dup", loggedError());
  }

  @Test
  void aBundleThatIsNotWasmNeedsARuncToHandItTo() throws Exception {
    Path bundle = nativeBundle();
    assertEquals(1, shim("create", "--bundle", bundle.toString(), "n"));
    assertTrue(loggedError().contains("there is no runc to hand it to"));
  }

  @Test
  void aBundleThatIsNotWasmIsHandedToTheDelegateWithTheSameArguments() throws Exception {
    Path bundle = nativeBundle();
    Path calls = dir.resolve("calls.txt");
    Path fake = dir.resolve("fake-runc");
    // Like runc, it makes ROOT/ID at create; it records each command line.
    Files.writeString(
        fake,
        """
        #!/bin/sh
        echo "$*" >> %s
        [ "$7" = create ] && mkdir -p "$2/${12}"
        exit 0
        """
            .formatted(calls));
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", "", Delegate.ENV, fake.toString());
    String[] create = {"create", "--bundle", bundle.toString(), "--pid-file", "/p", "n1"};
    assertEquals(0, shim(create));
    assertTrue(ContainerDir.of(root, "n1").isDelegated());
    env = Map.of("PATH", ""); // later calls find the delegate in the marker
    assertEquals(0, shim("kill", "n1", "9"));
    assertEquals(0, shim("delete", "--force", "n1"));
    String prefix = "--root " + root + " --log " + log + " --log-format json ";
    assertEquals(
        List.of(
            prefix + String.join(" ", create), prefix + "kill n1 9", prefix + "delete --force n1"),
        Files.readAllLines(calls));
  }

  private Path nativeBundle() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("native"));
    Files.createDirectories(bundle.resolve("rootfs/bin"));
    Files.writeString(bundle.resolve("rootfs/bin/sh"), "\u007fELF");
    Files.writeString(
        bundle.resolve("config.json"),
        "{\"process\":{\"args\":[\"/bin/sh\"]},\"root\":{\"path\":\"rootfs\"}}");
    return bundle;
  }

  @Test
  void theContainerIdIsFoundPastOptionValues() {
    assertEquals(Optional.of("c"), Dispatcher.idArgument("ps", List.of("--format", "json", "c")));
    assertEquals(Optional.of("c"), Dispatcher.idArgument("ps", List.of("-f", "json", "c")));
    assertEquals(Optional.of("c"), Dispatcher.idArgument("delete", List.of("-f", "c")));
    assertEquals(Optional.of("c"), Dispatcher.idArgument("kill", List.of("--all", "c", "9")));
    assertEquals(
        Optional.of("c"),
        Dispatcher.idArgument(
            "exec", List.of("--process", "/p.json", "--detach", "--pid-file", "/pid", "c")));
    assertEquals(Optional.empty(), Dispatcher.idArgument("state", List.of()));
  }
}
