package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentInvalidException;
import dev.cortado.component.Definition;
import dev.cortado.component.WorldText;
import dev.cortado.wasm.Bytes;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code cortado inspect} shows of a component: its world and the core modules inside. */
final class ComponentSummary {
  private ComponentSummary() {}

  /**
   * Prints the summary of component {@code bytes} read from {@code file}; returns the exit status.
   */
  static int print(PrintWriter out, Path file, Bytes bytes, boolean wat) {
    if (wat) {
      throw new UserException(
          file
              + " is a component: --wat prints core modules only (there is no component text"
              + " printer yet)");
    }
    long start = System.nanoTime();
    Activity.now("decoding " + file);
    Component c = Component.decode(bytes);
    long micros = (System.nanoTime() - start) / 1000;
    String verdict;
    try {
      c.validate();
      verdict = "valid component";
    } catch (ComponentInvalidException e) {
      verdict = "invalid component (" + e.detail() + ")";
    }
    out.printf("%s: %s, %,d bytes%n", file, verdict, bytes.length());
    out.printf("decoded in %,d µs%n", micros);
    out.println();
    out.println("world:");
    for (String line : WorldText.of(c).split("\n")) {
      if (!line.isEmpty()) {
        out.println("  " + line);
      }
    }
    out.println();
    out.println("core modules (" + c.coreModules().size() + "):");
    for (Definition.CoreModule m : c.coreModules()) {
      out.printf("  %,12d bytes  at 0x%x%n", m.binary().length(), m.offset());
    }
    out.println("nested components: " + c.nestedComponents().size());
    out.flush();
    return 0;
  }
}
