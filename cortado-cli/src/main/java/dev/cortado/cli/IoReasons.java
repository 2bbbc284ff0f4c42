package dev.cortado.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why a file operation failed: the JDK's exceptions for files carry the path as their
 * message ("cannot write: /a/b.jar" says nothing), their kind being the reason.
 */
final class IoReasons {
  private IoReasons() {}

  /** Returns why {@code e} happened, without the path the caller names itself. */
  static String of(IOException e) {
    String reason =
        switch (e) {
          case AccessDeniedException a -> "permission denied";
          case NoSuchFileException n -> "no such file or folder";
          case NotDirectoryException n -> "a part of the path is not a folder";
          case FileAlreadyExistsException f -> "it already exists";
          case FileSystemException f when f.getReason() != null -> f.getReason();
          default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    if (e instanceof FileSystemException f
        && f.getFile() != null
        && !reason.contains(f.getFile())) {
      String other = f.getOtherFile() != null ? " -> " + f.getOtherFile() : "";
      return reason + " (" + f.getFile() + other + ")";
    }
    return reason;
  }
}
