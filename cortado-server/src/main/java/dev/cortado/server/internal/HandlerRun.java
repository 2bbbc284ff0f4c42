package dev.cortado.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.oci.SuborbitalDirective.Fn;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.InstantiationException;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One request through a Directive handler's steps, over a state that starts empty: a {@code fn}
 * step runs its runnable and keeps the result under its {@code as} key; a {@code group} step runs
 * its runnables at the same time on the same state and keeps their results when all are done. A
 * step given {@code with} sees only those state keys, under the names given. An error a runnable
 * returns ends the request with its code (400 to 599, else 500) and, as Atmo answers, the error as
 * JSON ({@code {"code":404,"message":"..."}}), unless the step's {@code onErr} says {@code
 * continue}: then that JSON goes into the state under the step's key. The response is the state's
 * {@code response} key, or the last result, with the headers the runnables set.
 */
final class HandlerRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SuborbitalApplication app;
  private final SuborbitalDirective.Handler handler;
  private final RunnableRequest request;
  private final StepContext context;
  private final Map<String, byte[]> state = new LinkedHashMap<>();
  private byte[] last = new byte[0];

  HandlerRun(
      SuborbitalApplication app,
      SuborbitalDirective.Handler handler,
      RunnableRequest request,
      StepContext context) {
    this.app = app;
    this.handler = handler;
    this.request = request;
    this.context = context;
  }

  /** Runs the steps and returns the response, or the failure of a runnable. */
  Outcome run() {
    try {
      for (SuborbitalDirective.Step step : handler.steps()) {
        List<Fn> fns = step instanceof SuborbitalDirective.Group g ? g.fns() : List.of((Fn) step);
        List<RunnableCall.Answer> answers = fns.size() == 1 ? List.of(call(fns.get(0))) : all(fns);
        for (int i = 0; i < fns.size(); i++) {
          Outcome stop = keep(fns.get(i), answers.get(i));
          if (stop != null) {
            return stop;
          }
        }
      }
    } catch (Trap
        | UncaughtException
        | WasiExitException
        | ExecutionInterruptedException
        | InstantiationException
        | OutOfMemoryError e) {
      return Outcome.failed(e);
    }
    byte[] body = last;
    if (handler.response().isPresent()) {
      String key = handler.response().get();
      body = state.get(key);
      if (body == null) {
        return new Outcome.Failed(
            "output",
            "the handler's response is state key \""
                + key
                + "\", which no step produced (keys: "
                + String.join(", ", state.keySet())
                + ")");
      }
    }
    return new Outcome.Answered(new CgiResponse(200, headers(), body));
  }

  private RunnableCall.Answer call(Fn fn) {
    RunnableRequest r = request.withState(stateFor(fn));
    return new RunnableCall(app.runnable(fn.fn()), r, context).run();
  }

  private List<RunnableCall.Answer> all(List<Fn> fns) {
    List<Future<RunnableCall.Answer>> running = new ArrayList<>();
    for (Fn fn : fns) {
      running.add(app.groupWorkers().submit(() -> call(fn)));
    }
    List<RunnableCall.Answer> answers = new ArrayList<>();
    for (Future<RunnableCall.Answer> f : running) {
      try {
        answers.add(f.get());
      } catch (InterruptedException e) {
        running.forEach(r -> r.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while a group of runnables ran", e);
      } catch (ExecutionException e) {
        running.forEach(r -> r.cancel(true));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return answers;
  }

  private Map<String, byte[]> stateFor(Fn fn) {
    if (fn.with().isEmpty()) {
      return state;
    }
    Map<String, byte[]> view = new LinkedHashMap<>();
    fn.with()
        .forEach(
            (name, key) -> {
              if (state.containsKey(key)) {
                view.put(name, state.get(key));
              }
            });
    return view;
  }

  /** Keeps a step's answer; returns the response that ends the request, or null to go on. */
  private Outcome keep(Fn fn, RunnableCall.Answer a) {
    if (a.ok()) {
      state.put(fn.as(), a.value());
      last = a.value();
      return null;
    }
    byte[] error = errorJson(a);
    if (fn.onErr().continues(a.code())) {
      context
          .log()
          .info("[" + fn.fn() + "] error " + a.code() + " (onErr: continue): " + a.message());
      state.put(fn.as(), error);
      last = error;
      return null;
    }
    int status = a.code() >= 400 && a.code() <= 599 ? a.code() : 500;
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", "application/json"});
    return new Outcome.Answered(new CgiResponse(status, headers, error));
  }

  /** Returns an error as Atmo writes it: {@code {"code":404,"message":"..."}}. */
  private static byte[] errorJson(RunnableCall.Answer a) {
    ObjectNode json = JSON.createObjectNode();
    json.put("code", a.code());
    json.put("message", a.message());
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of a number and a string always writes", e);
    }
  }

  private List<String[]> headers() {
    List<String[]> out = new ArrayList<>();
    synchronized (context.responseHeaders()) {
      context.responseHeaders().forEach((k, v) -> out.add(new String[] {k, v}));
    }
    return Collections.unmodifiableList(out);
  }
}
