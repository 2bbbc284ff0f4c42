(module
  (type (;0;) (func (result f32)))
  (func (;0;) (type 0) (result f32)
    f32.const -0.0
    drop
    f32.const 1.4E-45
    drop
    f32.const 3.4028235E38
    drop
    f32.const -inf
    drop
    f32.const nan:0x1
    drop
    f64.const 0.1
    drop
    f64.const -nan
    drop
    i32.const -1
    drop
    i64.const -9223372036854775808
    drop
    i32.const 0
    i64.load32_s offset=8 align=2
    drop
    i32.const 0
    i64.const 1
    i64.store8 offset=4294967295
    v128.const i32x4 0x0 0x3ff80000 0x1 0x80000000
    drop
    v128.const i32x4 0x4030201 0x8070605 0xc0b0a09 0x100f0e0d
    i32.const 0
    v128.const i32x4 0xffffffff 0xffffffff 0x1 0x0
    v128.load8_lane offset=3 15
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 31
    drop
    v128.const i32x4 0x0 0x0 0x0 0x7fc00000
    f32x4.extract_lane 3
    drop
    i32.const 0
    v128.const i32x4 0x0 0x0 0x0 0x0
    v128.store64_lane align=1 1
    ref.null func
    ref.is_null
    drop
    f32.const 1.0E10
  )
  (memory (;0;) 1)
)
