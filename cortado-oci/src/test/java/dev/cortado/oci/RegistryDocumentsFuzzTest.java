package dev.cortado.oci;

import dev.cortado.oci.internal.WasmLayout;
import dev.cortado.oci.internal.spin.LockedAppJson;
import dev.cortado.oci.internal.spin.SpinLayout;
import dev.cortado.wasm.testing.TextMutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated documents as a hostile registry would serve them, read by what a pull reads them with: an
 * image index ({@link WasmLayout#choose}), a Wasm artifact's manifest ({@link WasmLayout#select}),
 * a Spin application's manifest ({@link SpinLayout#select}) and its locked app ({@link
 * LockedAppJson#read}). Each reads or throws an {@link OciException}, never another exception. The
 * seeds are what Cortado's own push writes.
 *
 * <p>CI reads 3,000 of each. A long run: {@code ./mvnw -o test -pl cortado-oci
 * -Dtest=RegistryDocumentsFuzzTest -Dcortado.fuzz.count=200000 -Dcortado.fuzz.seed=N}.
 */
class RegistryDocumentsFuzzTest {
  private static final Reference REF = Reference.parse("registry.example/acme/app:1");
  private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private static final String[] JSON =
      TextMutations.pieces(
          TextMutations.JSON,
          "\"sha256:\"",
          "\"sha256:zz\"",
          "\"application/vnd.wasm.content.layer.v1+wasm\"",
          "\"wasm\"",
          "\"wasip1\"",
          "\"size\":",
          "\"digest\":",
          "\"mediaType\":");

  @TempDir Path dir;

  @Test
  void aMutatedIndexChoosesAnEntryOrIsRefused() throws Exception {
    String index =
        """
        {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
         "manifests": [
          {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 512,
           "digest": "sha256:%s", "platform": {"architecture": "amd64", "os": "linux"}},
          {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 420,
           "digest": "sha256:%s", "platform": {"architecture": "wasm", "os": "wasip1"},
           "artifactType": "application/vnd.wasm.config.v0+json"}]}
        """
            .formatted("a".repeat(64), "b".repeat(64));
    fuzz(index, 20261206L, text -> WasmLayout.choose(raw(MediaTypes.OCI_INDEX, text), REF));
  }

  @Test
  void aMutatedWasmManifestSelectsItsLayerOrIsRefused() throws Exception {
    String manifest = utf8(WasmLayout.build(MODULE, Map.of("a", "b"), Instant.EPOCH).manifest());
    fuzz(manifest, 20261207L, text -> WasmLayout.select(raw(MediaTypes.OCI_MANIFEST, text), REF));
  }

  @Test
  void aMutatedSpinManifestAndLockedAppReadOrAreRefused() throws Exception {
    SpinLayout.Built built =
        SpinLayout.build(SpinApplicationTest.demoApp(dir.resolve("app")), Map.of(), Instant.EPOCH);
    fuzz(
        utf8(built.manifest()),
        20261208L,
        text -> {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          if (SpinLayout.isSpin(bytes)) {
            SpinLayout.select(bytes, REF);
          }
        });
    Path any = Files.write(dir.resolve("content"), MODULE);
    fuzz(
        utf8(built.lockedApp()),
        20261209L,
        text ->
            LockedAppJson.read(
                text.getBytes(StandardCharsets.UTF_8),
                "the locked app",
                (digest, inline, what) ->
                    new LockedApp.Content(digest, inline.map(b -> b.length).orElse(8), any)));
  }

  private static void fuzz(String seed, long randomSeed, TextMutations.Reader reader)
      throws Exception {
    reader.read(seed); // the seed itself reads
    TextMutations.fuzz(seed, JSON, randomSeed, 3000, OciException.class::isInstance, reader);
  }

  private static RawManifest raw(String mediaType, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new RawManifest(mediaType, bytes, Digest.sha256(bytes));
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
