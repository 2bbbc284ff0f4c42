(module
  (type (;0;) (func (param i32 i32) (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i32) (result i32)))
  (type (;3;) (func))
  (import "env" "log" (func $log (;0;) (type 1) (param i32)))
  (import "env" "table" (table (;0;) 2 10 funcref))
  (import "env" "memory" (memory (;0;) 1))
  (import "env" "counter" (global (;0;) (mut i32)))
  (func $add (;1;) (type 0) (param i32) (param $b i32) (result i32)
    local.get 0
    local.get $b
    i32.add
  )
  (func (;2;) (type 2) (param $x i32) (result i32)
    (local $tmp i64) (local f32 f32)
    block (result i32)
      block
        i32.const 7
        local.get $x
        br_table 0 0 1
      end
      local.get $x
      i32.eqz
      if (result i32)
        i32.const -1
      else
        loop
          i32.const 0
          br_if 0
        end
        local.get $x
        call $log
        i32.const 1
      end
    end
  )
  (func (;3;) (type 2) (param i32) (result i32)
    i32.const 1
    i32.const 2
    local.get 0
    call_indirect (type 0)
    i32.const 3
    i32.const 4
    select (result i32)
    drop
  )
  (func (;4;) (type 3)
    i32.const 0
    global.set 0
    memory.size
    memory.grow
    drop
    return
  )
  (global (;1;) f64 (f64.const 3.141592653589793))
  (global (;2;) i64 (i64.const -9223372036854775808))
  (export "add" (func $add))
  (export "limit" (global 2))
  (start 4)
)
