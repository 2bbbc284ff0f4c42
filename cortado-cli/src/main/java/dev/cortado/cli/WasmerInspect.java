package dev.cortado.cli;

import dev.cortado.oci.WasmerCommand;
import dev.cortado.oci.WasmerMount;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.oci.WasmerVolume;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cortado inspect PACKAGE}: a Wasmer package's name and version, its commands (runner, atom,
 * arguments), atoms (size) and volumes (files, folders, size, where they are mounted).
 */
final class WasmerInspect {
  private static final String RUNNERS = "https://webc.org/runner/";

  private WasmerInspect() {}

  static int print(PrintWriter out, Path file) {
    Activity.now("reading " + file);
    WasmerPackage pkg = OciSupport.call(() -> WasmerPackage.read(file));
    out.printf(
        "%s: %s package %s%s%n",
        file,
        pkg.format(),
        pkg.name().orElse("(unnamed)"),
        pkg.version().map(v -> "@" + v).orElse(""));
    out.println("entrypoint: " + pkg.entrypoint().orElse("none"));
    out.println();
    out.println("commands (" + pkg.commands().size() + "):");
    for (WasmerCommand c : pkg.commands()) {
      String runner =
          c.runner().startsWith(RUNNERS) ? c.runner().substring(RUNNERS.length()) : c.runner();
      String atom = c.atomDependency().map(d -> d + ":").orElse("") + c.atom();
      String args = c.mainArgs().isEmpty() ? "" : ", args: " + String.join(" ", c.mainArgs());
      out.printf("  %-20s runner %s, atom %s%s%n", c.name(), runner, atom, args);
    }
    out.println();
    out.println("atoms (" + pkg.atoms().size() + "):");
    pkg.atoms()
        .forEach(
            (name, bytes) -> out.printf("  %-20s %s%n", name, OciSupport.size(bytes.remaining())));
    out.println();
    out.println("volumes (" + pkg.volumes().size() + "):");
    for (WasmerVolume v : pkg.volumes()) {
      List<String> at = new ArrayList<>();
      for (WasmerMount m : pkg.mounts()) {
        if (m.volume().equals(v.name()) && m.dependency().isEmpty()) {
          at.add(
              m.guestPath()
                  + (m.pathInVolume().isEmpty() ? "" : " (its " + m.pathInVolume() + ")"));
        }
      }
      out.printf(
          "  %-20s %d files, %d folders, %s%s%n",
          v.name(),
          v.fileCount(),
          v.directories().size(),
          OciSupport.size(v.size()),
          at.isEmpty() ? ", not mounted" : ", mounted at " + String.join(", ", at));
    }
    for (WasmerMount m : pkg.mounts()) {
      m.dependency()
          .ifPresent(
              d ->
                  out.printf(
                      "  %-20s from dependency %s, mounted at %s%n", m.volume(), d, m.guestPath()));
    }
    out.flush();
    return 0;
  }
}
