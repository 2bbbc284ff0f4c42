package dev.cortado.cli;

import dev.cortado.wasm.internal.IoReasons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file an {@code -o} option names ({@code compile}, {@code pull}, {@code image build}, {@code
 * wat2wasm}).
 */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * Refuses a folder as the output, before any work is done, saying what to give instead: {@code
   * example}, a file name in that folder.
   */
  static void requireFileName(Path output, String what, String example) {
    if (Files.isDirectory(output)) {
      throw new UserException(
          "-o "
              + output
              + ": is a folder; give the "
              + what
              + "'s file name, for example -o "
              + output.resolve(example));
    }
  }

  /** Makes the folders {@code output} goes in, if they are missing. */
  static void makeFolders(Path output) {
    Path parent = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UserException(parent + ": cannot make the folder: " + IoReasons.of(e, parent), e);
    }
  }
}
