package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.NONE;
import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.AbiException;
import dev.cortado.component.ComponentValue;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code wasi:io}: errors, pollables and streams. */
final class IoInterfaces {
  private IoInterfaces() {}

  /** What an {@code error} resource stands for: an I/O failure's message. */
  record IoError(String message, Optional<Integer> fsErrorCode) {}

  static void define(HostLinker l) {
    String error = "wasi:io/error" + Host.VERSION;
    l.defineResource(error, Host.IO_ERROR);
    l.defineFunction(
        error,
        "[method]error.to-debug-string",
        (h, args) -> of(Cv.str(Cv.rep(args.get(0), IoError.class).message())));

    String poll = "wasi:io/poll" + Host.VERSION;
    l.defineResource(poll, Host.POLLABLE);
    l.defineFunction(
        poll,
        "[method]pollable.ready",
        (h, args) -> of(Cv.bool(Cv.rep(args.get(0), Pollable.class).ready())));
    l.defineFunction(
        poll,
        "[method]pollable.block",
        (h, args) -> {
          Cv.rep(args.get(0), Pollable.class).block(h.ctx);
          return NONE;
        });
    l.defineFunction(poll, "poll", (h, args) -> of(poll(h, args.get(0))));

    String streams = "wasi:io/streams" + Host.VERSION;
    l.defineResource(streams, Host.INPUT_STREAM);
    l.defineResource(streams, Host.OUTPUT_STREAM);
    defineInput(l, streams);
    defineOutput(l, streams);
  }

  private static ComponentValue poll(Host h, ComponentValue list) {
    List<ComponentValue> in = ((ComponentValue.ListV) list).elements();
    if (in.isEmpty()) {
      throw new AbiException("poll of an empty list would wait forever");
    }
    List<Pollable> ps = in.stream().map(v -> Cv.rep(v, Pollable.class)).toList();
    while (true) {
      List<ComponentValue> ready = new ArrayList<>();
      for (int i = 0; i < ps.size(); i++) {
        if (ps.get(i).ready()) {
          ready.add(Cv.u32(i));
        }
      }
      if (!ready.isEmpty()) {
        return Cv.list(ready);
      }
      long wait = ps.stream().mapToLong(p -> p.waitNanos(h.ctx)).min().orElse(0);
      Pollable.pause(h.ctx, wait, ps);
    }
  }

  /**
   * {@code stream-error.last-operation-failed} with {@code e}, as a failed result; {@code closed}
   * for a stream closed before (a socket shut down for sending).
   */
  static ComponentValue failed(Host h, IOException e) {
    if (e instanceof ClosedChannelException) {
      return closed();
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Cv.err(Cv.variant(0, Cv.resource(Host.IO_ERROR, new IoError(m, Optional.empty()))));
  }

  /** {@code stream-error.closed}, as a failed result. */
  static ComponentValue closed() {
    return Cv.err(Cv.variant(1));
  }

  /** What a successful read of {@code n} bytes into {@code buf} returns. */
  private interface AfterRead {
    ComponentValue ok(byte[] buf, int n) throws IOException;
  }

  /**
   * Reads up to {@code len} bytes from {@code in}: the {@code closed} error at its end, {@code
   * last-operation-failed} if reading fails, else what {@code then} makes of the bytes.
   */
  private static ComponentValue read(
      Host h, Streams.Input in, ComponentValue len, boolean block, AfterRead then) {
    byte[] buf = new byte[Streams.readLength(Cv.integer(len))];
    try {
      int n = in.read(buf, buf.length, block, h.ctx);
      return n < 0 ? closed() : then.ok(buf, n);
    } catch (IOException e) {
      return failed(h, e);
    }
  }

  private static void readFunction(
      HostLinker l, String iface, String name, boolean block, AfterRead then) {
    l.defineFunction(
        iface,
        name,
        (h, args) ->
            of(read(h, Cv.rep(args.get(0), Streams.Input.class), args.get(1), block, then)));
  }

  private static void defineInput(HostLinker l, String iface) {
    for (boolean block : new boolean[] {false, true}) {
      String prefix = block ? "blocking-" : "";
      String read = "[method]input-stream." + prefix + "read";
      String skip = "[method]input-stream." + prefix + "skip";
      readFunction(l, iface, read, block, (buf, n) -> Cv.ok(Cv.bytes(buf, n)));
      readFunction(l, iface, skip, block, (buf, n) -> Cv.ok(Cv.u64(n)));
    }
    l.defineFunction(
        iface,
        "[method]input-stream.subscribe",
        (h, args) -> {
          Streams.Input in = Cv.rep(args.get(0), Streams.Input.class);
          return of(Cv.resource(Host.POLLABLE, in.subscribe()));
        });
  }

  private static void defineOutput(HostLinker l, String iface) {
    l.defineFunction(
        iface,
        "[method]output-stream.check-write",
        (h, args) -> {
          try {
            return of(Cv.ok(Cv.u64(Cv.rep(args.get(0), Streams.Output.class).checkWrite())));
          } catch (IOException e) {
            return of(failed(h, e));
          }
        });
    for (boolean flush : new boolean[] {false, true}) {
      String write = flush ? "blocking-write-and-flush" : "write";
      l.defineFunction(
          iface,
          "[method]output-stream." + write,
          (h, args) ->
              of(
                  write(
                      h, Cv.rep(args.get(0), Streams.Output.class), Cv.bytes(args.get(1)), flush)));
      String zeroes = flush ? "blocking-write-zeroes-and-flush" : "write-zeroes";
      l.defineFunction(
          iface,
          "[method]output-stream." + zeroes,
          (h, args) -> {
            long n = Cv.integer(args.get(1));
            if (n < 0 || n > Streams.WRITE_BUDGET) {
              throw new AbiException("write-zeroes of more than check-write allows");
            }
            return of(
                write(h, Cv.rep(args.get(0), Streams.Output.class), new byte[(int) n], flush));
          });
      String flushName = flush ? "blocking-flush" : "flush";
      boolean block = flush;
      l.defineFunction(
          iface,
          "[method]output-stream." + flushName,
          (h, args) -> {
            try {
              Streams.Output out = Cv.rep(args.get(0), Streams.Output.class);
              if (block) {
                out.flush();
              } else {
                out.startFlush();
              }
              return of(Cv.ok());
            } catch (IOException e) {
              return of(failed(h, e));
            }
          });
      String splice = flush ? "blocking-splice" : "splice";
      l.defineFunction(
          iface,
          "[method]output-stream." + splice,
          (h, args) -> {
            Streams.Output out = Cv.rep(args.get(0), Streams.Output.class);
            Streams.Input in = Cv.rep(args.get(1), Streams.Input.class);
            return of(
                read(
                    h,
                    in,
                    args.get(2),
                    block,
                    (buf, n) -> {
                      out.write(Arrays.copyOf(buf, n));
                      return Cv.ok(Cv.u64(n));
                    }));
          });
    }
    l.defineFunction(
        iface,
        "[method]output-stream.subscribe",
        (h, args) ->
            of(Cv.resource(Host.POLLABLE, Cv.rep(args.get(0), Streams.Output.class).subscribe())));
  }

  private static ComponentValue write(Host h, Streams.Output out, byte[] bytes, boolean flush) {
    try {
      out.write(bytes);
      if (flush) {
        out.flush();
      }
      return Cv.ok();
    } catch (IOException e) {
      return failed(h, e);
    }
  }
}
