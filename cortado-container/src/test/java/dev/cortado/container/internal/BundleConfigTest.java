package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.testing.TextMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleConfigTest {
  static final String CONFIG =
      """
      {"ociVersion":"1.0.2",
       "process":{"args":["/app.wasm","x"],"env":["A=1","B=two=2"],"cwd":"/work","terminal":false},
       "root":{"path":"rootfs","readonly":true},
       "mounts":[{"destination":"/proc","type":"proc","source":"proc"},
                 {"destination":"/data","type":"bind","source":"/srv/data","options":["rbind","ro"]},
                 {"destination":"/cache","source":"/srv/cache","options":["rbind"]}],
       "annotations":{"io.kubernetes.cri.container-name":"app"},
       "linux":{"resources":{"memory":{"limit":268435456}},"cgroupsPath":"/default/app"}}
      """;

  @Test
  void readsWhatTheRuntimeUses(@TempDir Path bundle) {
    BundleConfig c = BundleConfig.parse(bundle, CONFIG);
    assertEquals(bundle.resolve("rootfs"), c.rootfs());
    assertTrue(c.rootReadOnly());
    assertEquals(List.of("/app.wasm", "x"), c.args());
    assertEquals(List.of("A=1", "B=two=2"), c.env());
    assertEquals("/work", c.cwd());
    assertFalse(c.terminal());
    assertEquals(3, c.mounts().size());
    assertFalse(c.mounts().get(0).isBind());
    assertTrue(c.mounts().get(1).isBind() && c.mounts().get(1).readOnly());
    assertTrue(c.mounts().get(2).isBind(), "an rbind option makes a bind mount without a type");
    assertFalse(c.mounts().get(2).readOnly());
    assertEquals(Map.of("io.kubernetes.cri.container-name", "app"), c.annotations());
    assertEquals(268435456L, c.memoryLimit().orElseThrow());
    assertEquals("/default/app", c.cgroupsPath());
  }

  @Test
  void anAbsoluteRootPathIsKeptAndDefaultsApply(@TempDir Path bundle) {
    BundleConfig c =
        BundleConfig.parse(bundle, "{\"process\":{\"args\":[\"a\"]},\"root\":{\"path\":\"/r\"}}");
    assertEquals(Path.of("/r"), c.rootfs());
    assertEquals("/", c.cwd());
    assertTrue(c.memoryLimit().isEmpty());
    assertTrue(c.mounts().isEmpty() && c.env().isEmpty() && c.annotations().isEmpty());
    assertEquals("", c.cgroupsPath());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ | is not valid JSON",
        "[] | is not a JSON object",
        "{\"root\":{\"path\":\"r\"}} | process.args is empty",
        "{\"process\":{\"args\":\"a\"},\"root\":{\"path\":\"r\"}} | process.args must be a list",
        "{\"process\":{\"args\":[1]},\"root\":{\"path\":\"r\"}} | process.args must be a list",
        "{\"process\":{\"args\":[\"a\"]}} | root.path is missing",
        "{\"process\":[],\"root\":{\"path\":\"r\"}} | process must be an object",
        "{\"process\":{\"args\":[\"a\"]},\"root\":{\"path\":\"r\"},\"mounts\":[{}]} | mounts[0] has no"
            + " destination",
        "{\"process\":{\"args\":[\"a\"]},\"root\":{\"path\":\"r\"},\"annotations\":{\"k\":1}} |"
            + " annotation k must be a string"
      })
  void badConfigurationsAreNamed(String json, String expected) {
    RuncException e =
        assertThrows(RuncException.class, () -> BundleConfig.parse(Path.of("/b"), json));
    assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
  }

  @Test
  void aMissingBundleOrConfigIsNamed(@TempDir Path dir) {
    RuncException missing =
        assertThrows(RuncException.class, () -> BundleConfig.read(dir.resolve("nope")));
    assertEquals("bundle " + dir.resolve("nope") + " does not exist", missing.getMessage());
    RuncException noConfig = assertThrows(RuncException.class, () -> BundleConfig.read(dir));
    assertEquals("bundle " + dir + " has no config.json", noConfig.getMessage());
  }

  @Test
  void readsTheFileInTheBundle(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    assertEquals(List.of("/app.wasm", "x"), BundleConfig.read(dir).args());
  }

  /**
   * Mutated config.json (what containerd writes, or anything a bundle holds): a config or a {@link
   * RuncException}, never another exception. A long run: {@code -Dcortado.fuzz.count=1000000
   * -Dcortado.fuzz.seed=N}.
   */
  @Test
  void aMutatedConfigReadsOrIsRefusedWithARuncException(@TempDir Path bundle) {
    TextMutations.fuzz(
        CONFIG,
        TextMutations.pieces(TextMutations.JSON, "\"rbind\"", "\"ro\""),
        20261206L,
        3000,
        RuncException.class::isInstance,
        text -> BundleConfig.parse(bundle, text));
  }
}
