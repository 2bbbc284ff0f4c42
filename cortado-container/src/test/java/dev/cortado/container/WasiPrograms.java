package dev.cortado.container;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The WASI programs the container tests run, written in WAT and encoded by Cortado itself. */
final class WasiPrograms {
  private WasiPrograms() {}

  private static final String IMPORTS =
      """
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
      """;

  /** Prints each argument, then each environment variable, one a line, and exits with status 7. */
  static final String ARGS_ENV =
      """
      (module
        %s
        (import "wasi_snapshot_preview1" "args_sizes_get"
          (func $args_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "environ_sizes_get"
          (func $environ_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "environ_get"
          (func $environ_get (param i32 i32) (result i32)))
        (memory (export "memory") 2)
        (data (i32.const 64) "\\n")
        (func $strlen (param $p i32) (result i32) (local $n i32)
          (block $done (loop $l
            (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $l)))
          (local.get $n))
        (func $line (param $p i32)
          (i32.store (i32.const 16) (local.get $p))
          (i32.store (i32.const 20) (call $strlen (local.get $p)))
          (i32.store (i32.const 24) (i32.const 64))
          (i32.store (i32.const 28) (i32.const 1))
          (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 2) (i32.const 32))))
        (func $each (param $ptrs i32) (param $n i32) (local $i i32)
          (block $done (loop $l
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (call $line (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $l))))
        (func (export "_start")
          (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
          (drop (call $args_get (i32.const 1024) (i32.const 8192)))
          (call $each (i32.const 1024) (i32.load (i32.const 0)))
          (drop (call $environ_sizes_get (i32.const 0) (i32.const 4)))
          (drop (call $environ_get (i32.const 1024) (i32.const 8192)))
          (call $each (i32.const 1024) (i32.load (i32.const 0)))
          (call $proc_exit (i32.const 7))))
      """
          .formatted(IMPORTS);

  /** Writes "written by wasm" to {@code out.txt} in the preopened directory {@code /data}. */
  /**
   * Copies {@code /etc/hosts} (up to 1 KiB) to standard output and writes a line to {@code
   * /log.txt}, both through the rootfs, the first preopen; exits with 3 to 5 if a step fails.
   */
  static final String HOSTS_AND_LOG =
      """
      (module
        %s
        (import "wasi_snapshot_preview1" "path_open"
          (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read"
          (func $fd_read (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 100) "etc/hosts")
        (data (i32.const 200) "log.txt")
        (data (i32.const 300) "written by wasm\\n")
        (func (export "_start")
          ;; etc/hosts, with the right to read only
          (if (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 9)
                (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 500))
            (then (call $proc_exit (i32.const 3))))
          (i32.store (i32.const 600) (i32.const 1024))
          (i32.store (i32.const 604) (i32.const 1024))
          (if (call $fd_read (i32.load (i32.const 500)) (i32.const 600) (i32.const 1)
                (i32.const 608))
            (then (call $proc_exit (i32.const 4))))
          (i32.store (i32.const 604) (i32.load (i32.const 608)))
          (drop (call $fd_write (i32.const 1) (i32.const 600) (i32.const 1) (i32.const 612)))
          ;; log.txt, truncated, for writing
          (if (call $path_open (i32.const 3) (i32.const 1) (i32.const 200) (i32.const 7)
                (i32.const 8) (i64.const 0x1fffffff) (i64.const 0) (i32.const 0) (i32.const 500))
            (then (call $proc_exit (i32.const 5))))
          (i32.store (i32.const 600) (i32.const 300))
          (i32.store (i32.const 604) (i32.const 16))
          (drop (call $fd_write (i32.load (i32.const 500)) (i32.const 600) (i32.const 1)
            (i32.const 608)))))
      """
          .formatted(IMPORTS);

  static final String WRITE_DATA =
      """
      (module
        %s
        (import "wasi_snapshot_preview1" "fd_prestat_get"
          (func $prestat_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_prestat_dir_name"
          (func $prestat_dir_name (param i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "path_open"
          (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 100) "/data")
        (data (i32.const 200) "out.txt")
        (data (i32.const 300) "written by wasm\\n")
        (func $find (result i32) (local $fd i32)
          (local.set $fd (i32.const 3))
          (block $none (loop $l
            (br_if $none (i32.ne (call $prestat_get (local.get $fd) (i32.const 0)) (i32.const 0)))
            (if (i32.eq (i32.load (i32.const 4)) (i32.const 5))
              (then
                (drop (call $prestat_dir_name (local.get $fd) (i32.const 400) (i32.const 5)))
                (if (i32.and
                      (i32.eq (i32.load (i32.const 400)) (i32.load (i32.const 100)))
                      (i32.eq (i32.load8_u (i32.const 404)) (i32.load8_u (i32.const 104))))
                  (then (return (local.get $fd))))))
            (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
            (br $l)))
          (i32.const -1))
        (func (export "_start") (local $dir i32)
          (local.set $dir (call $find))
          (if (i32.lt_s (local.get $dir) (i32.const 0)) (then (call $proc_exit (i32.const 2))))
          (if (call $path_open (local.get $dir) (i32.const 0) (i32.const 200) (i32.const 7)
                (i32.const 9) (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0)
                (i32.const 500))
            (then (call $proc_exit (i32.const 3))))
          (i32.store (i32.const 600) (i32.const 300))
          (i32.store (i32.const 604) (i32.const 16))
          (drop (call $fd_write (i32.load (i32.const 500)) (i32.const 600) (i32.const 1)
            (i32.const 608)))))
      """
          .formatted(IMPORTS);

  /** Prints "about to trap" and executes {@code unreachable}. */
  static final String TRAP =
      """
      (module
        %s
        (memory (export "memory") 1)
        (data (i32.const 100) "about to trap\\n")
        (func $boom (unreachable))
        (func (export "_start")
          (i32.store (i32.const 0) (i32.const 100))
          (i32.store (i32.const 4) (i32.const 14))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
          (call $boom)))
      """
          .formatted(IMPORTS);

  /** Prints "spinning" and loops forever. */
  static final String SPIN =
      """
      (module
        %s
        (memory (export "memory") 1)
        (data (i32.const 100) "spinning\\n")
        (func (export "_start")
          (i32.store (i32.const 0) (i32.const 100))
          (i32.store (i32.const 4) (i32.const 9))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
          (loop $forever (br $forever))))
      """
          .formatted(IMPORTS);

  /**
   * Grows its memory a page at a time until {@code memory.grow} fails, then exits with its size in
   * pages divided by 64 (in 4 MiB units: an exit status holds 8 bits).
   */
  static final String GROW =
      """
      (module
        %s
        (memory (export "memory") 1)
        (func (export "_start")
          (block $full (loop $more
            (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
            (br $more)))
          (call $proc_exit (i32.div_u (memory.size) (i32.const 64)))))
      """
          .formatted(IMPORTS);

  /** Writes {@code wat}'s binary to {@code file} and returns the file. */
  static Path write(Path file, String wat) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, ModuleEncoder.encode(TextParser.parseModule(wat)));
  }
}
