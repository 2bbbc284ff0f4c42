package dev.cortado.wasm.internal;

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
public final class IoReasons {
  private IoReasons() {}

  /**
   * Returns why {@code e} happened, naming the file it happened to unless that is {@code named},
   * the path the caller's message names already.
   */
  public static String of(IOException e, java.nio.file.Path named) {
    if (e instanceof FileSystemException f
        && named.toString().equals(f.getFile())
        && f.getOtherFile() == null) {
      return reason(e);
    }
    return of(e);
  }

  /** Returns why {@code e} happened, and the file it happened to if the exception names one. */
  public static String of(IOException e) {
    String reason = reason(e);
    if (e instanceof FileSystemException f
        && f.getFile() != null
        && !reason.contains(f.getFile())) {
      String other = f.getOtherFile() != null ? " -> " + f.getOtherFile() : "";
      return reason + " (" + f.getFile() + other + ")";
    }
    return reason;
  }

  private static String reason(IOException e) {
    String reason =
        switch (e) {
          case AccessDeniedException a -> "permission denied";
          case NoSuchFileException n -> "no such file or folder";
          case NotDirectoryException n -> "a part of the path is not a folder";
          case FileAlreadyExistsException f -> "it already exists";
          case FileSystemException f when f.getReason() != null -> f.getReason();
          default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    return reason;
  }
}
