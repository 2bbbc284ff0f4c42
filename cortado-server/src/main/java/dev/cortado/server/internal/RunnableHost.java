package dev.cortado.server.internal;

import static dev.cortado.wasm.ValType.I32;

import dev.cortado.runtime.Caller;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.FuncType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host API Suborbital runnables import from {@code env} (Reactr's and Atmo's), every value an
 * i32: strings and bytes pass as pointer and length in the runnable's memory; a function with a
 * result of variable size keeps it as the pending "FFI result" and returns its length (negative:
 * the length of an error message), which the runnable then copies out with {@code get_ffi_result}.
 * Functions that need what Cortado does not provide (outbound HTTP, GraphQL, databases, secrets,
 * changing the request) are named in {@link #UNSUPPORTED}: a runnable importing one is refused when
 * serving starts.
 *
 * @see <a href="https://github.com/suborbital/reactr/blob/main/api/env.wit">Reactr's env API</a>
 */
final class RunnableHost {
  /** The import module of the host API. */
  static final String MODULE = "env";

  /** The largest string or byte run a runnable may pass to the host at once. */
  static final int MAX_TRANSFER = 16 << 20;

  /** Functions of the host API that Cortado does not provide, with the reason. */
  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "fetch_url", "outbound HTTP requests from runnables",
          "graphql_query", "GraphQL requests from runnables",
          "db_exec", "database queries",
          "add_ffi_var", "database query variables",
          "get_secret_value", "secrets",
          "request_set_field", "changing the request");

  /** The functions provided, with their types. */
  static final Map<String, FuncType> SIGNATURES = signatures();

  private RunnableHost() {}

  private static Map<String, FuncType> signatures() {
    Map<String, FuncType> m = new LinkedHashMap<>();
    m.put("return_result", type(3, false));
    m.put("return_error", type(4, false));
    m.put("return_abort", type(7, false));
    m.put("get_ffi_result", type(2, true));
    m.put("log_msg", type(4, false));
    m.put("request_get_field", type(4, true));
    m.put("resp_set_header", type(5, false));
    m.put("get_static_file", type(3, true));
    m.put("cache_set", type(6, true));
    m.put("cache_get", type(3, true));
    return Collections.unmodifiableMap(m);
  }

  private static FuncType type(int params, boolean result) {
    return FuncType.of(Collections.nCopies(params, I32), result ? List.of(I32) : List.of());
  }

  /** Defines the host API in {@code linker}, bound to the call {@code call}. */
  static void addTo(Linker linker, RunnableCall call) {
    def(linker, "return_result", (c, a, r) -> call.returnResult(bytes(c, a.i32(0), a.i32(1))));
    def(
        linker,
        "return_error",
        (c, a, r) -> call.returnError(a.i32(0), utf8(c, a.i32(1), a.i32(2))));
    def(
        linker,
        "return_abort",
        (c, a, r) ->
            call.returnError(
                500,
                "aborted: "
                    + utf8(c, a.i32(0), a.i32(1))
                    + " at "
                    + utf8(c, a.i32(2), a.i32(3))
                    + ":"
                    + a.i32(4)
                    + ":"
                    + a.i32(5)));
    def(
        linker,
        "get_ffi_result",
        (c, a, r) -> {
          Optional<byte[]> pending = call.takeFfiResult();
          if (pending.isEmpty()) {
            r.setI32(0, -1);
            return;
          }
          memory(c).write(Integer.toUnsignedLong(a.i32(0)), pending.get());
          r.setI32(0, 0);
        });
    def(linker, "log_msg", (c, a, r) -> call.log(a.i32(2), utf8(c, a.i32(0), a.i32(1))));
    def(
        linker,
        "request_get_field",
        (c, a, r) -> r.setI32(0, call.requestField(a.i32(0), utf8(c, a.i32(1), a.i32(2)))));
    def(
        linker,
        "resp_set_header",
        (c, a, r) -> call.setHeader(utf8(c, a.i32(0), a.i32(1)), utf8(c, a.i32(2), a.i32(3))));
    def(
        linker,
        "get_static_file",
        (c, a, r) -> r.setI32(0, call.staticFile(utf8(c, a.i32(0), a.i32(1)))));
    def(
        linker,
        "cache_set",
        (c, a, r) ->
            r.setI32(
                0,
                call.cacheSet(
                    utf8(c, a.i32(0), a.i32(1)), bytes(c, a.i32(2), a.i32(3)), a.i32(4))));
    def(linker, "cache_get", (c, a, r) -> r.setI32(0, call.cacheGet(utf8(c, a.i32(0), a.i32(1)))));
  }

  private static void def(Linker linker, String name, dev.cortado.runtime.HostFunction body) {
    linker.define(MODULE, name, SIGNATURES.get(name), body);
  }

  private static Memory memory(Caller c) {
    return c.memory()
        .orElseThrow(
            () ->
                Trap.of(
                    TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, "the runnable has no memory to share"));
  }

  private static byte[] bytes(Caller c, int pointer, int length) {
    if (length < 0 || length > MAX_TRANSFER) {
      throw Trap.of(
          TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
          "the runnable passed " + Integer.toUnsignedString(length) + " bytes to the host");
    }
    return memory(c).read(Integer.toUnsignedLong(pointer), length);
  }

  private static String utf8(Caller c, int pointer, int length) {
    return new String(bytes(c, pointer, length), StandardCharsets.UTF_8);
  }
}
