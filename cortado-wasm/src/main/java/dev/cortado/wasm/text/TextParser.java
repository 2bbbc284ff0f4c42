package dev.cortado.wasm.text;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses the WebAssembly text format: a module ({@code .wat}) or a script of commands ({@code
 * .wast}, the format of the spec tests).
 *
 * <p>Everything the text format does not allow is reported as a {@link MalformedException} with the
 * 1-based line and column where the problem is. Whether the module is valid (types, indices in
 * range) is not checked here: that is the validator's job.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/index.html">Text format</a>
 */
public final class TextParser {
  private TextParser() {}

  /**
   * Parses one module: {@code (module $id? field*)}, or the fields alone (the abbreviation where
   * the {@code module} wrapper is left out).
   *
   * @throws MalformedException if the text is not a well-formed module
   * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#modules">Modules</a>
   */
  public static WasmModule parseModule(String text) {
    return parseModule(text, WasmVersion.WASM_3_0);
  }

  /**
   * Parses one module as {@link #parseModule(String)} does, by edition {@code version} of the text
   * format.
   *
   * @throws MalformedException if the text is not a well-formed module
   */
  public static WasmModule parseModule(String text, WasmVersion version) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(version, "version");
    List<Token> tokens = Lexer.tokenize(text);
    SExpr.Forest forest = SExpr.read(tokens);
    List<SExpr> items = forest.items();
    Token eof = tokens.get(tokens.size() - 1);
    WasmModule module;
    if (items.size() == 1
        && items.get(0) instanceof SExpr.Parens p
        && p.head().equals(Optional.of("module"))) {
      module = ModuleParser.module(p, version);
    } else {
      module =
          ModuleParser.fields(
              new Cursor(items, eof.line(), eof.column()), forest.annotations(), version);
    }
    forest.balanced();
    return module;
  }

  /**
   * Parses a script: a sequence of commands defining modules, invoking their exports and asserting
   * outcomes. Text modules in the script are converted to {@link WasmModule}s only when asked
   * ({@link ModuleSource#module()}), so one malformed module does not stop the others.
   *
   * @param text the script
   * @param sourceName the file name or another description of where the script comes from
   * @throws MalformedException if the script itself is not well-formed
   * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
   */
  public static Script parseScript(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    return ScriptParser.parse(text, sourceName);
  }
}
