package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wasi:filesystem}: the preopened directories and the descriptor methods that apply to a
 * directory as a whole (type, flags, status, and the stream methods, which fail with {@code
 * is-directory}). Opening files and directory entries ({@code open-at}, {@code read-directory} and
 * the path methods) is not provided yet: a component importing them fails to link, naming them.
 */
final class FilesystemInterfaces {
  private FilesystemInterfaces() {}

  /** {@code error-code} cases. */
  static final int ACCESS = 0;

  static final int IO = 13;
  static final int IS_DIRECTORY = 14;

  /** {@code descriptor-type.directory}. */
  static final int DIRECTORY = 3;

  static ComponentValue error(int code) {
    return Cv.err(Cv.enumCase(code));
  }

  private static Optional<ComponentValue> time(FileTime t) {
    return Optional.of(
        ClockInterfaces.datetime(
            t.toInstant().getEpochSecond() * 1_000_000_000L + t.toInstant().getNano()));
  }

  static void define(ComponentLinker l, Host h) {
    String preopens = "wasi:filesystem/preopens" + Host.VERSION;
    l.defineFunction(
        preopens,
        "get-directories",
        args -> {
          List<ComponentValue> out = new ArrayList<>();
          for (Directory d : h.preopens) {
            out.add(Cv.tuple(Cv.resource(h.descriptor, d), Cv.str(d.guestPath())));
          }
          return of(Cv.list(out));
        });

    String types = "wasi:filesystem/types" + Host.VERSION;
    l.defineResource(types, h.descriptor);
    l.defineResource(types, h.directoryEntryStream);
    l.defineFunction(
        types,
        "[method]descriptor.get-type",
        args -> {
          Cv.rep(args.get(0), Directory.class);
          return of(Cv.ok(Cv.enumCase(DIRECTORY)));
        });
    l.defineFunction(
        types,
        "[method]descriptor.get-flags",
        args -> {
          Directory d = Cv.rep(args.get(0), Directory.class);
          // read, and unless read-only, write and mutate-directory.
          Set<Integer> flags = d.readOnly() ? Set.of(0) : Set.of(0, 1, 5);
          return of(Cv.ok(new ComponentValue.FlagsV(flags)));
        });
    l.defineFunction(
        types,
        "[method]descriptor.stat",
        args -> {
          Directory d = Cv.rep(args.get(0), Directory.class);
          try {
            BasicFileAttributes a =
                Files.readAttributes(
                    d.hostPath(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Object nlink = Files.getAttribute(d.hostPath(), "unix:nlink");
            return of(
                Cv.ok(
                    Cv.record(
                        Cv.enumCase(DIRECTORY),
                        Cv.u64(nlink instanceof Integer n ? n : 1),
                        Cv.u64(a.size()),
                        new ComponentValue.OptionV(time(a.lastAccessTime())),
                        new ComponentValue.OptionV(time(a.lastModifiedTime())),
                        new ComponentValue.OptionV(time(a.lastModifiedTime())))));
          } catch (IOException | UnsupportedOperationException e) {
            return of(error(IO));
          }
        });
    for (String stream : List.of("read-via-stream", "write-via-stream", "append-via-stream")) {
      l.defineFunction(
          types,
          "[method]descriptor." + stream,
          args -> {
            Cv.rep(args.get(0), Directory.class);
            return of(error(IS_DIRECTORY));
          });
    }
    l.defineFunction(
        types,
        "filesystem-error-code",
        args -> {
          IoInterfaces.IoError e = Cv.rep(args.get(0), IoInterfaces.IoError.class);
          return of(
              new ComponentValue.OptionV(
                  e.fsErrorCode().map(c -> (ComponentValue) Cv.enumCase(c))));
        });
  }
}
