package dev.cortado.server.internal;

import dev.cortado.server.ServerLog;

/**
 * What answers the requests of one trigger with WebAssembly, prepared once when serving starts: a
 * WAGI program ({@link WagiComponent}) or a Suborbital handler ({@link SuborbitalRoute}). A failure
 * of the WebAssembly is an {@link Outcome.Failed}, never an exception.
 */
interface Responder extends AutoCloseable {
  /** Returns the name the access log and metrics use for it. */
  String id();

  /** Returns what it is, for the list of routes at start-up ({@code hello (wagi)}). */
  String description();

  /**
   * Answers {@code request}, matched as {@code match}, under the application's {@code basePath}.
   */
  Outcome run(IncomingRequest request, Router.Match match, String basePath, ServerLog log);

  /** Releases what it prepared (staged files, threads). */
  @Override
  void close();
}
