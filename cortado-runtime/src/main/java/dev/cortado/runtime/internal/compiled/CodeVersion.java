package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.BuildFacts;
import dev.cortado.wasm.internal.OwnJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What compiled code depends on besides its module: the Cortado version and the contract between
 * generated classes and the runtime. Both are part of every cache key and are checked before
 * precompiled classes found on the class path are used.
 */
public final class CodeVersion {
  /**
   * The contract generated code relies on: {@link Support}'s, {@link CompiledExceptions}' and
   * {@link GcAccess}' methods, {@link CompiledModule}, the fields of the machine and store objects
   * it reads. Bump it with any change there, so that code compiled against the old contract is
   * rebuilt instead of failing to link.
   */
  public static final int ABI = 11;

  /**
   * This build's Cortado version ({@code 0.1.0-SNAPSHOT}, ...), from the runtime jar's {@code
   * version.properties} or the launcher's {@link BuildFacts}.
   */
  public static final String CORTADO = BuildFacts.get("version", CodeVersion::readVersion);

  private static final String VERSION_FILE = "version.properties";

  private CodeVersion() {}

  private static String readVersion() {
    try {
      byte[] text = OwnJar.resources(CodeVersion.class, List.of(VERSION_FILE)).get(VERSION_FILE);
      if (text == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(new ByteArrayInputStream(text));
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
