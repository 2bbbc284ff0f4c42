package dev.cortado.wasi.internal;

import java.util.Arrays;

/**
 * The program's open file descriptors, by number. Synchronized: the threads of a program
 * (wasi-threads) share its descriptors.
 */
public final class FdTable {
  /** The most descriptors a program may hold open at once. */
  static final int MAX_OPEN = 16_384;

  private Descriptor[] fds = new Descriptor[16];
  private int open;

  /** Returns descriptor {@code fd}, or fails with {@code BADF}. */
  public synchronized Descriptor get(int fd) {
    if (fd < 0 || fd >= fds.length || fds[fd] == null) {
      throw Errno.fail(Errno.BADF, "fd " + Integer.toUnsignedString(fd) + " is not open");
    }
    return fds[fd];
  }

  /** Returns descriptor {@code fd} if it is of {@code kind}, or fails with {@code errno}. */
  public <T extends Descriptor> T get(int fd, Class<T> kind, int errno) {
    Descriptor d = get(fd);
    if (!kind.isInstance(d)) {
      throw Errno.fail(errno, "fd " + fd + " is not a " + kind.getSimpleName());
    }
    return kind.cast(d);
  }

  /** Puts {@code d} at the lowest free number and returns it. */
  public synchronized int insert(Descriptor d) {
    if (open >= MAX_OPEN) {
      throw Errno.fail(Errno.MFILE, "too many open descriptors");
    }
    for (int fd = 0; fd < fds.length; fd++) {
      if (fds[fd] == null) {
        fds[fd] = d;
        open++;
        return fd;
      }
    }
    int fd = fds.length;
    fds = Arrays.copyOf(fds, fds.length * 2);
    fds[fd] = d;
    open++;
    return fd;
  }

  /** Closes and removes descriptor {@code fd}. */
  public synchronized void close(int fd) {
    Descriptor d = get(fd);
    fds[fd] = null;
    open--;
    d.close();
  }

  /** Moves descriptor {@code from} to number {@code to}, closing what {@code to} held. */
  public synchronized void renumber(int from, int to) {
    Descriptor d = get(from);
    Descriptor replaced = get(to);
    if (from == to) {
      return;
    }
    fds[to] = d;
    fds[from] = null;
    open--;
    replaced.close();
  }

  /** Closes every descriptor (when the program ends). */
  public synchronized void closeAll() {
    for (int fd = 0; fd < fds.length; fd++) {
      if (fds[fd] != null) {
        try {
          fds[fd].close();
        } catch (Errno.Failure e) {
          // Closing at exit has nobody to report to.
        }
        fds[fd] = null;
      }
    }
    open = 0;
  }
}
