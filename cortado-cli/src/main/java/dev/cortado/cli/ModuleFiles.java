package dev.cortado.cli;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.io.IOException;
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
  static byte[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UserException(file + ": is a folder, not a module file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserException(file + ": permission denied");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read: " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new UserException(file + ": too large to read into memory");
    }
  }

  /**
   * Decodes {@code bytes} read from {@code file}: the binary format.
   *
   * @throws dev.cortado.wasm.MalformedException if it is not a well-formed module
   */
  static WasmModule parse(Path file, byte[] bytes) {
    return ModuleDecoder.decode(bytes);
  }
}
