package dev.cortado.server.internal;

import dev.cortado.server.ServerLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Responder} that streams: it reads the request body as the client sends it and writes its
 * response as it makes it ({@link HttpComponent}). {@link #run} (the body read whole first) is
 * still there for callers that have it.
 */
interface StreamingResponder extends Responder {
  /**
   * Where a streamed response goes: its head, then its body, then its end. Once started, a failure
   * can no longer become a 500: the response is cut off instead.
   */
  interface Channel {
    /** Sends the status and headers (when the first byte of the body goes); returns the body. */
    OutputStream start(int status, List<String[]> headers);

    /** Ends the body, with {@code trailers} if the client takes them. */
    void finish(List<String[]> trailers) throws IOException;

    /** Returns whether {@link #start} was called. */
    boolean started();
  }

  /**
   * Answers {@code request} (its body empty), reading the body from {@code body} and writing the
   * answer to {@code channel}. A failure before the answer starts is an {@link Outcome.Failed} that
   * the caller answers with a 500; one after is an {@link Outcome.Failed} too, and the caller cuts
   * the response off; success is {@link Outcome.Streamed}.
   */
  Outcome stream(
      IncomingRequest request,
      InputStream body,
      Supplier<List<String[]>> trailers,
      Router.Match match,
      String basePath,
      ServerLog log,
      Channel channel);

  /** Answers {@code request} through {@link #stream}, the answer collected whole. */
  @Override
  default Outcome run(IncomingRequest request, Router.Match match, String basePath, ServerLog log) {
    Collected collected = new Collected();
    Outcome o =
        stream(
            request,
            new ByteArrayInputStream(request.body()),
            List::of,
            match,
            basePath,
            log,
            collected);
    return o instanceof Outcome.Streamed
        ? new Outcome.Answered(
            new CgiResponse(collected.status, collected.headers, collected.body.toByteArray()))
        : o;
  }

  /** A channel keeping the response in memory, for {@link #run}. */
  final class Collected implements Channel {
    private int status;
    private List<String[]> headers = List.of();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public OutputStream start(int status, List<String[]> headers) {
      this.status = status;
      this.headers = headers;
      return body;
    }

    @Override
    public void finish(List<String[]> trailers) {}

    @Override
    public boolean started() {
      return status != 0;
    }
  }
}
