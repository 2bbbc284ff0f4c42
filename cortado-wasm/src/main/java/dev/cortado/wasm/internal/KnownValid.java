package dev.cortado.wasm.internal;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decoding and validation of a binary that this build of the front end has fully validated before
 * (the runtime keeps a record by the binary's SHA-256): function bodies are neither checked by the
 * decoder nor validated up front; each is validated when its {@code FunctionInfo} is first asked
 * for. Not for anything else: a module that is in fact malformed or invalid would fail later, in
 * ways the spec does not allow. A binary not known to be valid finishes decoding with {@link
 * #checkBodies} and is then validated as usual.
 */
public final class KnownValid {
  /**
   * The class files whose behaviour decides whether a binary is well-formed and valid; a change to
   * any of them changes {@link #frontEndDigest()}, so records of another build are not used.
   */
  static final List<String> CLASSES =
      List.of(
          "binary/ModuleDecoder",
          "internal/ByteReader",
          "binary/CodeSection",
          "binary/CodeScanner",
          "binary/CodeBodies",
          "binary/InstructionReader",
          "binary/TypeSection",
          "binary/Types",
          "binary/ImportSection",
          "binary/FunctionSection",
          "binary/TableSection",
          "binary/MemorySection",
          "binary/GlobalSection",
          "binary/ExportSection",
          "binary/StartSection",
          "binary/ElementSection",
          "binary/DataCountSection",
          "binary/DataSection",
          "valid/Validator",
          "valid/FunctionValidator",
          "valid/ModuleRules",
          "valid/Context",
          "valid/ControlRules",
          "valid/VariableRules",
          "valid/MemoryRules",
          "valid/TableRules",
          "valid/ReferenceRules",
          "valid/VectorRules",
          "valid/ConstantRules",
          "Opcode",
          "Immediate");

  private static volatile Function<Bytes, WasmModule> decoder;
  private static volatile Consumer<WasmModule> bodyChecker;
  private static volatile Function<WasmModule, ValidatedModule> validator;

  private KnownValid() {}

  /** Called once by {@code ModuleDecoder}'s static initializer. */
  public static void install(
      Function<Bytes, WasmModule> decodeWithoutBodyChecks, Consumer<WasmModule> checkBodies) {
    decoder = decodeWithoutBodyChecks;
    bodyChecker = checkBodies;
  }

  /** Called once by {@code Validator}'s static initializer. */
  public static void installValidator(Function<WasmModule, ValidatedModule> validateLazily) {
    validator = validateLazily;
  }

  /** Decodes a binary known to be well-formed without checking its function bodies, no copy. */
  public static WasmModule decode(Bytes binary) {
    if (decoder == null) {
      initialize(ModuleDecoder.class);
    }
    return decoder.apply(binary);
  }

  /**
   * Checks the function bodies of a module from {@link #decode} after all, when it turns out not to
   * be known: it then fails as {@code ModuleDecoder.decode} of its binary would.
   *
   * @throws dev.cortado.wasm.MalformedException for the first malformed body
   */
  public static void checkBodies(WasmModule module) {
    if (bodyChecker == null) {
      initialize(ModuleDecoder.class);
    }
    bodyChecker.accept(module);
  }

  /** Returns {@code module}, known to be valid, with its functions validated on first use. */
  public static ValidatedModule validate(WasmModule module) {
    if (validator == null) {
      initialize(Validator.class);
    }
    return validator.apply(module);
  }

  /** Runs {@code c}'s static initializer, which installs its part. */
  private static void initialize(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a checksum of this build's decoder and validator class files, computed once ({@link
   * OwnJar#classesChecksum}: from their jar's directory, which reads no class and needs no {@code
   * MessageDigest}, whose first use in a process sets up the JDK's security providers) or read from
   * the launcher's {@link BuildFacts}.
   */
  public static String frontEndDigest() {
    return BuildFacts.get("frontEnd", KnownValid::checksum);
  }

  private static String checksum() {
    try {
      return OwnJar.classesChecksum(Bytes.class, CLASSES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
