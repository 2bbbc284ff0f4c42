package dev.cortado.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.wasm.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes: every manifest through {@code kubectl apply --dry-run=client} (against {@link
 * FakeApiDiscovery}, with {@code --validate=false}: there is no cluster), the names that must agree
 * across them, and the node installer's script on a fake host root, whose containerd configuration
 * the real containerd then reads.
 */
class KubernetesDeployTest {
  private static final Path DEPLOY = Containerd.REPO.resolve("deploy/kubernetes");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int status, String out) {}

  private Run run(Map<String, String> env, String... command) throws Exception {
    Path out = dir.resolve("out-" + System.nanoTime());
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out));
  }

  /** The objects of {@code file} as kubectl's client-side dry run prints them. */
  private List<JsonNode> dryRun(FakeApiDiscovery api, String file) throws Exception {
    Path kubectl = ExternalTool.require("kubectl", "kubernetes-client");
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "");
    Run r =
        run(
            Map.of("HOME", dir.toString()),
            kubectl.toString(),
            "--kubeconfig",
            kubeconfig.toString(),
            "--cache-dir",
            dir.resolve("kube-cache").toString(),
            "--server",
            api.url(),
            "apply",
            "--dry-run=client",
            "--validate=false",
            "-o",
            "json",
            "-f",
            DEPLOY.resolve(file).toString());
    assertEquals(0, r.status(), file + ": " + r.out());
    JsonNode n = JSON.readTree(r.out());
    List<JsonNode> objects = new ArrayList<>();
    if (n.path("kind").asText().equals("List")) {
      n.get("items").forEach(objects::add);
    } else {
      objects.add(n);
    }
    return objects;
  }

  private static JsonNode only(List<JsonNode> objects, String kind) {
    List<JsonNode> found =
        objects.stream().filter(o -> o.get("kind").asText().equals(kind)).toList();
    assertEquals(1, found.size(), kind + " in " + objects);
    return found.get(0);
  }

  @Test
  void everyManifestPassesAClientSideDryRunAndTheNamesAgree() throws Exception {
    try (FakeApiDiscovery api = new FakeApiDiscovery()) {
      List<JsonNode> runtimeClass = dryRun(api, "runtimeclass.yaml");
      List<JsonNode> installer = dryRun(api, "node-installer.yaml");
      List<JsonNode> example = dryRun(api, "example-pod.yaml");

      JsonNode rc = only(runtimeClass, "RuntimeClass");
      assertEquals("cortado", rc.get("handler").asText());
      String toml = Files.readString(DEPLOY.resolve("containerd-config.toml"));
      assertTrue(toml.contains("runtimes." + rc.get("handler").asText() + "]"), toml);
      assertEquals(
          rc.get("metadata").get("name").asText(),
          only(example, "Pod").get("spec").get("runtimeClassName").asText());

      assertEquals(
          List.of("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "DaemonSet"),
          installer.stream().map(o -> o.get("kind").asText()).toList());
      JsonNode pod = only(installer, "DaemonSet").get("spec").get("template").get("spec");
      JsonNode install = pod.get("initContainers").get(0);
      assertEquals("/installer/install.sh", install.get("command").get(0).asText());
      assertTrue(
          Files.readString(DEPLOY.resolve("installer/Dockerfile"))
              .contains("install.sh /installer/install.sh"));
      String label = "cortado.dev/runtime";
      assertEquals("installed", rc.get("scheduling").get("nodeSelector").get(label).asText());
      assertTrue(Files.readString(DEPLOY.resolve("installer/install.sh")).contains(label));
    }
  }

  @Test
  void theInstallerCopiesCortadoAndRegistersTheHandlerOnce() throws Exception {
    Path host = dir.resolve("host");
    Path source = Files.createDirectories(dir.resolve("cortado/bin"));
    Files.writeString(source.resolve("cortado-runc"), "#!/bin/sh\n");
    Path config = host.resolve("etc/containerd/config.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config, "version = 2\n[grpc]\n  address = \"/run/containerd/containerd.sock\"\n");
    Map<String, String> env = new HashMap<>();
    env.put("HOST_ROOT", host.toString());
    env.put("SOURCE", source.getParent().toString());
    env.put("RESTART_CONTAINERD", "no");
    String script = DEPLOY.resolve("installer/install.sh").toString();
    for (int i = 0; i < 2; i++) {
      Run r = run(env, "sh", script);
      assertEquals(0, r.status(), r.out());
    }
    assertTrue(Files.exists(host.resolve("opt/cortado/bin/cortado-runc")));
    String written = Files.readString(config);
    assertEquals(1, written.split("runtimes\\.cortado\\]", -1).length - 1, written);
    assertTrue(
        Files.readString(config.resolveSibling("config.toml.before-cortado"))
            .startsWith("version = 2"));
    // The real containerd reads the result (and the documented snippet) as we mean it.
    Path containerd = ExternalTool.require("containerd", "containerd");
    Run dump =
        run(Map.of(), containerd.toString(), "--config", config.toString(), "config", "dump");
    assertEquals(0, dump.status(), dump.out());
    assertTrue(dump.out().contains("BinaryName = \"/opt/cortado/bin/cortado-runc\""), dump.out());
    Path snippet =
        Files.writeString(
            dir.resolve("snippet.toml"),
            "version = 2\n" + Files.readString(DEPLOY.resolve("containerd-config.toml")));
    Run snippetDump =
        run(Map.of(), containerd.toString(), "--config", snippet.toString(), "config", "dump");
    assertEquals(0, snippetDump.status(), snippetDump.out());
    assertTrue(
        snippetDump
            .out()
            .contains("[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.cortado]"),
        snippetDump.out());
  }
}
