;; Run with StoreConfig.withMaxCallDepth(10) (the file name's "depth10-"). Endless recursion that
;; logs its depth: the interpreter lets 11 frames run (logs 0..10) before CALL_STACK_EXHAUSTED,
;; compiled code 10 (logs 0..9): the two engines count the limit one frame apart (the compiler's
;; Support.enter allows exactly maxCallDepth frames).
(module
  (import "fuzzing-support" "log-i32" (func $log (param i32)))
  (func $down (export "down") (param i32)
    (call $log (local.get 0))
    (call $down (i32.add (local.get 0) (i32.const 1)))))
