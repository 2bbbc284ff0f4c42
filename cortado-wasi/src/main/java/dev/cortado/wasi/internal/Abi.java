package dev.cortado.wasi.internal;

/**
 * Constants and struct layouts of the WASI preview1 ABI: file types, flags, rights, and the byte
 * offsets of the structs the functions read and write in guest memory.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/witx/typenames.witx">
 *     typenames.witx</a>
 */
public final class Abi {
  private Abi() {}

  /** The import module name. */
  public static final String MODULE = "wasi_snapshot_preview1";

  // filetype
  public static final int FILETYPE_UNKNOWN = 0;
  public static final int FILETYPE_BLOCK_DEVICE = 1;
  public static final int FILETYPE_CHARACTER_DEVICE = 2;
  public static final int FILETYPE_DIRECTORY = 3;
  public static final int FILETYPE_REGULAR_FILE = 4;
  public static final int FILETYPE_SOCKET_DGRAM = 5;
  public static final int FILETYPE_SOCKET_STREAM = 6;
  public static final int FILETYPE_SYMBOLIC_LINK = 7;

  // fdflags
  public static final int FDFLAGS_APPEND = 1;
  public static final int FDFLAGS_DSYNC = 2;
  public static final int FDFLAGS_NONBLOCK = 4;
  public static final int FDFLAGS_RSYNC = 8;
  public static final int FDFLAGS_SYNC = 16;

  // oflags
  public static final int OFLAGS_CREAT = 1;
  public static final int OFLAGS_DIRECTORY = 2;
  public static final int OFLAGS_EXCL = 4;
  public static final int OFLAGS_TRUNC = 8;

  // lookupflags
  public static final int LOOKUP_SYMLINK_FOLLOW = 1;

  // fstflags
  public static final int FSTFLAGS_ATIM = 1;
  public static final int FSTFLAGS_ATIM_NOW = 2;
  public static final int FSTFLAGS_MTIM = 4;
  public static final int FSTFLAGS_MTIM_NOW = 8;

  // whence
  public static final int WHENCE_SET = 0;
  public static final int WHENCE_CUR = 1;
  public static final int WHENCE_END = 2;

  // clockid
  public static final int CLOCK_REALTIME = 0;
  public static final int CLOCK_MONOTONIC = 1;
  public static final int CLOCK_PROCESS_CPUTIME = 2;
  public static final int CLOCK_THREAD_CPUTIME = 3;

  // advice
  public static final int ADVICE_NORMAL = 0;
  public static final int ADVICE_NOREUSE = 5;

  // eventtype, subclockflags, eventrwflags
  public static final int EVENTTYPE_CLOCK = 0;
  public static final int EVENTTYPE_FD_READ = 1;
  public static final int EVENTTYPE_FD_WRITE = 2;
  public static final int SUBCLOCK_ABSTIME = 1;
  public static final int EVENTRW_HANGUP = 1;

  // riflags, roflags, sdflags
  public static final int RIFLAGS_RECV_PEEK = 1;
  public static final int RIFLAGS_RECV_WAITALL = 2;
  public static final int ROFLAGS_RECV_DATA_TRUNCATED = 1;
  public static final int SDFLAGS_RD = 1;
  public static final int SDFLAGS_WR = 2;

  // preopentype
  public static final int PREOPENTYPE_DIR = 0;

  // rights
  public static final long RIGHT_FD_DATASYNC = 1L;
  public static final long RIGHT_FD_READ = 1L << 1;
  public static final long RIGHT_FD_SEEK = 1L << 2;
  public static final long RIGHT_FD_FDSTAT_SET_FLAGS = 1L << 3;
  public static final long RIGHT_FD_SYNC = 1L << 4;
  public static final long RIGHT_FD_TELL = 1L << 5;
  public static final long RIGHT_FD_WRITE = 1L << 6;
  public static final long RIGHT_FD_ADVISE = 1L << 7;
  public static final long RIGHT_FD_ALLOCATE = 1L << 8;
  public static final long RIGHT_PATH_CREATE_DIRECTORY = 1L << 9;
  public static final long RIGHT_PATH_CREATE_FILE = 1L << 10;
  public static final long RIGHT_PATH_LINK_SOURCE = 1L << 11;
  public static final long RIGHT_PATH_LINK_TARGET = 1L << 12;
  public static final long RIGHT_PATH_OPEN = 1L << 13;
  public static final long RIGHT_FD_READDIR = 1L << 14;
  public static final long RIGHT_PATH_READLINK = 1L << 15;
  public static final long RIGHT_PATH_RENAME_SOURCE = 1L << 16;
  public static final long RIGHT_PATH_RENAME_TARGET = 1L << 17;
  public static final long RIGHT_PATH_FILESTAT_GET = 1L << 18;
  public static final long RIGHT_PATH_FILESTAT_SET_SIZE = 1L << 19;
  public static final long RIGHT_PATH_FILESTAT_SET_TIMES = 1L << 20;
  public static final long RIGHT_FD_FILESTAT_GET = 1L << 21;
  public static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
  public static final long RIGHT_FD_FILESTAT_SET_TIMES = 1L << 23;
  public static final long RIGHT_PATH_SYMLINK = 1L << 24;
  public static final long RIGHT_PATH_REMOVE_DIRECTORY = 1L << 25;
  public static final long RIGHT_PATH_UNLINK_FILE = 1L << 26;
  public static final long RIGHT_POLL_FD_READWRITE = 1L << 27;
  public static final long RIGHT_SOCK_SHUTDOWN = 1L << 28;
  public static final long RIGHT_SOCK_ACCEPT = 1L << 29;

  /** Every right defined by preview1. */
  public static final long RIGHTS_ALL = (1L << 30) - 1;

  /** Rights of a regular file descriptor. */
  public static final long RIGHTS_FILE =
      RIGHT_FD_DATASYNC
          | RIGHT_FD_READ
          | RIGHT_FD_SEEK
          | RIGHT_FD_FDSTAT_SET_FLAGS
          | RIGHT_FD_SYNC
          | RIGHT_FD_TELL
          | RIGHT_FD_WRITE
          | RIGHT_FD_ADVISE
          | RIGHT_FD_ALLOCATE
          | RIGHT_FD_FILESTAT_GET
          | RIGHT_FD_FILESTAT_SET_SIZE
          | RIGHT_FD_FILESTAT_SET_TIMES
          | RIGHT_POLL_FD_READWRITE;

  /**
   * Rights of a directory descriptor (for itself; files opened in it inherit {@link #RIGHTS_FILE}).
   */
  public static final long RIGHTS_DIRECTORY =
      RIGHT_FD_FDSTAT_SET_FLAGS
          | RIGHT_FD_SYNC
          | RIGHT_FD_ADVISE
          | RIGHT_PATH_CREATE_DIRECTORY
          | RIGHT_PATH_CREATE_FILE
          | RIGHT_PATH_LINK_SOURCE
          | RIGHT_PATH_LINK_TARGET
          | RIGHT_PATH_OPEN
          | RIGHT_FD_READDIR
          | RIGHT_PATH_READLINK
          | RIGHT_PATH_RENAME_SOURCE
          | RIGHT_PATH_RENAME_TARGET
          | RIGHT_PATH_FILESTAT_GET
          | RIGHT_PATH_FILESTAT_SET_SIZE
          | RIGHT_PATH_FILESTAT_SET_TIMES
          | RIGHT_FD_FILESTAT_GET
          | RIGHT_FD_FILESTAT_SET_TIMES
          | RIGHT_PATH_SYMLINK
          | RIGHT_PATH_REMOVE_DIRECTORY
          | RIGHT_PATH_UNLINK_FILE;

  /** Rights that change what a read-only preopen holds; removed from it and what it opens. */
  public static final long RIGHTS_WRITING =
      RIGHT_FD_DATASYNC
          | RIGHT_FD_WRITE
          | RIGHT_FD_ALLOCATE
          | RIGHT_PATH_CREATE_DIRECTORY
          | RIGHT_PATH_CREATE_FILE
          | RIGHT_PATH_LINK_SOURCE
          | RIGHT_PATH_LINK_TARGET
          | RIGHT_PATH_RENAME_SOURCE
          | RIGHT_PATH_RENAME_TARGET
          | RIGHT_PATH_FILESTAT_SET_SIZE
          | RIGHT_PATH_FILESTAT_SET_TIMES
          | RIGHT_FD_FILESTAT_SET_SIZE
          | RIGHT_FD_FILESTAT_SET_TIMES
          | RIGHT_PATH_SYMLINK
          | RIGHT_PATH_REMOVE_DIRECTORY
          | RIGHT_PATH_UNLINK_FILE;

  /** Rights of the standard streams and other character devices. */
  public static final long RIGHTS_STREAM =
      RIGHT_FD_READ
          | RIGHT_FD_WRITE
          | RIGHT_FD_FDSTAT_SET_FLAGS
          | RIGHT_FD_FILESTAT_GET
          | RIGHT_POLL_FD_READWRITE;

  /** Rights of a socket. */
  public static final long RIGHTS_SOCKET =
      RIGHT_FD_READ
          | RIGHT_FD_WRITE
          | RIGHT_FD_FDSTAT_SET_FLAGS
          | RIGHT_FD_FILESTAT_GET
          | RIGHT_POLL_FD_READWRITE
          | RIGHT_SOCK_SHUTDOWN
          | RIGHT_SOCK_ACCEPT;

  // Struct sizes and offsets.
  public static final int FDSTAT_SIZE = 24;
  public static final int FILESTAT_SIZE = 64;
  public static final int PRESTAT_SIZE = 8;
  public static final int DIRENT_SIZE = 24;
  public static final int IOVEC_SIZE = 8;
  public static final int SUBSCRIPTION_SIZE = 48;
  public static final int EVENT_SIZE = 32;
}
