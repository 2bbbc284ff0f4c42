;; Exceptions: a throw two calls deep, caught by a try_table, for every other iteration; the
;; others return normally through the same try_table.
(module
  (tag $odd (param i32))
  (func $check (param $i i32) (result i32)
    (if (i32.and (local.get $i) (i32.const 1))
      (then (throw $odd (local.get $i))))
    (local.get $i))
  (func $middle (param $i i32) (result i32)
    (i32.add (call $check (local.get $i)) (i32.const 1)))
  (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (loop $l
      (local.set $sum
        (i32.add (local.get $sum)
          (block $caught (result i32)
            (try_table (result i32) (catch $odd $caught)
              (call $middle (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum)))
