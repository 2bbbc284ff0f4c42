package dev.cortado.oci;

import dev.cortado.oci.testing.BindleWriter;
import dev.cortado.wasm.testing.TextMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the standalone bindle reader mutated invoice.toml files (the parcels stay as they were):
 * whatever the text, it reads a bindle or refuses it with an {@link OciException}, never another
 * exception or a hang.
 */
class BindleInvoiceFuzzTest {
  @TempDir Path temp;

  private static final String[] PIECES =
      TextMutations.pieces(
          TextMutations.TOML,
          "sha256",
          "size",
          "name",
          "[[parcel]]",
          "[parcel.label]",
          "[parcel.conditions]",
          "requires",
          "memberOf",
          "feature");

  @Test
  void mutatedInvoicesAreReadOrRefusedInWords() throws Exception {
    BindleWriter example = BindleTest.example();
    Path folder = example.writeStandalone(temp.resolve("bindle"));
    LocalStore store = LocalStore.open(temp.resolve("store"));
    Bindles.readStandalone(folder, store); // the seed is good
    TextMutations.fuzz(
        example.invoice(),
        PIECES,
        7,
        2_000,
        t -> t instanceof OciException,
        text -> {
          Files.writeString(folder.resolve("invoice.toml"), text);
          Bindles.readStandalone(folder, store);
        });
  }
}
