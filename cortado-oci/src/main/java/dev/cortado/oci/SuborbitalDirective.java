package dev.cortado.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Suborbital Atmo {@code Directive.yaml}: the application's identity, its runnables and its
 * handlers, each a sequence of steps that call runnables.
 *
 * @param identifier the application's identifier ({@code com.example.app})
 * @param appVersion its version
 * @param atmoVersion the Atmo version it was written for
 * @param runnables the {@code runnables} list, if the Directive has one (subo writes it into
 *     bundles)
 * @param handlers the {@code handlers}, in file order
 * @see <a href="https://github.com/suborbital/atmo/blob/main/docs/concepts/the-directive.md">the
 *     Directive</a>
 */
public record SuborbitalDirective(
    String identifier,
    String appVersion,
    String atmoVersion,
    List<Runnable> runnables,
    List<Handler> handlers) {
  /** Checks every part is present and copies the lists. */
  public SuborbitalDirective {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(atmoVersion, "atmoVersion");
    runnables = List.copyOf(runnables);
    handlers = List.copyOf(handlers);
  }

  /**
   * An entry of {@code runnables}.
   *
   * @param name its name (its module is {@code <name>.wasm} in the bundle)
   * @param namespace its namespace ({@code default} when not given)
   * @param lang the language it was written in, if given
   * @param version its version, if given
   */
  public record Runnable(
      String name, String namespace, Optional<String> lang, Optional<String> version) {
    /** Checks every part is present. */
    public Runnable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(lang, "lang");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * An entry of {@code handlers}.
   *
   * @param type the handler's type ({@code request} for HTTP; others are read but not served)
   * @param resource the path it answers ({@code /hello}, {@code /users/:id})
   * @param method the HTTP method it answers
   * @param steps its steps, in order
   * @param response the state key whose value is the response body, if given (else the last step's
   *     result)
   */
  public record Handler(
      String type, String resource, String method, List<Step> steps, Optional<String> response) {
    /** Checks every part is present and copies the steps. */
    public Handler {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(method, "method");
      steps = List.copyOf(steps);
      Objects.requireNonNull(response, "response");
    }
  }

  /** A step of a handler: one function, or a group of functions run at the same time. */
  public sealed interface Step {}

  /**
   * A step calling one runnable.
   *
   * @param fn the runnable's name
   * @param as the state key its result is kept under (its name by default)
   * @param with when not empty, the state the runnable sees: each key is the name it sees, each
   *     value the state key it comes from
   * @param onErr what to do when it returns an error
   */
  public record Fn(String fn, String as, Map<String, String> with, OnErr onErr) implements Step {
    /** Checks every part is present and copies the map. */
    public Fn {
      Objects.requireNonNull(fn, "fn");
      Objects.requireNonNull(as, "as");
      with = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(with));
      Objects.requireNonNull(onErr, "onErr");
    }
  }

  /**
   * A step running several runnables concurrently; the next step starts when all are done.
   *
   * @param fns the runnables, in file order
   */
  public record Group(List<Fn> fns) implements Step {
    /** Copies the list. */
    public Group {
      fns = List.copyOf(fns);
    }
  }

  /**
   * A step's {@code onErr}: what an error returned by its runnable leads to, {@code continue} (the
   * error, as JSON {@code {"code":404,"message":"..."}}, goes into the state under the step's key,
   * and the next step runs) or {@code return} (the request is answered with that JSON and the
   * error's code).
   *
   * @param codes the action for particular error codes ({@code code:})
   * @param otherwise the action for the other codes ({@code other:} beside {@code code:}, {@code
   *     any:} alone; {@code return} by default)
   */
  public record OnErr(Map<Integer, String> codes, String otherwise) {
    /** Checks every part is present and copies the map. */
    public OnErr {
      codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
      Objects.requireNonNull(otherwise, "otherwise");
    }

    /** Returns the default: every error answers the request. */
    public static OnErr returnAll() {
      return new OnErr(Map.of(), "return");
    }

    /** Returns whether an error with {@code code} lets the handler go on. */
    public boolean continues(int code) {
      return codes.getOrDefault(code, otherwise).equals("continue");
    }
  }
}
