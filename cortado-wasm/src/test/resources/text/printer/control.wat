;; Imports of every kind, functions with blocks, branches and calls, globals, exports, start.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (import "env" "table" (table 2 10 funcref))
  (import "env" "memory" (memory 1))
  (import "env" "counter" (global $counter (mut i32)))
  (func $add (export "add") (type $binop)
    (i32.add (local.get 0) (local.get 1)))
  (func $classify (param $x i32) (result i32)
    (local $tmp i64) (local f32 f32)
    (block $done (result i32)
      (block $small
        (br_table $small $small $done (i32.const 7) (local.get $x)))
      (if (result i32) (i32.eqz (local.get $x))
        (then (i32.const -1))
        (else
          (loop $again
            (br_if $again (i32.const 0)))
          (call $log (local.get $x))
          (i32.const 1)))))
  (func $dispatch (param i32) (result i32)
    (call_indirect (type $binop) (i32.const 1) (i32.const 2) (local.get 0))
    (select (result i32) (i32.const 3) (i32.const 4))
    drop)
  (func $start
    (global.set $counter (i32.const 0))
    (drop (memory.grow (memory.size)))
    (return))
  (global $pi f64 (f64.const 3.141592653589793))
  (global (export "limit") i64 (i64.const -9223372036854775808))
  (start $start)
)
