;; Endless recursion that calls a host function at each level: both engines exhaust, but the
;; compiler about 7,000 calls deep (the JVM thread's stack), the interpreter at the store's call
;; depth (50,000), so the host sees a different number of calls before the trap.
(module
  (import "fuzzing-support" "log-i32" (func $log (param i32)))
  (func $down (export "down") (param i32)
    (call $log (local.get 0))
    (call $down (i32.add (local.get 0) (i32.const 1)))))
