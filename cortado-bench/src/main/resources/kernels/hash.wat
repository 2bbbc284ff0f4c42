;; FNV-1a (32-bit) over a 64 KiB buffer that an xorshift generator refills for each of $rounds.
(module
  (memory 1)
  (func (export "run") (param $rounds i32) (result i32)
    (local $r i32) (local $i i32) (local $x i32) (local $h i32)
    (local.set $x (i32.const 2463534242))
    (local.set $h (i32.const 2166136261))
    (loop $round
      ;; fill: 16384 words of xorshift32
      (local.set $i (i32.const 0))
      (loop $fill
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
        (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
        (i32.store (local.get $i) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br_if $fill (i32.lt_u (local.get $i) (i32.const 65536))))
      ;; hash every byte
      (local.set $i (i32.const 0))
      (loop $hash
        (local.set $h
          (i32.mul (i32.xor (local.get $h) (i32.load8_u (local.get $i))) (i32.const 16777619)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $hash (i32.lt_u (local.get $i) (i32.const 65536))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $round (i32.lt_u (local.get $r) (local.get $rounds))))
    (local.get $h)))
