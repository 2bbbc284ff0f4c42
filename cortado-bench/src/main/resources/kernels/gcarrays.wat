;; Wasm 3.0 GC arrays: insertion sort of an (array (mut i32)) of n pseudo-random numbers, a hash
;; over an (array (mut i16)) of characters read unsigned, and running sums in an (array (mut
;; f64)); returns a checksum of all three.
(module
  (type $ints (array (mut i32)))
  (type $chars (array (mut i16)))
  (type $doubles (array (mut f64)))
  (func $sort (param $a (ref $ints))
    (local $i i32) (local $j i32) (local $v i32) (local $n i32)
    (local.set $n (array.len (local.get $a)))
    (local.set $i (i32.const 1))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $v (array.get $ints (local.get $a) (local.get $i)))
        (local.set $j (local.get $i))
        (block $placed
          (loop $shift
            (br_if $placed (i32.eqz (local.get $j)))
            (br_if $placed
              (i32.le_s
                (array.get $ints (local.get $a) (i32.sub (local.get $j) (i32.const 1)))
                (local.get $v)))
            (array.set $ints (local.get $a) (local.get $j)
              (array.get $ints (local.get $a) (i32.sub (local.get $j) (i32.const 1))))
            (local.set $j (i32.sub (local.get $j) (i32.const 1)))
            (br $shift)))
        (array.set $ints (local.get $a) (local.get $j) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer))))
  (func (export "run") (param $n i32) (result i32)
    (local $a (ref $ints)) (local $s (ref $chars)) (local $d (ref $doubles))
    (local $i i32) (local $x i32) (local $h i32) (local $round i32) (local $sum f64)
    ;; the numbers
    (local.set $a (array.new_default $ints (local.get $n)))
    (local.set $x (i32.const 12345))
    (loop $fill
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
      (array.set $ints (local.get $a) (local.get $i) (i32.shr_s (local.get $x) (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (local.get $n))))
    (call $sort (local.get $a))
    ;; the characters, hashed 64 times
    (local.set $s (array.new $chars (i32.const 0) (i32.mul (local.get $n) (i32.const 4))))
    (local.set $i (i32.const 0))
    (loop $chars
      (array.set $chars (local.get $s) (local.get $i) (i32.mul (local.get $i) (i32.const 40503)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $chars (i32.lt_u (local.get $i) (array.len (local.get $s)))))
    (loop $rounds
      (local.set $i (i32.const 0))
      (loop $hash
        (local.set $h
          (i32.add (i32.mul (local.get $h) (i32.const 31))
            (array.get_u $chars (local.get $s) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $hash (i32.lt_u (local.get $i) (array.len (local.get $s)))))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $round) (i32.const 64))))
    ;; running sums of the sorted numbers
    (local.set $d (array.new $doubles (f64.const 0) (local.get $n)))
    (local.set $i (i32.const 1))
    (loop $sums
      (array.set $doubles (local.get $d) (local.get $i)
        (f64.add
          (array.get $doubles (local.get $d) (i32.sub (local.get $i) (i32.const 1)))
          (f64.convert_i32_s (array.get $ints (local.get $a) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $sums (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add
      (i32.add (local.get $h) (array.get $ints (local.get $a) (i32.shr_u (local.get $n) (i32.const 1))))
      (i32.trunc_sat_f64_s
        (f64.div (array.get $doubles (local.get $d) (i32.sub (local.get $n) (i32.const 1)))
          (f64.const 1000))))))
