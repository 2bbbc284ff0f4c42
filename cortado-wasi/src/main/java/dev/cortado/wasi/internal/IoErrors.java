package dev.cortado.wasi.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Maps the JDK's I/O exceptions to the errno a POSIX system would give. */
public final class IoErrors {
  private IoErrors() {}

  /** Returns the errno for {@code e}. */
  public static int errno(IOException e) {
    return switch (e) {
      case NoSuchFileException x -> Errno.NOENT;
      case FileAlreadyExistsException x -> Errno.EXIST;
      case DirectoryNotEmptyException x -> Errno.NOTEMPTY;
      case NotDirectoryException x -> Errno.NOTDIR;
      case AccessDeniedException x -> Errno.ACCES;
      case NotLinkException x -> Errno.INVAL;
      case FileSystemLoopException x -> Errno.LOOP;
      case FileSystemException x -> fromReason(x.getReason());
      default -> fromReason(e.getMessage());
    };
  }

  /** Returns a failure for {@code e}. */
  public static Errno.Failure fail(IOException e) {
    return Errno.fail(errno(e), String.valueOf(e.getMessage()));
  }

  private static int fromReason(String reason) {
    if (reason == null) {
      return Errno.IO;
    }
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    if (r.contains("is a directory")) {
      return Errno.ISDIR;
    } else if (r.contains("not a directory")) {
      return Errno.NOTDIR;
    } else if (r.contains("too many levels of symbolic links")) {
      return Errno.LOOP;
    } else if (r.contains("file name too long")) {
      return Errno.NAMETOOLONG;
    } else if (r.contains("no space left")) {
      return Errno.NOSPC;
    } else if (r.contains("read-only file system")) {
      return Errno.ROFS;
    } else if (r.contains("directory not empty")) {
      return Errno.NOTEMPTY;
    } else if (r.contains("invalid argument")) {
      return Errno.INVAL;
    } else if (r.contains("cross-device")) {
      return Errno.XDEV;
    } else if (r.contains("too many links")) {
      return Errno.MLINK;
    } else if (r.contains("operation not permitted")) {
      return Errno.PERM;
    } else if (r.contains("permission denied")) {
      return Errno.ACCES;
    } else if (r.contains("file exists")) {
      return Errno.EXIST;
    } else if (r.contains("no such file")) {
      return Errno.NOENT;
    } else if (r.contains("broken pipe")) {
      return Errno.PIPE;
    } else if (r.contains("connection reset")) {
      return Errno.CONNRESET;
    }
    return Errno.IO;
  }
}
