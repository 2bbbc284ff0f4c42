(module
  (type (;0;) (func))
  (func (;0;) (type 0)
  )
  (func (;1;) (type 0)
    i32.const 0
    i32.const 0
    i32.const 1
    memory.init 1
    data.drop 1
    i32.const 0
    i32.const 0
    i32.const 1
    table.init 1 1
    elem.drop 2
    i32.const 0
    i32.const 1
    i32.const 1
    table.copy 0 0
  )
  (table (;0;) 2 2 funcref)
  (table (;1;) 4 externref)
  (memory (;0;) 1 1)
  (elem (;0;) (offset (i32.const 0)) funcref (item (ref.func 0)) (item (ref.func 1)))
  (elem (;1;) externref (item (ref.null extern)) (item (ref.null extern)))
  (elem (;2;) declare func 0)
  (elem (;3;) (table 1) (offset (i32.const 2)) externref (item (ref.null extern)))
  (elem (;4;) (offset (i32.const 1)) func 1)
  (data (;0;) (offset (i32.const 0)) "hello\00\ff\22\5c")
  (data (;1;) "passive")
  (data (;2;) (offset (i32.const 16)) "ab")
)
