package dev.cortado.wasi.internal;

/**
 * The {@code errno} values of WASI preview1, and the exception that carries one out of a host
 * function's implementation to its return value.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md#errno">errno</a>
 */
public final class Errno {
  public static final int SUCCESS = 0;
  public static final int TOOBIG = 1;
  public static final int ACCES = 2;
  public static final int ADDRINUSE = 3;
  public static final int ADDRNOTAVAIL = 4;
  public static final int AFNOSUPPORT = 5;
  public static final int AGAIN = 6;
  public static final int ALREADY = 7;
  public static final int BADF = 8;
  public static final int BADMSG = 9;
  public static final int BUSY = 10;
  public static final int CANCELED = 11;
  public static final int CHILD = 12;
  public static final int CONNABORTED = 13;
  public static final int CONNREFUSED = 14;
  public static final int CONNRESET = 15;
  public static final int DEADLK = 16;
  public static final int DESTADDRREQ = 17;
  public static final int DOM = 18;
  public static final int DQUOT = 19;
  public static final int EXIST = 20;
  public static final int FAULT = 21;
  public static final int FBIG = 22;
  public static final int HOSTUNREACH = 23;
  public static final int IDRM = 24;
  public static final int ILSEQ = 25;
  public static final int INPROGRESS = 26;
  public static final int INTR = 27;
  public static final int INVAL = 28;
  public static final int IO = 29;
  public static final int ISCONN = 30;
  public static final int ISDIR = 31;
  public static final int LOOP = 32;
  public static final int MFILE = 33;
  public static final int MLINK = 34;
  public static final int MSGSIZE = 35;
  public static final int MULTIHOP = 36;
  public static final int NAMETOOLONG = 37;
  public static final int NETDOWN = 38;
  public static final int NETRESET = 39;
  public static final int NETUNREACH = 40;
  public static final int NFILE = 41;
  public static final int NOBUFS = 42;
  public static final int NODEV = 43;
  public static final int NOENT = 44;
  public static final int NOEXEC = 45;
  public static final int NOLCK = 46;
  public static final int NOLINK = 47;
  public static final int NOMEM = 48;
  public static final int NOMSG = 49;
  public static final int NOPROTOOPT = 50;
  public static final int NOSPC = 51;
  public static final int NOSYS = 52;
  public static final int NOTCONN = 53;
  public static final int NOTDIR = 54;
  public static final int NOTEMPTY = 55;
  public static final int NOTRECOVERABLE = 56;
  public static final int NOTSOCK = 57;
  public static final int NOTSUP = 58;
  public static final int NOTTY = 59;
  public static final int NXIO = 60;
  public static final int OVERFLOW = 61;
  public static final int OWNERDEAD = 62;
  public static final int PERM = 63;
  public static final int PIPE = 64;
  public static final int PROTO = 65;
  public static final int PROTONOSUPPORT = 66;
  public static final int PROTOTYPE = 67;
  public static final int RANGE = 68;
  public static final int ROFS = 69;
  public static final int SPIPE = 70;
  public static final int SRCH = 71;
  public static final int STALE = 72;
  public static final int TIMEDOUT = 73;
  public static final int TXTBSY = 74;
  public static final int XDEV = 75;
  public static final int NOTCAPABLE = 76;

  private Errno() {}

  /**
   * A WASI call failed with an errno. Thrown deep inside an implementation and turned into the
   * function's return value at its boundary; no stack trace, it is control flow.
   */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    /** Creates the failure for {@code errno}, with a detail for debugging. */
    public Failure(int errno, String detail) {
      super(detail, null, false, false);
      this.errno = errno;
    }

    /** Returns the errno. */
    public int errno() {
      return errno;
    }
  }

  /** Returns a failure with {@code errno}. */
  public static Failure fail(int errno) {
    return new Failure(errno, "errno " + errno);
  }

  /** Returns a failure with {@code errno} and a detail for debugging. */
  public static Failure fail(int errno, String detail) {
    return new Failure(errno, detail);
  }
}
