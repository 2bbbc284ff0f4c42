;; Each export makes one WASI call that may block, so a test can call it, stop it, and call it
;; again on the same store. Results are the call's outcome, or -errno when it fails.
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_recv" (func $sock_recv (param i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; Reads up to 64 bytes of $fd into memory at 100 (iovec at 0, count at 8); returns the count.
  (func (export "read") (param $fd i32) (result i32)
    (local $errno i32)
    (i32.store (i32.const 0) (i32.const 100))
    (i32.store (i32.const 4) (i32.const 64))
    (local.set $errno (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
    (if (result i32) (local.get $errno)
      (then (i32.sub (i32.const 0) (local.get $errno)))
      (else (i32.load (i32.const 8)))))

  ;; Waits until $fd is readable (one fd_read subscription at 200, its event at 300); returns the
  ;; event's errno, with the event's nbytes at 316 and flags at 324.
  (func (export "poll_read") (param $fd i32) (result i32)
    (local $errno i32)
    (memory.fill (i32.const 200) (i32.const 0) (i32.const 48))
    (i64.store (i32.const 200) (i64.const 7))
    (i32.store8 (i32.const 208) (i32.const 1))
    (i32.store (i32.const 216) (local.get $fd))
    (local.set $errno
      (call $poll_oneoff (i32.const 200) (i32.const 300) (i32.const 1) (i32.const 400)))
    (if (result i32) (local.get $errno)
      (then (i32.sub (i32.const 0) (local.get $errno)))
      (else (i32.load16_u (i32.const 308)))))

  ;; Waits on clock $clock for $timeout nanoseconds, or until that time if $flags is 1 (abstime):
  ;; one clock subscription at 200, its event at 300; returns the event's errno.
  (func (export "sleep") (param $clock i32) (param $timeout i64) (param $flags i32) (result i32)
    (local $errno i32)
    (memory.fill (i32.const 200) (i32.const 0) (i32.const 48))
    (i64.store (i32.const 200) (i64.const 9))
    (i32.store (i32.const 216) (local.get $clock))
    (i64.store (i32.const 224) (local.get $timeout))
    (i32.store16 (i32.const 240) (local.get $flags))
    (local.set $errno
      (call $poll_oneoff (i32.const 200) (i32.const 300) (i32.const 1) (i32.const 400)))
    (if (result i32) (local.get $errno)
      (then (i32.sub (i32.const 0) (local.get $errno)))
      (else (i32.load16_u (i32.const 308)))))

  ;; Accepts a connection on $fd; returns the new descriptor.
  (func (export "accept") (param $fd i32) (result i32)
    (local $errno i32)
    (local.set $errno (call $sock_accept (local.get $fd) (i32.const 0) (i32.const 500)))
    (if (result i32) (local.get $errno)
      (then (i32.sub (i32.const 0) (local.get $errno)))
      (else (i32.load (i32.const 500)))))

  ;; Receives up to 64 bytes of socket $fd into memory at 100; returns the count.
  (func (export "recv") (param $fd i32) (result i32)
    (local $errno i32)
    (i32.store (i32.const 0) (i32.const 100))
    (i32.store (i32.const 4) (i32.const 64))
    (local.set $errno
      (call $sock_recv
        (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 8) (i32.const 12)))
    (if (result i32) (local.get $errno)
      (then (i32.sub (i32.const 0) (local.get $errno)))
      (else (i32.load (i32.const 8))))))
