;; Recursion 40,000 calls deep, below the store's default call depth (50,000): the interpreter
;; returns 40000, the compiler traps with CALL_STACK_EXHAUSTED (the JVM thread's stack runs out).
(module
  (func $down (export "down") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1)
              (call $down (i32.sub (local.get 0) (i32.const 1)))))))
  (func (export "deep") (result i32) (call $down (i32.const 40000))))
