;; Tail calls: a state machine whose states tail-call each other directly, through a table and
;; through references, the shape of code from languages that compile loops to tail calls. Each
;; step is a Collatz step of x, counted into acc.
(module
  (type $state (func (param i32 i32 i32) (result i32)))
  (table $states funcref (elem $even $odd))
  (elem declare func $step)
  ;; n steps left, x, acc
  (func $step (type $state)
    (if (result i32) (i32.eqz (local.get 0))
      (then (local.get 2))
      (else
        (return_call_indirect $states (type $state)
          (i32.sub (local.get 0) (i32.const 1))
          (local.get 1)
          (local.get 2)
          (i32.and (local.get 1) (i32.const 1))))))
  (func $even (type $state)
    (return_call $step
      (local.get 0)
      (i32.shr_u (local.get 1) (i32.const 1))
      (i32.add (local.get 2) (i32.const 1))))
  (func $odd (type $state)
    (return_call_ref $state
      (local.get 0)
      (i32.add (i32.mul (local.get 1) (i32.const 3)) (i32.const 1))
      (i32.xor (i32.rotl (local.get 2) (i32.const 7)) (local.get 1))
      (ref.func $step)))
  (func (export "run") (param $n i32) (result i32)
    (call $step (local.get $n) (i32.const 27) (i32.const 0))))
