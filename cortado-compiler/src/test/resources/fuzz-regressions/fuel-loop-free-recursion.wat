;; Recursion without loops (fib 32: 7 million calls) never runs out of fuel in compiled code,
;; since compiled code spends fuel (and checks the deadline and Store.interrupt) only at loop back
;; edges: the interpreter stops with OUT_OF_FUEL after 2,000,000 fuel, the compiler returns
;; 2178309. With a larger argument, compiled code runs for minutes past any deadline.
(module
  (func $fib (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "fib32") (result i32) (call $fib (i32.const 32))))
