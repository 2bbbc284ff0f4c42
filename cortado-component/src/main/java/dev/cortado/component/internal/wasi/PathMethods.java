package dev.cortado.component.internal.wasi;

import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.internal.Abi;
import dev.cortado.wasi.internal.DirectoryDescriptor;
import dev.cortado.wasi.internal.PathOps;
import java.util.Set;

/**
 * The {@code descriptor} methods that take a path ({@code open-at}, {@code stat-at}, ...): each is
 * preview1's path operation ({@link PathOps}), so both ABIs share one sandbox and its errors.
 */
final class PathMethods {
  private PathMethods() {}

  private static DirectoryDescriptor dir(ComponentValue v) {
    return Descriptors.directory(v);
  }

  static void define(HostLinker l, String t) {
    String m = "[method]descriptor.";
    Descriptors.defineUnit(
        l,
        t,
        m + "create-directory-at",
        (h, args) -> {
          PathOps.createDirectory(dir(args.get(0)), Cv.string(args.get(1)));
        });
    Descriptors.define(
        l,
        t,
        m + "stat-at",
        (h, args) ->
            Cv.ok(
                Descriptors.stat(
                    PathOps.stat(
                        dir(args.get(0)),
                        Descriptors.follow(args.get(1)),
                        Cv.string(args.get(2))))));
    Descriptors.define(
        l,
        t,
        m + "metadata-hash-at",
        (h, args) ->
            Cv.ok(
                Descriptors.hash(
                    PathOps.stat(
                        dir(args.get(0)),
                        Descriptors.follow(args.get(1)),
                        Cv.string(args.get(2))))));
    Descriptors.defineUnit(
        l,
        t,
        m + "set-times-at",
        (h, args) -> {
          long[] a = Descriptors.timestamp(args.get(3), Abi.FSTFLAGS_ATIM, Abi.FSTFLAGS_ATIM_NOW);
          long[] w = Descriptors.timestamp(args.get(4), Abi.FSTFLAGS_MTIM, Abi.FSTFLAGS_MTIM_NOW);
          PathOps.setTimes(
              dir(args.get(0)),
              Descriptors.follow(args.get(1)),
              Cv.string(args.get(2)),
              a[1],
              w[1],
              (int) (a[0] | w[0]),
              h.ctx.clock().realtimeNanos());
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "link-at",
        (h, args) -> {
          if (Descriptors.follow(args.get(1))) {
            throw dev.cortado.wasi.internal.Errno.fail(
                dev.cortado.wasi.internal.Errno.INVAL, "link-at does not follow links");
          }
          PathOps.link(
              dir(args.get(0)), Cv.string(args.get(2)), dir(args.get(3)), Cv.string(args.get(4)));
        });
    Descriptors.define(
        l,
        t,
        m + "open-at",
        (h, args) -> {
          // open-flags (create, directory, exclusive, truncate) have preview1's bit order.
          int oflags = 0;
          for (int bit : Descriptors.flagSet(args.get(3))) {
            oflags |= 1 << bit;
          }
          Set<Integer> flags = Descriptors.flagSet(args.get(4));
          long rights = Descriptors.rights(flags);
          var opened =
              PathOps.open(
                  dir(args.get(0)),
                  Descriptors.follow(args.get(1)),
                  Cv.string(args.get(2)),
                  oflags,
                  rights,
                  rights,
                  Descriptors.fdflags(flags));
          return Cv.ok(Cv.resource(Host.DESCRIPTOR, h.open(opened)));
        });
    Descriptors.define(
        l,
        t,
        m + "readlink-at",
        (h, args) -> Cv.ok(Cv.str(PathOps.readlink(dir(args.get(0)), Cv.string(args.get(1))))));
    Descriptors.defineUnit(
        l,
        t,
        m + "remove-directory-at",
        (h, args) -> PathOps.removeDirectory(dir(args.get(0)), Cv.string(args.get(1))));
    Descriptors.defineUnit(
        l,
        t,
        m + "rename-at",
        (h, args) -> {
          PathOps.rename(
              dir(args.get(0)), Cv.string(args.get(1)), dir(args.get(2)), Cv.string(args.get(3)));
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "symlink-at",
        (h, args) -> {
          PathOps.symlink(Cv.string(args.get(1)), dir(args.get(0)), Cv.string(args.get(2)));
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "unlink-file-at",
        (h, args) -> {
          PathOps.unlink(dir(args.get(0)), Cv.string(args.get(1)));
        });
  }
}
