package dev.cortado.wasm.text;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A module as a script writes it: in the text format, as binary bytes ({@code (module binary
 * "...")}), or as quoted text ({@code (module quote "...")}). {@link #module()} converts it to the
 * model, which for a malformed module throws {@link MalformedException}.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public sealed interface ModuleSource {
  /** Returns the module's identifier ({@code $name} after {@code module}), if it has one. */
  Optional<String> id();

  /**
   * Returns the module, in Wasm 3.0's text format if it is text.
   *
   * @throws MalformedException if the module is malformed
   */
  default WasmModule module() {
    return module(WasmVersion.WASM_3_0);
  }

  /**
   * Returns the module, read by edition {@code version} of the text format if it is text.
   *
   * @throws MalformedException if the module is malformed
   */
  WasmModule module(WasmVersion version);

  /**
   * A module written in the text format inside the script. It is converted each time {@link
   * #module()} is called, and errors carry the script's lines and columns.
   */
  final class Text implements ModuleSource {
    private final Optional<String> id;
    private final List<SExpr> fields;
    private final List<SExpr.Annotation> annotations;
    private final int line;
    private final int endLine;
    private final int endColumn;

    Text(
        Optional<String> id,
        List<SExpr> fields,
        List<SExpr.Annotation> annotations,
        int line,
        int endLine,
        int endColumn) {
      this.id = Objects.requireNonNull(id, "id");
      this.fields = List.copyOf(fields);
      this.annotations = List.copyOf(annotations);
      this.line = line;
      this.endLine = endLine;
      this.endColumn = endColumn;
    }

    @Override
    public Optional<String> id() {
      return id;
    }

    @Override
    public WasmModule module(WasmVersion version) {
      return ModuleParser.fields(new Cursor(fields, endLine, endColumn), annotations, version);
    }

    @Override
    public String toString() {
      return "ModuleSource.Text[id=" + id + ", line " + line + "]";
    }
  }

  /**
   * A module given as the bytes of its binary encoding.
   *
   * @param id the module's identifier, if any
   * @param bytes the strings of the command, concatenated
   */
  record Binary(Optional<String> id, Bytes bytes) implements ModuleSource {
    /** Checks both parts are present. */
    public Binary {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(bytes, "bytes");
    }

    /** Decodes the bytes as {@code version} encodes modules. */
    @Override
    public WasmModule module(WasmVersion version) {
      return ModuleDecoder.decode(bytes.toArray(), version);
    }
  }

  /**
   * A module given as text in strings, which is how scripts write text that must fail to parse.
   *
   * @param id the module's identifier, if any
   * @param text the strings of the command, concatenated (bytes, which must be UTF-8)
   */
  record Quote(Optional<String> id, Bytes text) implements ModuleSource {
    /** Checks both parts are present. */
    public Quote {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }

    /**
     * Parses the text with {@link TextParser#parseModule}; errors have lines and columns within the
     * quoted text.
     */
    @Override
    public WasmModule module(WasmVersion version) {
      String source =
          Utf8.decode(text.toArray())
              .orElseThrow(
                  () ->
                      MalformedException.text(
                          "malformed UTF-8 encoding in quoted module text", 1, 1));
      return TextParser.parseModule(source, version);
    }
  }
}
