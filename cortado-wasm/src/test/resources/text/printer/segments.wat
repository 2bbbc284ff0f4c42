;; Element and data segments in every form, and the data count that memory.init needs.
(module
  (table $t funcref (elem $f $g))
  (table $ext 4 externref)
  (memory $m (data "hello\00\ff\"\\"))
  (func $f)
  (func $g
    (memory.init $passive (i32.const 0) (i32.const 0) (i32.const 1))
    (data.drop $passive)
    (table.init $ext $refs (i32.const 0) (i32.const 0) (i32.const 1))
    (elem.drop $decl)
    (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1)))
  (elem $refs externref (ref.null extern) (item ref.null extern))
  (elem $decl declare func $f)
  (elem (table $ext) (offset (i32.const 2)) externref (ref.null extern))
  (elem (i32.const 1) $g)
  (data $passive "passive")
  (data (memory $m) (offset (i32.const 16)) "a" "b")
)
