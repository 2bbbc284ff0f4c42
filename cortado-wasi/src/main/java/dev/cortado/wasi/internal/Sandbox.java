package dev.cortado.wasi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a guest path inside a directory the guest holds, the way capability-based runtimes do
 * (wasmtime's cap-std): the path is walked one component at a time from the base directory, each
 * directory opened relative to the previous one without following symbolic links; a symbolic link
 * met on the way is read and its text walked in turn, by this same walker. So:
 *
 * <ul>
 *   <li>an absolute path, or a link whose text is absolute, fails with {@code PERM};
 *   <li>{@code ..} goes back to the directory the walk came from (a stack of open handles, never
 *       the host's own {@code ..}); {@code ..} at the base fails with {@code PERM};
 *   <li>more than {@value #MAX_SYMLINKS} links in one resolution fail with {@code LOOP}, as on
 *       Linux;
 *   <li>an entry where a host file is mounted ({@link FileMounts}) leads to that file, whatever the
 *       directory holds there: the one way out of the directory, which the host chose.
 * </ul>
 *
 * <p>Whether the host's view changes during the walk does not matter: every step is taken from an
 * open directory, never by a path that could be redirected (see {@link HostDir}).
 */
final class Sandbox {
  /** The most symbolic links one resolution expands (Linux's MAXSYMLINKS). */
  static final int MAX_SYMLINKS = 40;

  /** The longest path accepted, in bytes (Linux's PATH_MAX); also bounds the components walked. */
  static final int MAX_PATH = 4096;

  private Sandbox() {}

  /** Whether the last component is followed when it is a symbolic link. */
  enum Follow {
    /** Never: the operation acts on the link itself ({@code mkdir}, {@code rename}, ...). */
    NEVER,
    /**
     * Only when the path ends in {@code /}, as POSIX has it ({@code lstat}, {@code O_NOFOLLOW}).
     */
    IF_SLASH,
    /** Always ({@code lookupflags.symlink_follow}). */
    ALWAYS
  }

  /**
   * Where a path led: the directory holding the last component and that component's name, or, when
   * the path names a directory itself ({@code .}, {@code a/..}), that directory and no name.
   * Closing it closes the directories the walk opened.
   */
  static final class Resolved implements AutoCloseable {
    private final List<HostDir> opened;
    private final HostDir dir;
    private final String name;
    private final boolean dirRequired;
    private final boolean dotDot;
    private final FileMounts.Mount mount;

    private Resolved(
        List<HostDir> opened,
        HostDir dir,
        String name,
        boolean dirRequired,
        boolean dotDot,
        FileMounts.Mount mount) {
      this.opened = opened;
      this.dir = dir;
      this.name = name;
      this.dirRequired = dirRequired;
      this.dotDot = dotDot;
      this.mount = mount;
    }

    /**
     * Returns the mounted file the path leads to, or null; {@link #dir} and {@link #name} are then
     * the host file's own directory and name.
     */
    FileMounts.Mount mount() {
      return mount;
    }

    /**
     * Fails with {@code BUSY} if the entry is a mounted file or a directory on the way to one:
     * neither can be removed, renamed or replaced, as a mount point cannot on Linux.
     */
    void mustNotBeMountPoint() {
      if (mount != null) {
        throw Errno.fail(Errno.BUSY, mount.path() + " is a mounted file");
      } else if (name != null && dir.holdsMount(name)) {
        throw Errno.fail(Errno.BUSY, name + " holds a mounted file");
      }
    }

    /** Returns the directory holding the entry (or named by the path, if {@link #name} is null). */
    HostDir dir() {
      return dir;
    }

    /** Returns the last component, or null if the path names {@link #dir} itself. */
    String name() {
      return name;
    }

    /** Returns whether the path ended in {@code /}, so it must name a directory. */
    boolean dirRequired() {
      return dirRequired;
    }

    /** Returns whether the path names a directory by ending in {@code ..}. */
    boolean dotDot() {
      return dotDot;
    }

    /** Returns the entry's metadata, failing with {@code NOENT} if it does not exist. */
    HostStat existing() {
      HostStat s = dir.stat(name, true);
      if (dirRequired && s.filetype() != Abi.FILETYPE_DIRECTORY) {
        throw Errno.fail(Errno.NOTDIR, name + " is not a directory");
      }
      return s;
    }

    /** Returns the entry's metadata, or null if there is no such entry. */
    HostStat orNull() {
      return dir.statOrNull(name, true);
    }

    @Override
    public void close() {
      for (HostDir d : opened) {
        d.close();
      }
    }
  }

  /**
   * Resolves {@code path} in {@code base}; {@code follow} says whether a symbolic link as the last
   * component is followed. The caller closes the result; {@code base} stays open.
   */
  static Resolved resolve(HostDir base, String path, Follow follow) {
    check(path);
    ArrayDeque<String> work = new ArrayDeque<>(components(path));
    boolean slash = path.endsWith("/");
    List<HostDir> stack = new ArrayList<>();
    stack.add(base);
    int links = 0;
    int steps = 0;
    boolean done = false;
    try {
      while (true) {
        String c = work.pollFirst();
        boolean last = work.isEmpty();
        HostDir top = stack.get(stack.size() - 1);
        if (++steps > MAX_PATH) {
          throw Errno.fail(Errno.NAMETOOLONG, "too many path components");
        }
        if (c.equals(".") || c.equals("..")) {
          if (c.equals("..")) {
            if (stack.size() == 1) {
              throw Errno.fail(Errno.PERM, "\"..\" leads out of the directory");
            }
            stack.remove(stack.size() - 1).close();
            top = stack.get(stack.size() - 1);
          }
          if (last) {
            done = true;
            return result(stack, top, null, true, c.equals(".."));
          }
          continue;
        }
        FileMounts.Mount mount = top.mountAt(c);
        if (mount != null) {
          // A mount covers whatever the directory holds there, a symbolic link included.
          if (!last) {
            throw Errno.fail(Errno.NOTDIR, c + " is a mounted file, not a directory");
          }
          done = true;
          return mounted(stack, mount, slash);
        }
        boolean followIt = !last || follow == Follow.ALWAYS || (slash && follow == Follow.IF_SLASH);
        HostStat s = followIt ? top.statOrNull(c, false) : null;
        if (s != null && s.filetype() == Abi.FILETYPE_SYMBOLIC_LINK) {
          if (++links > MAX_SYMLINKS) {
            throw Errno.fail(Errno.LOOP, "more than " + MAX_SYMLINKS + " symbolic links");
          }
          String text = top.readlink(c);
          if (text.isEmpty()) {
            throw Errno.fail(Errno.NOENT, "empty symbolic link " + c);
          } else if (text.startsWith("/")) {
            throw Errno.fail(Errno.PERM, "symbolic link " + c + " to an absolute path");
          }
          slash |= last && text.endsWith("/");
          List<String> parts = components(text);
          for (int i = parts.size() - 1; i >= 0; i--) {
            work.addFirst(parts.get(i));
          }
          continue;
        }
        if (last) {
          done = true;
          return result(stack, top, c, slash, false);
        } else if (s == null) {
          throw Errno.fail(Errno.NOENT, "no " + c);
        } else if (s.filetype() != Abi.FILETYPE_DIRECTORY) {
          throw Errno.fail(Errno.NOTDIR, c + " is not a directory");
        }
        stack.add(top.openDir(c));
      }
    } finally {
      if (!done) {
        for (int i = 1; i < stack.size(); i++) {
          stack.get(i).close();
        }
      }
    }
  }

  private static Resolved result(
      List<HostDir> stack, HostDir dir, String name, boolean dirRequired, boolean dotDot) {
    return new Resolved(
        List.copyOf(stack.subList(1, stack.size())), dir, name, dirRequired, dotDot, null);
  }

  /** The result for a walk that arrived at {@code mount}: the host file in its own directory. */
  private static Resolved mounted(List<HostDir> stack, FileMounts.Mount mount, boolean slash) {
    HostDir parent;
    try {
      parent = HostDir.open(mount.hostFile().getParent());
    } catch (IOException e) {
      for (int i = 1; i < stack.size(); i++) {
        stack.get(i).close();
      }
      throw IoErrors.fail(e);
    }
    List<HostDir> opened = new ArrayList<>(stack.subList(1, stack.size()));
    opened.add(parent);
    return new Resolved(
        List.copyOf(opened),
        parent,
        mount.hostFile().getFileName().toString(),
        slash,
        false,
        mount);
  }

  /** Fails for a path no resolution could accept. */
  private static void check(String path) {
    if (path.isEmpty()) {
      throw Errno.fail(Errno.NOENT, "empty path");
    } else if (path.indexOf('\0') >= 0) {
      throw Errno.fail(Errno.INVAL, "NUL in path");
    } else if (path.length() > MAX_PATH / 3
        && path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH) {
      throw Errno.fail(Errno.NAMETOOLONG, "path longer than " + MAX_PATH + " bytes");
    } else if (path.startsWith("/")) {
      throw Errno.fail(Errno.PERM, "absolute path");
    }
  }

  /** Returns the non-empty components of {@code path}, in order ({@code a//b/} is a, b). */
  static List<String> components(String path) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i > start) {
          parts.add(path.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }
}
