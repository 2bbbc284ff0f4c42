package dev.cortado.runtime.internal.compiled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What compiled code depends on besides its module: the Cortado version and the contract between
 * generated classes and the runtime. Both are part of every cache key and are checked before
 * precompiled classes found on the class path are used.
 */
public final class CodeVersion {
  /**
   * The contract generated code relies on: {@link Support}'s and {@link CompiledExceptions}'
   * methods, {@link CompiledModule}, the fields of the machine and store objects it reads. Bump it
   * with any change there, so that code compiled against the old contract is rebuilt instead of
   * failing to link.
   */
  public static final int ABI = 9;

  /** This build's Cortado version ({@code 0.1.0-SNAPSHOT}, ...). */
  public static final String CORTADO = readVersion();

  private CodeVersion() {}

  private static String readVersion() {
    try (InputStream in = CodeVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
