package dev.cortado.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasi.WasiPreview1;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One runnable answering one step: a fresh store and instance, the request body copied into its
 * memory ({@code allocate}) and passed to {@code run_e(pointer, length, ident)}; the host API calls
 * it makes ({@link RunnableHost}) are answered from this call's request view and the step's shared
 * context. It ends with the value given to {@code return_result} or the error given to {@code
 * return_error}.
 */
final class RunnableCall {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int META = 0;
  private static final int BODY = 1;
  private static final int HEADER = 2;
  private static final int PARAMS = 3;
  private static final int STATE = 4;
  private static final int QUERY = 5;

  /**
   * What a runnable answered.
   *
   * @param ok whether it returned a result (else an error)
   * @param code the error's code (0 for a result)
   * @param value the result, or the error's message in UTF-8
   */
  record Answer(boolean ok, int code, byte[] value) {
    static Answer error(int code, String message) {
      return new Answer(false, code, message.getBytes(StandardCharsets.UTF_8));
    }

    String message() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  private final RunnableModule runnable;
  private final RunnableRequest request;
  private final StepContext context;
  private byte[] ffiResult;
  private Answer answer;

  RunnableCall(RunnableModule runnable, RunnableRequest request, StepContext context) {
    this.runnable = runnable;
    this.request = request;
    this.context = context;
  }

  /**
   * Runs the runnable. Traps, exhaustion and interruption propagate, for the handler to report as
   * the request's failure.
   */
  Answer run() {
    long start = System.nanoTime();
    Store store = GuestSetup.store(context.engine(), context.config());
    Linker linker = Linker.create();
    RunnableHost.addTo(linker, this);
    Outputs.Lines out =
        new Outputs.Lines("standard output", line -> context.log().info(prefix() + line));
    Outputs.Lines err =
        new Outputs.Lines("standard error", line -> context.log().error(prefix() + line));
    WasiConfig wasiConfig =
        WasiConfig.defaults()
            .withArgs(List.of(runnable.name()))
            .withStdout(WasiOutput.to(out))
            .withStderr(WasiOutput.to(err));
    try (WasiPreview1 wasi = WasiPreview1.create(wasiConfig)) {
      wasi.addTo(linker);
      Instance instance = linker.instantiate(store, runnable.module());
      context.metrics().instantiated(System.nanoTime() - start);
      instance.func("_initialize").ifPresent(Func::call);
      Memory memory = instance.memory("memory").orElseThrow();
      byte[] input = request.body();
      int pointer = instance.func("allocate").orElseThrow().asIntUnary().applyAsInt(input.length);
      memory.write(Integer.toUnsignedLong(pointer), input);
      instance
          .func("run_e")
          .orElseThrow()
          .call(WasmValue.i32(pointer), WasmValue.i32(input.length), WasmValue.i32(0));
    } finally {
      GuestSetup.finish(store);
      out.close();
      err.close();
    }
    return answer != null
        ? answer
        : Answer.error(500, "runnable " + runnable.name() + " ended without returning a result");
  }

  private String prefix() {
    return "[" + runnable.name() + "] ";
  }

  void returnResult(byte[] value) {
    answer = new Answer(true, 0, value);
  }

  void returnError(int code, String message) {
    answer = Answer.error(code, message);
  }

  Optional<byte[]> takeFfiResult() {
    Optional<byte[]> r = Optional.ofNullable(ffiResult);
    ffiResult = null;
    return r;
  }

  /** Keeps {@code value} as the pending result and returns its length. */
  private int ffi(byte[] value) {
    ffiResult = value;
    return value.length;
  }

  /** Keeps {@code message} as the pending error and returns minus its length. */
  private int ffiError(String message) {
    byte[] m = message.getBytes(StandardCharsets.UTF_8);
    if (m.length == 0) {
      return -1;
    }
    ffiResult = m;
    return -m.length;
  }

  void log(int level, String message) {
    switch (level) {
      case 1, 2 -> context.log().error(prefix() + message);
      default -> context.log().info(prefix() + message);
    }
  }

  int requestField(int type, String key) {
    Optional<byte[]> value =
        switch (type) {
          case META -> meta(key);
          case BODY -> bodyField(key);
          case HEADER -> text(request.header(key));
          case PARAMS -> text(request.params().get(key));
          case STATE -> Optional.ofNullable(request.state().get(key));
          case QUERY -> text(request.query().get(key));
          default -> {
            context.log().error(prefix() + "request_get_field: no field type " + type);
            yield Optional.empty();
          }
        };
    return value.map(this::ffi).orElseGet(() -> ffiError("no request field " + key));
  }

  private Optional<byte[]> meta(String key) {
    return switch (key) {
      case "method" -> text(request.method());
      case "url" -> text(request.url());
      case "id" -> text(request.id());
      case "body" -> Optional.of(request.body());
      default -> Optional.empty();
    };
  }

  private Optional<byte[]> bodyField(String key) {
    try {
      JsonNode body = JSON.readTree(request.body());
      JsonNode v = body == null ? null : body.get(key);
      if (v == null) {
        return Optional.empty();
      }
      return text(v.isTextual() ? v.asText() : v.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> text(String s) {
    return Optional.ofNullable(s).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets a response header; one no HTTP message can carry is left out, with a log line. */
  void setHeader(String name, String value) {
    if (!CgiResponse.isFieldName(name) || !CgiResponse.isFieldValue(value)) {
      context
          .log()
          .error(
              prefix()
                  + "left out a response header that is not one (a name that is no token, or a"
                  + " control character in its value): "
                  + Json.string(name));
      return;
    }
    context.responseHeaders().put(name, value);
  }

  int staticFile(String name) {
    String key = name.startsWith("/") ? name.substring(1) : name;
    return Optional.ofNullable(context.staticFiles().get(key))
        .map(b -> ffi(b.toArray()))
        .orElseGet(() -> ffiError("no static file " + name + " in the bundle"));
  }

  int cacheSet(String key, byte[] value, int ttl) {
    return context.cache().set(key, value, ttl).map(this::ffiError).orElse(0);
  }

  int cacheGet(String key) {
    return context.cache().get(key).map(this::ffi).orElseGet(() -> ffiError("no cache key " + key));
  }
}
