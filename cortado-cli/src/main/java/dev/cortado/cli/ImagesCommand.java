package dev.cortado.cli;

import dev.cortado.oci.LocalStore;
import dev.cortado.oci.StoredImage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code cortado images}: the modules in the local store, one per reference. */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "images",
    description =
        "List the WebAssembly modules in the local store: reference, digest, size, created.")
final class ImagesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<StoredImage> images = OciSupport.call(() -> LocalStore.defaultStore().images());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"REFERENCE", "DIGEST", "SIZE", "CREATED"});
    for (StoredImage i : images) {
      rows.add(
          new String[] {
            i.reference().toString(),
            i.manifest().toString(),
            OciSupport.size(i.size()),
            i.created().isEmpty() ? "-" : i.created()
          });
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < 4; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 4; c++) {
        line.append(c < 3 ? String.format("%-" + widths[c] + "s  ", row[c]) : row[c]);
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
    return 0;
  }
}
