package dev.cortado.cli;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.internal.IoReasons;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads module files given on the command line. */
final class ModuleFiles {
  private ModuleFiles() {}

  /**
   * Reads {@code file}'s bytes, or fails with a message saying why it cannot be read.
   *
   * @throws UserException if the file is missing, a folder, or unreadable
   */
  static Bytes read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UserException(file + ": is a folder, not a module file");
    }
    try {
      return Bytes.read(file);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserException(file + ": permission denied");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read: " + IoReasons.of(e, file), e);
    } catch (OutOfMemoryError e) {
      throw new UserException(file + ": too large to read into memory");
    }
  }

  /**
   * Returns the module in {@code bytes} read from {@code file}: the binary format when the bytes
   * start with its header, else the text format when the file is named {@code .wat} or its bytes
   * read as text, else the binary format (whose error then says the header is missing).
   *
   * @throws dev.cortado.wasm.MalformedException if it is not a well-formed module
   */
  static WasmModule parse(Path file, Bytes bytes) {
    return parse(file, bytes, WasmVersion.WASM_3_0);
  }

  /**
   * Returns the module as {@link #parse(Path, Bytes)} does, read as edition {@code version} writes
   * modules.
   */
  static WasmModule parse(Path file, Bytes bytes, WasmVersion version) {
    if (!looksLikeBinary(bytes) && looksLikeText(file, bytes)) {
      return TextParser.parseModule(text(bytes), version);
    }
    return ModuleDecoder.decode(bytes, version);
  }

  /**
   * Decodes (or parses) and validates {@code file}'s {@code bytes} once for {@code engine}; a
   * binary is compiled from its own bytes, whose SHA-256 finds compiled code in the cache or a
   * precompiled jar.
   */
  static Module compile(Engine engine, Path file, Bytes bytes) {
    if (!looksLikeBinary(bytes) && looksLikeText(file, bytes)) {
      return Module.compile(
          engine, TextParser.parseModule(text(bytes), engine.config().wasmVersion()));
    }
    return Module.compile(engine, bytes);
  }

  /**
   * Reads {@code file} for a command that ships a binary module ({@code push}, {@code image
   * build}): a module in the text format is parsed, validated and encoded, since a registry's or
   * container's other runtimes read binaries only.
   *
   * @throws UserException if it cannot be read, or is text that is not a valid module
   * @throws dev.cortado.wasm.WasmException if the text is malformed or invalid
   */
  static byte[] readBinary(Path file) {
    Bytes bytes = read(file);
    if (!looksLikeBinary(bytes) && looksLikeText(file, bytes)) {
      WasmModule m = TextParser.parseModule(text(bytes));
      Validator.validate(m);
      return encode(file, m);
    }
    return bytes.toArray();
  }

  /** Returns the name of {@code file}'s binary: its name with {@code .wat} made {@code .wasm}. */
  static String binaryName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".wat") ? name.substring(0, name.length() - 4) + ".wasm" : name;
  }

  /** Returns whether {@code bytes} start like a Wasm binary (the magic header). */
  static boolean looksLikeBinary(Bytes bytes) {
    return bytes.length() >= 4
        && bytes.get(0) == 0
        && bytes.get(1) == 'a'
        && bytes.get(2) == 's'
        && bytes.get(3) == 'm';
  }

  /** Returns {@code bytes} read as UTF-8 text. */
  static String text(Bytes bytes) {
    return StandardCharsets.UTF_8.decode(bytes.asReadOnlyBuffer()).toString();
  }

  private static boolean looksLikeText(Path file, Bytes bytes) {
    String name = file.getFileName().toString();
    if (name.endsWith(".wat") || name.endsWith(".wast")) {
      return true;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(bytes.asReadOnlyBuffer())
              .toString()
              .stripLeading();
      return text.startsWith("(") || text.startsWith(";;");
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Returns the binary encoding of {@code module}, read from {@code file}; a module text can say
   * that has none (limits above a 32-bit memory's u32s) is a user error.
   */
  static byte[] encode(Path file, WasmModule module) {
    try {
      return ModuleEncoder.encode(module);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": the module has no binary encoding: " + e.getMessage(), e);
    }
  }
}
