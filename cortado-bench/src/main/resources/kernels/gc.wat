;; Binary trees (the benchmarks game's allocation test) with Wasm 3.0 GC structs: for each depth
;; d = 4, 6, ... up to the argument, build 2^(max - d) trees of depth d and count their nodes.
;; Every tree is garbage once counted.
(module
  (type $tree (struct (field $left (ref null $tree)) (field $right (ref null $tree))))
  (func $make (param $d i32) (result (ref $tree))
    (if (result (ref $tree)) (i32.eqz (local.get $d))
      (then (struct.new $tree (ref.null $tree) (ref.null $tree)))
      (else
        (struct.new $tree
          (call $make (i32.sub (local.get $d) (i32.const 1)))
          (call $make (i32.sub (local.get $d) (i32.const 1)))))))
  (func $count (param $t (ref $tree)) (result i32)
    (local $left (ref null $tree))
    (local.set $left (struct.get $tree $left (local.get $t)))
    (if (result i32) (ref.is_null (local.get $left))
      (then (i32.const 1))
      (else
        (i32.add (i32.const 1)
          (i32.add
            (call $count (ref.as_non_null (local.get $left)))
            (call $count (ref.as_non_null (struct.get $tree $right (local.get $t)))))))))
  (func (export "run") (param $depth i32) (result i32)
    (local $d i32) (local $i i32) (local $trees i32) (local $nodes i32)
    (local.set $d (i32.const 4))
    (loop $depths
      (local.set $trees (i32.shl (i32.const 1) (i32.sub (local.get $depth) (local.get $d))))
      (local.set $i (i32.const 0))
      (loop $each
        (local.set $nodes
          (i32.add (local.get $nodes) (call $count (call $make (local.get $d)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $each (i32.lt_u (local.get $i) (local.get $trees))))
      (local.set $d (i32.add (local.get $d) (i32.const 2)))
      (br_if $depths (i32.le_u (local.get $d) (local.get $depth))))
    (local.get $nodes)))
