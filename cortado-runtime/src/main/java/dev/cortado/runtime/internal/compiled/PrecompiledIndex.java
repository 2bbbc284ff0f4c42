package dev.cortado.runtime.internal.compiled;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The resource {@code META-INF/cortado/compiled/<sha256>} that announces a module's precompiled
 * classes on the class path: which Cortado and which runtime contract they were compiled for, the
 * entry class, and which functions were compiled. One format, written by the compiler and read by
 * the runtime.
 *
 * @param cortado the Cortado version the classes were compiled by
 * @param abi the {@link CodeVersion#ABI} they were compiled against
 * @param codegen the compiler's own code generation version (informative)
 * @param entryClass the binary name of the class extending {@link CompiledModule}
 * @param compiled the defined functions that were compiled
 */
public record PrecompiledIndex(
    String cortado, int abi, int codegen, String entryClass, BitSet compiled) {
  /** Where the index of the module with SHA-256 {@code sha256} (hex) lives on the class path. */
  public static String resourceName(String sha256) {
    return "META-INF/cortado/compiled/" + sha256;
  }

  /** Returns whether this runtime can use the classes: same Cortado and contract. */
  public boolean usableHere() {
    return cortado.equals(CodeVersion.CORTADO) && abi == CodeVersion.ABI;
  }

  /** Returns the index as the text of the resource. */
  public String render() {
    return "# Cortado precompiled module\n"
        + "format=1\n"
        + "cortado="
        + cortado
        + "\nabi="
        + abi
        + "\ncodegen="
        + codegen
        + "\nentry="
        + entryClass
        + "\ncompiled="
        + HexFormat.of().formatHex(compiled.toByteArray())
        + "\n";
  }

  /** Reads an index; empty when the text is not one this runtime understands. */
  public static Optional<PrecompiledIndex> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      if (!"1".equals(p.getProperty("format"))) {
        return Optional.empty();
      }
      String entry = p.getProperty("entry", "");
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new PrecompiledIndex(
              p.getProperty("cortado", ""),
              Integer.parseInt(p.getProperty("abi", "-1")),
              Integer.parseInt(p.getProperty("codegen", "-1")),
              entry,
              BitSet.valueOf(HexFormat.of().parseHex(p.getProperty("compiled", "")))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
