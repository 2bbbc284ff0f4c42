package dev.cortado.server;

import java.util.Objects;

/** How a trigger's component is run for a request: the {@code executor} of a trigger. */
public sealed interface Executor {
  /**
   * Spin's own executor (the default): a {@code wasi:http} component, a fresh instance per request
   * handed the request through its {@code wasi:http/incoming-handler}, with Spin's {@code spin-*}
   * headers added.
   */
  record Spin() implements Executor {}

  /**
   * WAGI: a WASI preview1 module run as a CGI 1.1 program, the request body on its standard input,
   * the request in its environment, the response (CGI headers, a blank line, the body) on its
   * standard output.
   *
   * @param argv the program's arguments, split at spaces after replacing {@code ${SCRIPT_NAME}}
   *     (the request path) and {@code ${ARGS}} (the query string, {@code &} read as a space)
   * @param entrypoint the exported function to call
   * @see <a href="https://www.rfc-editor.org/rfc/rfc3875">RFC 3875 (CGI 1.1)</a>
   */
  record Wagi(String argv, String entrypoint) implements Executor {
    /** WAGI's default {@code argv}. */
    public static final String DEFAULT_ARGV = "${SCRIPT_NAME} ${ARGS}";

    /** WAGI's default entry point. */
    public static final String DEFAULT_ENTRYPOINT = "_start";

    /** Checks every part is present. */
    public Wagi {
      Objects.requireNonNull(argv, "argv");
      Objects.requireNonNull(entrypoint, "entrypoint");
    }

    /** Returns the executor with WAGI's defaults. */
    public Wagi() {
      this(DEFAULT_ARGV, DEFAULT_ENTRYPOINT);
    }
  }

  /**
   * A Suborbital handler: a request runs the steps of a Directive's handlers for its route (chosen
   * by method), each step a runnable in a fresh instance. Only a Suborbital bundle's application
   * has it; a Spin manifest cannot name it.
   */
  record Suborbital() implements Executor {}
}
