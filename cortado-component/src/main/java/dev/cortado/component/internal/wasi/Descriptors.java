package dev.cortado.component.internal.wasi;

import dev.cortado.component.AbiException;
import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.internal.Abi;
import dev.cortado.wasi.internal.Descriptor;
import dev.cortado.wasi.internal.DirectoryDescriptor;
import dev.cortado.wasi.internal.Errno;
import dev.cortado.wasi.internal.FileDescriptor;
import dev.cortado.wasi.internal.HostStat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code descriptor} resource's representation, preview1's {@link Descriptor} (a file or a
 * directory, with its rights), and the values {@code wasi:filesystem} makes of it.
 */
final class Descriptors {
  private Descriptors() {}

  /** What a failed filesystem call returns: {@code error-code} for {@code errno}. */
  static ComponentValue failed(Errno.Failure f) {
    return Cv.err(Cv.enumCase(ErrorCodes.of(f.errno())));
  }

  /** What a filesystem call returns: its result, or the error it failed with. */
  interface Call {
    ComponentValue run();
  }

  /** Runs {@code c}: an {@code ok} result, or {@code error-code} for its errno. */
  static Optional<ComponentValue> result(Call c) {
    try {
      return Optional.of(c.run());
    } catch (Errno.Failure f) {
      return Optional.of(failed(f));
    }
  }

  /** A filesystem function's body: its result, or an {@link Errno.Failure}. */
  interface Body {
    ComponentValue run(Host h, List<ComponentValue> args);
  }

  /** A filesystem function's body that returns nothing but may fail. */
  interface Action {
    void run(Host h, List<ComponentValue> args);
  }

  /** Defines {@code name}, whose failures become its {@code error-code} result. */
  static void define(HostLinker l, String iface, String name, Body body) {
    l.defineFunction(iface, name, (h, args) -> result(() -> body.run(h, args)));
  }

  /** Defines {@code name}, returning {@code ok} or its failure's {@code error-code}. */
  static void defineUnit(HostLinker l, String iface, String name, Action action) {
    define(
        l,
        iface,
        name,
        (h, args) -> {
          action.run(h, args);
          return Cv.ok();
        });
  }

  static Descriptor of(ComponentValue v) {
    return Cv.rep(v, Descriptor.class);
  }

  static DirectoryDescriptor directory(ComponentValue v) {
    if (of(v) instanceof DirectoryDescriptor d) {
      return d;
    }
    throw Errno.fail(Errno.NOTDIR, "not a directory");
  }

  static FileDescriptor file(ComponentValue v) {
    Descriptor d = of(v);
    if (d instanceof FileDescriptor f) {
      return f;
    }
    throw Errno.fail(d instanceof DirectoryDescriptor ? Errno.ISDIR : Errno.BADF, "not a file");
  }

  static HostStat stat(Descriptor d) {
    d.require(Abi.RIGHT_FD_FILESTAT_GET);
    return switch (d) {
      case FileDescriptor f -> f.stat();
      case DirectoryDescriptor dir -> dir.stat();
      default -> throw Errno.fail(Errno.BADF, "no file behind the descriptor");
    };
  }

  private static ComponentValue time(long nanos) {
    return Cv.some(ClockInterfaces.datetime(nanos));
  }

  /** The {@code descriptor-stat} of {@code s}. */
  static ComponentValue stat(HostStat s) {
    return Cv.record(
        Cv.enumCase(ErrorCodes.type(s.filetype())),
        Cv.u64(s.nlink()),
        Cv.u64(s.size()),
        time(s.atim()),
        time(s.mtim()),
        time(s.ctim()));
  }

  /** The {@code metadata-hash-value} of {@code s}: equal for the same file, not for others. */
  static ComponentValue hash(HostStat s) {
    return Cv.record(Cv.u64(s.ino()), Cv.u64(s.dev()));
  }

  /** The {@code descriptor-flags} of {@code d}, from its rights and flags. */
  static ComponentValue flags(Descriptor d) {
    Set<Integer> flags = new HashSet<>();
    long rights = d.rightsBase();
    boolean dir = d instanceof DirectoryDescriptor;
    if ((rights & (dir ? Abi.RIGHT_FD_READDIR : Abi.RIGHT_FD_READ)) != 0) {
      flags.add(0);
    }
    if ((rights & Abi.RIGHT_FD_WRITE) != 0) {
      flags.add(1);
    }
    if ((d.fdflags() & Abi.FDFLAGS_SYNC) != 0) {
      flags.add(2);
    }
    if ((d.fdflags() & Abi.FDFLAGS_DSYNC) != 0) {
      flags.add(3);
    }
    if ((d.fdflags() & Abi.FDFLAGS_RSYNC) != 0) {
      flags.add(4);
    }
    if (dir && (rights & Abi.RIGHT_PATH_CREATE_FILE) != 0) {
      flags.add(5);
    }
    return new ComponentValue.FlagsV(flags);
  }

  /** Rights that need {@code write}. */
  private static final long WRITE =
      Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_ALLOCATE | Abi.RIGHT_FD_FILESTAT_SET_SIZE;

  /** Rights that need {@code mutate-directory}: changing what a directory holds. */
  private static final long MUTATE =
      Abi.RIGHT_PATH_CREATE_DIRECTORY
          | Abi.RIGHT_PATH_CREATE_FILE
          | Abi.RIGHT_PATH_LINK_SOURCE
          | Abi.RIGHT_PATH_LINK_TARGET
          | Abi.RIGHT_PATH_RENAME_SOURCE
          | Abi.RIGHT_PATH_RENAME_TARGET
          | Abi.RIGHT_PATH_FILESTAT_SET_SIZE
          | Abi.RIGHT_PATH_FILESTAT_SET_TIMES
          | Abi.RIGHT_PATH_SYMLINK
          | Abi.RIGHT_PATH_REMOVE_DIRECTORY
          | Abi.RIGHT_PATH_UNLINK_FILE;

  /**
   * Checks that {@code d} was opened for {@code rights} (reading, writing): a descriptor not open
   * for it is a {@code bad-descriptor}, as in wasmtime, not a missing permission.
   */
  static void requireOpenFor(Descriptor d, long rights) {
    if ((d.rightsBase() & rights) != rights) {
      throw Errno.fail(Errno.BADF, "not open for that");
    }
  }

  /** The preview1 rights {@code open-at}'s {@code descriptor-flags} ask for. */
  static long rights(Set<Integer> flags) {
    long rights = Abi.RIGHTS_ALL;
    if (!flags.contains(0)) {
      rights &= ~(Abi.RIGHT_FD_READ | Abi.RIGHT_FD_READDIR);
    }
    if (!flags.contains(1)) {
      rights &= ~WRITE;
    }
    if (!flags.contains(5)) {
      rights &= ~MUTATE;
    }
    return rights;
  }

  /** The preview1 {@code fdflags} of {@code descriptor-flags}. */
  static int fdflags(Set<Integer> flags) {
    return (flags.contains(2) ? Abi.FDFLAGS_SYNC : 0)
        | (flags.contains(3) ? Abi.FDFLAGS_DSYNC : 0)
        | (flags.contains(4) ? Abi.FDFLAGS_RSYNC : 0);
  }

  /** The {@code fstflags} and time a {@code new-timestamp} stands for, for one of the two times. */
  static long[] timestamp(ComponentValue v, int set, int now) {
    ComponentValue.VariantV t = (ComponentValue.VariantV) v;
    return switch (t.index()) {
      case 0 -> new long[] {0, 0};
      case 1 -> new long[] {now, 0};
      case 2 -> {
        ComponentValue.RecordV r = (ComponentValue.RecordV) t.payload().orElseThrow();
        long seconds = Cv.integer(r.fields().get(0));
        long nanos = Cv.integer(r.fields().get(1));
        if (nanos >= 1_000_000_000L) {
          throw Errno.fail(Errno.INVAL, "nanoseconds beyond a second");
        }
        try {
          yield new long[] {set, Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos)};
        } catch (ArithmeticException e) {
          throw Errno.fail(Errno.OVERFLOW, "a time beyond 2^64 nanoseconds");
        }
      }
      default -> throw new AbiException("new-timestamp case " + t.index());
    };
  }

  static boolean follow(ComponentValue pathFlags) {
    return ((ComponentValue.FlagsV) pathFlags).set().contains(0);
  }

  static Set<Integer> flagSet(ComponentValue v) {
    return ((ComponentValue.FlagsV) v).set();
  }
}
