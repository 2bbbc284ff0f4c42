package dev.cortado.server;

import java.nio.file.Path;

/**
 * A Spin manifest is not valid: the message starts with the file, line and key, as in {@code
 * spin.toml:12: component.hello.source: no such file "hello.wasm"}.
 */
public final class ManifestException extends ServeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String key;

  /**
   * Creates the exception for {@code key} at {@code line} of {@code file} (0 when the line is not
   * known, for example a required key that is missing from its table).
   */
  public ManifestException(Path file, int line, String key, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  /** Returns the manifest file. */
  public Path file() {
    return file;
  }

  /** Returns the line of the manifest the problem is on, or 0 if it is not on one line. */
  public int line() {
    return line;
  }

  /** Returns the dotted key the problem is about, or an empty string for the whole file. */
  public String key() {
    return key;
  }
}
