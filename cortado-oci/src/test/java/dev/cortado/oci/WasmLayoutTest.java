package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.internal.ComponentWorld;
import dev.cortado.oci.internal.WasmLayout;
import dev.cortado.wasm.WasmException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Wasm layouts and telling modules from components. */
class WasmLayoutTest {
  private static final Reference REF = Reference.parse("example.com/acme/app:1");
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);
  private static final String D3 = "sha256:" + "3".repeat(64);

  private static RawManifest manifest(String type, String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return new RawManifest(type, b, Digest.sha256(b));
  }

  private static String layers(String configType, String... layerTypes) {
    StringBuilder s = new StringBuilder();
    String[] digests = {D2, D3, D1};
    for (int i = 0; i < layerTypes.length; i++) {
      s.append(i > 0 ? "," : "")
          .append(
              "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":9}"
                  .formatted(layerTypes[i], digests[i]));
    }
    return "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":2},\"layers\":[%s]}"
        .formatted(configType, D1, s);
  }

  @Test
  void tellsCoreModulesFromComponents() {
    assertEquals("wasip1", WasmLayout.osOf(TestModules.core("x")));
    assertEquals("wasip2", WasmLayout.osOf(TestModules.component("a:b/c", "d:e/f")));
    OciException notWasm =
        assertThrows(
            OciException.class,
            () -> WasmLayout.osOf("#!/bin/sh\necho".getBytes(StandardCharsets.UTF_8)));
    assertEquals(OciException.Kind.NOT_WASM, notWasm.kind());
    byte[] broken = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x01, 0x05};
    assertThrows(WasmException.class, () -> WasmLayout.osOf(broken));
  }

  @Test
  void readsTheNamesOfAComponentsWorld() {
    ComponentWorld w =
        ComponentWorld.of(TestModules.component("wasi:io/streams@0.2.0", "wasi:cli/run@0.2.0"));
    assertEquals(List.of("wasi:io/streams@0.2.0"), w.imports());
    assertEquals(List.of("wasi:cli/run@0.2.0"), w.exports());
  }

  @Test
  void selectsTheOneWasmLayerOfEachLayout() {
    for (String type : MediaTypes.WASM_LAYERS) {
      WasmLayout.Selected s =
          WasmLayout.select(
              manifest(
                  MediaTypes.OCI_MANIFEST,
                  layers("application/vnd.oci.image.config.v1+json", type)),
              REF);
      assertEquals(type, s.layer().mediaType());
      assertEquals(D2, s.layer().digest().toString());
    }
  }

  @Test
  void rejectsACncfManifestWithMoreThanOneLayer() {
    OciException e =
        assertThrows(
            OciException.class,
            () ->
                WasmLayout.select(
                    manifest(
                        MediaTypes.OCI_MANIFEST,
                        layers(MediaTypes.WASM_CONFIG_V0, "application/wasm", "text/plain")),
                    REF));
    assertEquals(OciException.Kind.NOT_WASM, e.kind());
    assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
  }

  @Test
  void saysWhichMediaTypesWereFoundInsteadOfWasm() {
    OciException e =
        assertThrows(
            OciException.class,
            () ->
                WasmLayout.select(
                    manifest(
                        MediaTypes.DOCKER_MANIFEST,
                        layers(
                            "application/vnd.docker.container.image.v1+json",
                            "application/vnd.docker.image.rootfs.diff.tar.gzip")),
                    REF));
    assertTrue(
        e.getMessage().contains("application/vnd.docker.image.rootfs.diff.tar.gzip"),
        e.getMessage());
    OciException helm =
        assertThrows(
            OciException.class,
            () -> WasmLayout.select(manifest("application/vnd.cncf.helm.chart", "{}"), REF));
    assertTrue(helm.getMessage().contains("application/vnd.cncf.helm.chart"), helm.getMessage());
  }

  @Test
  void choosesFromAnIndexByPlatformPreferringWasip1() {
    String index =
        """
        {"schemaVersion":2,"manifests":[
          {"mediaType":"%1$s","digest":"%2$s","size":1,"platform":{"architecture":"amd64","os":"linux"}},
          {"mediaType":"%1$s","digest":"%3$s","size":1,"platform":{"architecture":"wasm","os":"wasip2"}},
          {"mediaType":"%1$s","digest":"%4$s","size":1,"platform":{"architecture":"wasm","os":"wasip1"}}]}"""
            .formatted(MediaTypes.OCI_MANIFEST, D1, D2, D3);
    assertEquals(
        D3, WasmLayout.choose(manifest(MediaTypes.OCI_INDEX, index), REF).digest().toString());
    String linuxOnly =
        "{\"manifests\":[{\"digest\":\"%s\",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}}]}"
            .formatted(D1);
    OciException e =
        assertThrows(
            OciException.class,
            () -> WasmLayout.choose(manifest(MediaTypes.OCI_INDEX, linuxOnly), REF));
    assertTrue(e.getMessage().contains("linux/arm64"), e.getMessage());
  }
}
