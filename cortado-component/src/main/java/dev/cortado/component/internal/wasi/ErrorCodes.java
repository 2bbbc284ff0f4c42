package dev.cortado.component.internal.wasi;

import dev.cortado.wasi.internal.Abi;
import dev.cortado.wasi.internal.Errno;

/**
 * {@code wasi:filesystem}'s enums from preview1's numbers: an errno as an {@code error-code}, a
 * file type as a {@code descriptor-type}.
 */
final class ErrorCodes {
  private ErrorCodes() {}

  static final int ACCESS = 0;
  static final int BAD_DESCRIPTOR = 3;
  static final int INVALID = 12;
  static final int IO = 13;
  static final int IS_DIRECTORY = 14;
  static final int NOT_DIRECTORY = 24;
  static final int UNSUPPORTED = 27;
  static final int NOT_PERMITTED = 31;

  /** Returns the {@code error-code} case for {@code errno}. */
  static int of(int errno) {
    return switch (errno) {
      case Errno.ACCES -> ACCESS;
      case Errno.AGAIN -> 1;
      case Errno.ALREADY -> 2;
      case Errno.BADF -> BAD_DESCRIPTOR;
      case Errno.BUSY -> 4;
      case Errno.DEADLK -> 5;
      case Errno.DQUOT -> 6;
      case Errno.EXIST -> 7;
      case Errno.FBIG -> 8;
      case Errno.ILSEQ -> 9;
      case Errno.INPROGRESS -> 10;
      case Errno.INTR -> 11;
      case Errno.INVAL -> INVALID;
      case Errno.ISDIR -> IS_DIRECTORY;
      case Errno.LOOP -> 15;
      case Errno.MLINK -> 16;
      case Errno.MSGSIZE -> 17;
      case Errno.NAMETOOLONG -> 18;
      case Errno.NODEV -> 19;
      case Errno.NOENT -> 20;
      case Errno.NOLCK -> 21;
      case Errno.NOMEM -> 22;
      case Errno.NOSPC -> 23;
      case Errno.NOTDIR -> NOT_DIRECTORY;
      case Errno.NOTEMPTY -> 25;
      case Errno.NOTRECOVERABLE -> 26;
      case Errno.NOTSUP, Errno.NOSYS -> UNSUPPORTED;
      case Errno.NOTTY -> 28;
      case Errno.NXIO -> 29;
      case Errno.OVERFLOW -> 30;
      case Errno.PERM, Errno.NOTCAPABLE -> NOT_PERMITTED;
      case Errno.PIPE -> 32;
      case Errno.ROFS -> 33;
      case Errno.SPIPE -> 34;
      case Errno.TXTBSY -> 35;
      case Errno.XDEV -> 36;
      default -> IO;
    };
  }

  /** Returns the {@code descriptor-type} case for preview1 file type {@code filetype}. */
  static int type(int filetype) {
    return switch (filetype) {
      case Abi.FILETYPE_BLOCK_DEVICE -> 1;
      case Abi.FILETYPE_CHARACTER_DEVICE -> 2;
      case Abi.FILETYPE_DIRECTORY -> 3;
      case Abi.FILETYPE_SYMBOLIC_LINK -> 5;
      case Abi.FILETYPE_REGULAR_FILE -> 6;
      case Abi.FILETYPE_SOCKET_DGRAM, Abi.FILETYPE_SOCKET_STREAM -> 7;
      default -> 0;
    };
  }
}
