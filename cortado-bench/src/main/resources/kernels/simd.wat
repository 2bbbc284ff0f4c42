;; Vector kernel: sums of squares of 16384 i32 lanes, four at a time, $rounds times.
(module
  (memory 1)
  (func (export "run") (param $rounds i32) (result i32)
    (local $r i32) (local $i i32) (local $acc v128) (local $v v128)
    (local.set $i (i32.const 0))
    (loop $fill
      (i32.store (local.get $i) (i32.shr_u (local.get $i) (i32.const 2)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 65536))))
    (loop $round
      (local.set $i (i32.const 0))
      (loop $sum
        (local.set $v (v128.load (local.get $i)))
        (local.set $acc (i32x4.add (local.get $acc) (i32x4.mul (local.get $v) (local.get $v))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br_if $sum (i32.lt_u (local.get $i) (i32.const 65536))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $round (i32.lt_u (local.get $r) (local.get $rounds))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))))
