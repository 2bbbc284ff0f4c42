;; Grows memory one page at a time until it has $pages pages, the way an allocator that asks
;; for a page or a few at a time does; touches one byte of each new page; returns the size.
(module
  (memory 1)
  (func (export "grow") (param $pages i32) (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (memory.size) (local.get $pages)))
        (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (i32.store8 (i32.mul (i32.sub (memory.size) (i32.const 1)) (i32.const 65536)) (i32.const 1))
        (br $more)))
    (memory.size)))
