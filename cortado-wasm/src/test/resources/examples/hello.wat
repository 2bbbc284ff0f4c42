;; A small module for the README's first command: memory, a data segment, imports, exports.
(module
  (import "env" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, Cortado!")
  (global $calls (mut i32) (i32.const 0))

  ;; Logs the greeting and returns how many times it was called.
  (func $greet (export "greet") (result i32)
    (call $log (i32.const 16) (i32.const 15))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.get $calls))

  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
