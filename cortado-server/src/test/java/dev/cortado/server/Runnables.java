package dev.cortado.server;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;

/**
 * Suborbital runnables for tests, written in WAT against the host API (env imports) and built to
 * binary: each exports {@code memory}, {@code allocate} (always the buffer at 8192) and {@code
 * run_e}, and keeps its strings at fixed addresses.
 */
final class Runnables {
  private Runnables() {}

  private static final String IMPORTS =
      """
      (import "env" "return_result" (func $return_result (param i32 i32 i32)))
      (import "env" "return_error" (func $return_error (param i32 i32 i32 i32)))
      (import "env" "request_get_field" (func $field (param i32 i32 i32 i32) (result i32)))
      (import "env" "get_ffi_result" (func $ffi (param i32 i32) (result i32)))
      (import "env" "resp_set_header" (func $header (param i32 i32 i32 i32 i32)))
      (import "env" "get_static_file" (func $static (param i32 i32 i32) (result i32)))
      (import "env" "cache_set" (func $cache_set (param i32 i32 i32 i32 i32 i32) (result i32)))
      (import "env" "cache_get" (func $cache_get (param i32 i32 i32) (result i32)))
      (import "env" "log_msg" (func $log (param i32 i32 i32 i32)))
      (memory (export "memory") 1)
      (func (export "allocate") (param i32) (result i32) i32.const 8192)
      (func (export "deallocate") (param i32 i32))
      """;

  /** Returns the binary of a runnable with {@code data} segments and {@code body} as run_e's. */
  static byte[] runnable(String data, String body) {
    String wat =
        "(module\n"
            + IMPORTS
            + data
            + "\n(func (export \"run_e\") (param $p i32) (param $n i32) (param $id i32)"
            + " (local $a i32) (local $b i32) (local $i i32)\n"
            + body
            + "))";
    return ModuleEncoder.encode(TextParser.parseModule(wat));
  }

  /** Answers "hello " and the route's :name, and sets X-Greeted: yes. */
  static byte[] greet() {
    return runnable(
        """
        (data (i32.const 0) "name")
        (data (i32.const 16) "X-Greeted")
        (data (i32.const 32) "yes")
        (data (i32.const 512) "hello ")
        """,
        """
        (local.set $a (call $field (i32.const 3) (i32.const 0) (i32.const 4) (local.get $id)))
        (drop (call $ffi (i32.const 518) (local.get $id)))
        (call $header (i32.const 16) (i32.const 9) (i32.const 32) (i32.const 3) (local.get $id))
        (call $return_result (i32.const 512) (i32.add (i32.const 6) (local.get $a)) (local.get $id))
        """);
  }

  /**
   * Sets X-Good: ok, then a header named "X Bad" and one whose value holds a control character,
   * which no HTTP message can carry; answers "ok".
   */
  static byte[] badHeaders() {
    return runnable(
        """
        (data (i32.const 0) "X-Good")
        (data (i32.const 16) "ok")
        (data (i32.const 32) "X Bad")
        (data (i32.const 48) "X-Ctl")
        (data (i32.const 64) "a\\0d\\0aInjected: yes")
        """,
        """
        (call $header (i32.const 0) (i32.const 6) (i32.const 16) (i32.const 2) (local.get $id))
        (call $header (i32.const 32) (i32.const 5) (i32.const 16) (i32.const 2) (local.get $id))
        (call $header (i32.const 48) (i32.const 5) (i32.const 64) (i32.const 16) (local.get $id))
        (call $return_result (i32.const 16) (i32.const 2) (local.get $id))
        """);
  }

  /** Answers the state key "text" in upper case. */
  static byte[] upper() {
    return runnable(
        "(data (i32.const 0) \"text\")",
        """
        (local.set $a (call $field (i32.const 4) (i32.const 0) (i32.const 4) (local.get $id)))
        (if (i32.lt_s (local.get $a) (i32.const 0))
          (then (call $return_error (i32.const 500) (i32.const 0) (i32.const 4) (local.get $id))
                (return)))
        (drop (call $ffi (i32.const 1024) (local.get $id)))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $a)))
            (local.set $b (i32.load8_u (i32.add (i32.const 1024) (local.get $i))))
            (if (i32.and (i32.ge_u (local.get $b) (i32.const 97)) (i32.le_u (local.get $b) (i32.const 122)))
              (then (i32.store8 (i32.add (i32.const 1024) (local.get $i))
                                (i32.sub (local.get $b) (i32.const 32)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (call $return_result (i32.const 1024) (local.get $a) (local.get $id))
        """);
  }

  /** Answers the bundle's static file banner.txt. */
  static byte[] banner() {
    return runnable(
        "(data (i32.const 0) \"banner.txt\")",
        """
        (local.set $a (call $static (i32.const 0) (i32.const 10) (local.get $id)))
        (drop (call $ffi (i32.const 1024) (local.get $id)))
        (call $return_result (i32.const 1024) (local.get $a) (local.get $id))
        """);
  }

  /** Answers the state keys "banner" and "upper", joined. */
  static byte[] join() {
    return runnable(
        """
        (data (i32.const 0) "banner")
        (data (i32.const 16) "upper")
        """,
        """
        (local.set $a (call $field (i32.const 4) (i32.const 0) (i32.const 6) (local.get $id)))
        (drop (call $ffi (i32.const 1024) (local.get $id)))
        (local.set $b (call $field (i32.const 4) (i32.const 16) (i32.const 5) (local.get $id)))
        (drop (call $ffi (i32.add (i32.const 1024) (local.get $a)) (local.get $id)))
        (call $return_result (i32.const 1024) (i32.add (local.get $a) (local.get $b)) (local.get $id))
        """);
  }

  /** Answers the route parameter "path". */
  static byte[] path() {
    return runnable(
        "(data (i32.const 0) \"path\")",
        """
        (local.set $a (call $field (i32.const 3) (i32.const 0) (i32.const 4) (local.get $id)))
        (drop (call $ffi (i32.const 1024) (local.get $id)))
        (call $return_result (i32.const 1024) (local.get $a) (local.get $id))
        """);
  }

  /** Returns error 404 "nothing here". */
  static byte[] fail() {
    return runnable(
        "(data (i32.const 0) \"nothing here\")",
        "(call $return_error (i32.const 404) (i32.const 0) (i32.const 12) (local.get $id))");
  }

  /** Answers its input (the request body), keeps it in the cache as "last", and logs. */
  static byte[] echo() {
    return runnable(
        """
        (data (i32.const 0) "last")
        (data (i32.const 16) "Content-Type")
        (data (i32.const 32) "text/plain")
        (data (i32.const 48) "echoing")
        """,
        """
        (call $log (i32.const 48) (i32.const 7) (i32.const 3) (local.get $id))
        (drop (call $cache_set (i32.const 0) (i32.const 4) (local.get $p) (local.get $n) (i32.const 0)
                               (local.get $id)))
        (call $header (i32.const 16) (i32.const 12) (i32.const 32) (i32.const 10) (local.get $id))
        (call $return_result (local.get $p) (local.get $n) (local.get $id))
        """);
  }

  /** Answers the cache's "last". */
  static byte[] recall() {
    return runnable(
        "(data (i32.const 0) \"last\")",
        """
        (local.set $a (call $cache_get (i32.const 0) (i32.const 4) (local.get $id)))
        (drop (call $ffi (i32.const 1024) (local.get $id)))
        (call $return_result (i32.const 1024) (local.get $a) (local.get $id))
        """);
  }

  /**
   * Sets cache key {@code mine}, then waits until key {@code theirs} is set, and answers {@code
   * mine}: two of these only finish if they run at the same time.
   */
  static byte[] rendezvous(String mine, String theirs) {
    return runnable(
        "(data (i32.const 0) \"" + mine + "\") (data (i32.const 16) \"" + theirs + "\")",
        """
        (drop (call $cache_set (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 4) (i32.const 0)
                               (local.get $id)))
        (loop $wait
          (br_if $wait
            (i32.lt_s (call $cache_get (i32.const 16) (i32.const 4) (local.get $id)) (i32.const 0))))
        (call $return_result (i32.const 0) (i32.const 4) (local.get $id))
        """);
  }

  /** A runnable importing env.fetch_url, which Cortado does not provide. */
  static byte[] fetcher() {
    String wat =
        """
        (module
          (import "env" "fetch_url" (func (param i32 i32 i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "allocate") (param i32) (result i32) i32.const 0)
          (func (export "run_e") (param i32 i32 i32)))
        """;
    return ModuleEncoder.encode(TextParser.parseModule(wat));
  }
}
