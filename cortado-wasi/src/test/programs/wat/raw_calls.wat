;; A WASI program in WAT, calling preview1 directly: writes "argc=N" to standard output with
;; fd_write, reads the fdstat of standard error, and exits through proc_exit with argc + 40.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "argc=?\n")

  (func (export "_start")
    (local $argc i32)
    ;; argc and argv buffer size land at 0 and 4.
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    ;; One digit is enough for the test.
    (i32.store8 (i32.const 69) (i32.add (i32.const 48) (local.get $argc)))
    ;; iovec at 16: {ptr=64, len=7}; bytes written at 24.
    (i32.store (i32.const 16) (i32.const 64))
    (i32.store (i32.const 20) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    ;; fd_fdstat_get on a closed descriptor answers BADF (8): exit code 40 + argc if it does.
    (if (i32.eq (call $fd_fdstat_get (i32.const 99) (i32.const 128)) (i32.const 8))
      (then (call $proc_exit (i32.add (i32.const 40) (local.get $argc)))))
    (call $proc_exit (i32.const 1))))
