package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.internal.Abi;
import dev.cortado.wasi.internal.Descriptor;
import dev.cortado.wasi.internal.DirectoryDescriptor;
import dev.cortado.wasi.internal.FileDescriptor;
import dev.cortado.wasi.internal.HostStat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code wasi:filesystem}: the preopened directories, and the {@code descriptor} methods that act
 * on a descriptor itself (reading, writing, streams, status, flags, times, directory listing); the
 * methods taking a path are in {@link PathMethods}. Everything goes through preview1's descriptors
 * and sandbox, with their rights.
 */
final class FilesystemInterfaces {
  private FilesystemInterfaces() {}

  static void define(HostLinker l) {
    l.defineFunction(
        "wasi:filesystem/preopens" + Host.VERSION,
        "get-directories",
        (h, args) -> {
          List<ComponentValue> out = new ArrayList<>();
          for (var p : h.preopens) {
            DirectoryDescriptor d = h.open(DirectoryDescriptor.preopen(p));
            out.add(Cv.tuple(Cv.resource(Host.DESCRIPTOR, d), Cv.str(p.guestPath())));
          }
          return of(Cv.list(out));
        });

    String t = "wasi:filesystem/types" + Host.VERSION;
    l.defineResource(t, Host.DESCRIPTOR);
    l.defineResource(t, Host.DIRECTORY_ENTRY_STREAM);
    String m = "[method]descriptor.";
    Descriptors.define(
        l,
        t,
        m + "read-via-stream",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.INPUT_STREAM,
                    FileStreams.reading(Descriptors.file(args.get(0)), Cv.integer(args.get(1))))));
    Descriptors.define(
        l,
        t,
        m + "write-via-stream",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.OUTPUT_STREAM,
                    FileStreams.writing(
                        Descriptors.file(args.get(0)), Cv.integer(args.get(1)), false))));
    Descriptors.define(
        l,
        t,
        m + "append-via-stream",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.OUTPUT_STREAM,
                    FileStreams.writing(Descriptors.file(args.get(0)), 0, true))));
    Descriptors.defineUnit(
        l,
        t,
        m + "advise",
        (h, args) -> {
          Descriptor d = Descriptors.file(args.get(0));
          d.require(Abi.RIGHT_FD_ADVISE);
          d.advise(
              Cv.integer(args.get(1)),
              Cv.integer(args.get(2)),
              ((ComponentValue.EnumV) args.get(3)).index());
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "sync-data",
        (h, args) -> {
          Descriptor d = Descriptors.of(args.get(0));
          d.require(Abi.RIGHT_FD_DATASYNC);
          d.datasync();
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "sync",
        (h, args) -> {
          Descriptor d = Descriptors.of(args.get(0));
          d.require(Abi.RIGHT_FD_SYNC);
          d.sync();
        });
    l.defineFunction(
        t, m + "get-flags", (h, args) -> of(Cv.ok(Descriptors.flags(Descriptors.of(args.get(0))))));
    l.defineFunction(
        t,
        m + "get-type",
        (h, args) ->
            of(Cv.ok(Cv.enumCase(ErrorCodes.type(Descriptors.of(args.get(0)).filetype())))));
    Descriptors.defineUnit(
        l,
        t,
        m + "set-size",
        (h, args) -> {
          FileDescriptor f = Descriptors.file(args.get(0));
          Descriptors.requireOpenFor(f, Abi.RIGHT_FD_FILESTAT_SET_SIZE);
          f.setSize(Cv.integer(args.get(1)));
        });
    Descriptors.defineUnit(
        l,
        t,
        m + "set-times",
        (h, args) -> {
          Descriptor d = Descriptors.of(args.get(0));
          d.require(Abi.RIGHT_FD_FILESTAT_SET_TIMES);
          long[] a = Descriptors.timestamp(args.get(1), Abi.FSTFLAGS_ATIM, Abi.FSTFLAGS_ATIM_NOW);
          long[] w = Descriptors.timestamp(args.get(2), Abi.FSTFLAGS_MTIM, Abi.FSTFLAGS_MTIM_NOW);
          d.setTimes(a[1], w[1], (int) (a[0] | w[0]), h.ctx.clock().realtimeNanos());
        });
    Descriptors.define(
        l,
        t,
        m + "read",
        (h, args) -> {
          FileDescriptor f = Descriptors.file(args.get(0));
          Descriptors.requireOpenFor(f, Abi.RIGHT_FD_READ);
          byte[] buf = new byte[Streams.readLength(Cv.integer(args.get(1)))];
          int n = f.pread(buf, 0, buf.length, Cv.integer(args.get(2)));
          return Cv.ok(Cv.tuple(Cv.bytes(buf, n), Cv.bool(n == 0 && buf.length > 0)));
        });
    Descriptors.define(
        l,
        t,
        m + "write",
        (h, args) -> {
          FileDescriptor f = Descriptors.file(args.get(0));
          Descriptors.requireOpenFor(f, Abi.RIGHT_FD_WRITE);
          byte[] b = Cv.bytes(args.get(1));
          return Cv.ok(Cv.u64(f.pwrite(b, 0, b.length, Cv.integer(args.get(2)))));
        });
    Descriptors.define(
        l,
        t,
        m + "read-directory",
        (h, args) -> {
          List<DirectoryDescriptor.Entry> entries = Descriptors.directory(args.get(0)).entries();
          return Cv.ok(Cv.resource(Host.DIRECTORY_ENTRY_STREAM, entries.iterator()));
        });
    Descriptors.define(
        l,
        t,
        m + "stat",
        (h, args) -> Cv.ok(Descriptors.stat(Descriptors.stat(Descriptors.of(args.get(0))))));
    l.defineFunction(
        t,
        m + "is-same-object",
        (h, args) -> {
          HostStat a = Descriptors.stat(Descriptors.of(args.get(0)));
          HostStat b = Descriptors.stat(Descriptors.of(args.get(1)));
          return of(Cv.bool(a.key() != null && a.key().equals(b.key())));
        });
    Descriptors.define(
        l,
        t,
        m + "metadata-hash",
        (h, args) -> Cv.ok(Descriptors.hash(Descriptors.stat(Descriptors.of(args.get(0))))));
    l.defineFunction(
        t,
        "[method]directory-entry-stream.read-directory-entry",
        (h, args) -> {
          @SuppressWarnings("unchecked")
          Iterator<DirectoryDescriptor.Entry> it = Cv.rep(args.get(0), Iterator.class);
          if (!it.hasNext()) {
            return of(Cv.ok(Cv.none()));
          }
          DirectoryDescriptor.Entry e = it.next();
          return of(
              Cv.ok(
                  Cv.some(
                      Cv.record(Cv.enumCase(ErrorCodes.type(e.filetype())), Cv.str(e.name())))));
        });
    l.defineFunction(
        t,
        "filesystem-error-code",
        (h, args) -> {
          IoInterfaces.IoError e = Cv.rep(args.get(0), IoInterfaces.IoError.class);
          return of(
              new ComponentValue.OptionV(
                  e.fsErrorCode().map(c -> (ComponentValue) Cv.enumCase(c))));
        });
    PathMethods.define(l, t);
  }
}
