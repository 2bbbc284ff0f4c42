package dev.cortado.runtime;

import dev.cortado.runtime.internal.compiled.Tier;
import dev.cortado.runtime.internal.interp.ModuleCode;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.util.List;
import java.util.Objects;

/**
 * A validated module, ready to instantiate any number of times in any store of its engine.
 * Immutable and thread-safe; its functions are prepared for the interpreter on first call and
 * shared by all its instances.
 */
public final class Module {
  private final Engine engine;
  private final ValidatedModule validated;
  private final ModuleCode code;
  private final Tier tier;

  private Module(Engine engine, ValidatedModule validated) {
    this.engine = engine;
    this.validated = validated;
    this.code = new ModuleCode(validated, engine::typeId);
    this.tier =
        switch (engine.config().executionEngine()) {
          case INTERPRETER -> null;
          case COMPILER -> Tier.compiledNow(validated, engine::typeId);
          case AUTO -> Tier.later(validated, engine::typeId);
        };
  }

  /**
   * Decodes and validates a module in the binary format.
   *
   * @throws MalformedException if the bytes are not a well-formed module
   * @throws InvalidException if the module is not valid
   */
  public static Module compile(Engine engine, byte[] binary) {
    Objects.requireNonNull(engine, "engine");
    return compile(engine, ModuleDecoder.decode(binary));
  }

  /**
   * Validates a decoded or parsed module.
   *
   * @throws InvalidException if the module is not valid
   */
  public static Module compile(Engine engine, WasmModule module) {
    Objects.requireNonNull(engine, "engine");
    return new Module(engine, Validator.validate(module, engine.config().parallelValidation()));
  }

  /**
   * Parses and validates a module in the text format ({@code .wat}).
   *
   * @throws MalformedException if the text is not a well-formed module
   * @throws InvalidException if the module is not valid
   */
  public static Module compileText(Engine engine, String wat) {
    Objects.requireNonNull(engine, "engine");
    return compile(engine, TextParser.parseModule(wat));
  }

  /** Returns the engine the module was compiled with. */
  public Engine engine() {
    return engine;
  }

  /** Returns the module's definition. */
  public WasmModule definition() {
    return validated.module();
  }

  /** Returns the imports an instantiation must satisfy, in order. */
  public List<Import> imports() {
    return validated.module().imports();
  }

  /** Returns the exports. */
  public List<Export> exports() {
    return validated.module().exports();
  }

  ValidatedModule validated() {
    return validated;
  }

  ModuleCode code() {
    return code;
  }

  /** Returns the module's compiled tier, or null when it runs in the interpreter only. */
  Tier tier() {
    return tier;
  }
}
