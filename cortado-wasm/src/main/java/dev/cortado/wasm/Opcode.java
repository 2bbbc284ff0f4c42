package dev.cortado.wasm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every instruction of WebAssembly 2.0 and 3.0, and those of the threads and wide arithmetic
 * proposals: its text name, binary encoding, immediates and, where it is fixed, its type.
 *
 * <p>This is the one table the decoder, encoder, text parser, printer, validator, interpreter and
 * compiler share. The signature of a memory instruction lists its address operand as {@code i32}
 * (the address type of every Wasm 2.0 memory); {@link #isAddressParam} and {@link
 * #hasAddressResult} tell which operands and results take a 64-bit memory's {@code i64} instead.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html">Instruction
 *     encodings</a>
 */
public enum Opcode {
  UNREACHABLE("unreachable", 0, 0x00, Immediate.NONE, null),
  NOP("nop", 0, 0x01, Immediate.NONE, ">"),
  BLOCK("block", 0, 0x02, Immediate.BLOCK_TYPE, null),
  LOOP("loop", 0, 0x03, Immediate.BLOCK_TYPE, null),
  IF("if", 0, 0x04, Immediate.BLOCK_TYPE, null),
  ELSE("else", 0, 0x05, Immediate.NONE, null),
  TRY("try", 0, 0x06, Immediate.BLOCK_TYPE, null),
  CATCH("catch", 0, 0x07, Immediate.TAG, null),
  THROW("throw", 0, 0x08, Immediate.TAG, null),
  RETHROW("rethrow", 0, 0x09, Immediate.LABEL, null),
  THROW_REF("throw_ref", 0, 0x0A, Immediate.NONE, null),
  END("end", 0, 0x0B, Immediate.NONE, null),
  BR("br", 0, 0x0C, Immediate.LABEL, null),
  BR_IF("br_if", 0, 0x0D, Immediate.LABEL, null),
  BR_TABLE("br_table", 0, 0x0E, Immediate.BR_TABLE, null),
  RETURN("return", 0, 0x0F, Immediate.NONE, null),
  CALL("call", 0, 0x10, Immediate.FUNC, null),
  CALL_INDIRECT("call_indirect", 0, 0x11, Immediate.CALL_INDIRECT, null),
  RETURN_CALL("return_call", 0, 0x12, Immediate.FUNC, null),
  RETURN_CALL_INDIRECT("return_call_indirect", 0, 0x13, Immediate.CALL_INDIRECT, null),
  CALL_REF("call_ref", 0, 0x14, Immediate.TYPE, null),
  RETURN_CALL_REF("return_call_ref", 0, 0x15, Immediate.TYPE, null),
  DELEGATE("delegate", 0, 0x18, Immediate.LABEL, null),
  CATCH_ALL("catch_all", 0, 0x19, Immediate.NONE, null),
  DROP("drop", 0, 0x1A, Immediate.NONE, null),
  SELECT("select", 0, 0x1B, Immediate.NONE, null),
  SELECT_TYPED("select", 0, 0x1C, Immediate.SELECT_TYPES, null),
  TRY_TABLE("try_table", 0, 0x1F, Immediate.TRY_TABLE, null),
  LOCAL_GET("local.get", 0, 0x20, Immediate.LOCAL, null),
  LOCAL_SET("local.set", 0, 0x21, Immediate.LOCAL, null),
  LOCAL_TEE("local.tee", 0, 0x22, Immediate.LOCAL, null),
  GLOBAL_GET("global.get", 0, 0x23, Immediate.GLOBAL, null),
  GLOBAL_SET("global.set", 0, 0x24, Immediate.GLOBAL, null),
  TABLE_GET("table.get", 0, 0x25, Immediate.TABLE, null),
  TABLE_SET("table.set", 0, 0x26, Immediate.TABLE, null),
  I32_LOAD("i32.load", 0, 0x28, Immediate.MEMARG, "a>i", 4, 0),
  I64_LOAD("i64.load", 0, 0x29, Immediate.MEMARG, "a>l", 8, 0),
  F32_LOAD("f32.load", 0, 0x2A, Immediate.MEMARG, "a>f", 4, 0),
  F64_LOAD("f64.load", 0, 0x2B, Immediate.MEMARG, "a>d", 8, 0),
  I32_LOAD8_S("i32.load8_s", 0, 0x2C, Immediate.MEMARG, "a>i", 1, 0),
  I32_LOAD8_U("i32.load8_u", 0, 0x2D, Immediate.MEMARG, "a>i", 1, 0),
  I32_LOAD16_S("i32.load16_s", 0, 0x2E, Immediate.MEMARG, "a>i", 2, 0),
  I32_LOAD16_U("i32.load16_u", 0, 0x2F, Immediate.MEMARG, "a>i", 2, 0),
  I64_LOAD8_S("i64.load8_s", 0, 0x30, Immediate.MEMARG, "a>l", 1, 0),
  I64_LOAD8_U("i64.load8_u", 0, 0x31, Immediate.MEMARG, "a>l", 1, 0),
  I64_LOAD16_S("i64.load16_s", 0, 0x32, Immediate.MEMARG, "a>l", 2, 0),
  I64_LOAD16_U("i64.load16_u", 0, 0x33, Immediate.MEMARG, "a>l", 2, 0),
  I64_LOAD32_S("i64.load32_s", 0, 0x34, Immediate.MEMARG, "a>l", 4, 0),
  I64_LOAD32_U("i64.load32_u", 0, 0x35, Immediate.MEMARG, "a>l", 4, 0),
  I32_STORE("i32.store", 0, 0x36, Immediate.MEMARG, "ai>", 4, 0),
  I64_STORE("i64.store", 0, 0x37, Immediate.MEMARG, "al>", 8, 0),
  F32_STORE("f32.store", 0, 0x38, Immediate.MEMARG, "af>", 4, 0),
  F64_STORE("f64.store", 0, 0x39, Immediate.MEMARG, "ad>", 8, 0),
  I32_STORE8("i32.store8", 0, 0x3A, Immediate.MEMARG, "ai>", 1, 0),
  I32_STORE16("i32.store16", 0, 0x3B, Immediate.MEMARG, "ai>", 2, 0),
  I64_STORE8("i64.store8", 0, 0x3C, Immediate.MEMARG, "al>", 1, 0),
  I64_STORE16("i64.store16", 0, 0x3D, Immediate.MEMARG, "al>", 2, 0),
  I64_STORE32("i64.store32", 0, 0x3E, Immediate.MEMARG, "al>", 4, 0),
  MEMORY_SIZE("memory.size", 0, 0x3F, Immediate.MEMORY, ">a"),
  MEMORY_GROW("memory.grow", 0, 0x40, Immediate.MEMORY, "a>a"),
  I32_CONST("i32.const", 0, 0x41, Immediate.I32, ">i"),
  I64_CONST("i64.const", 0, 0x42, Immediate.I64, ">l"),
  F32_CONST("f32.const", 0, 0x43, Immediate.F32, ">f"),
  F64_CONST("f64.const", 0, 0x44, Immediate.F64, ">d"),
  I32_EQZ("i32.eqz", 0, 0x45, Immediate.NONE, "i>i"),
  I32_EQ("i32.eq", 0, 0x46, Immediate.NONE, "ii>i"),
  I32_NE("i32.ne", 0, 0x47, Immediate.NONE, "ii>i"),
  I32_LT_S("i32.lt_s", 0, 0x48, Immediate.NONE, "ii>i"),
  I32_LT_U("i32.lt_u", 0, 0x49, Immediate.NONE, "ii>i"),
  I32_GT_S("i32.gt_s", 0, 0x4A, Immediate.NONE, "ii>i"),
  I32_GT_U("i32.gt_u", 0, 0x4B, Immediate.NONE, "ii>i"),
  I32_LE_S("i32.le_s", 0, 0x4C, Immediate.NONE, "ii>i"),
  I32_LE_U("i32.le_u", 0, 0x4D, Immediate.NONE, "ii>i"),
  I32_GE_S("i32.ge_s", 0, 0x4E, Immediate.NONE, "ii>i"),
  I32_GE_U("i32.ge_u", 0, 0x4F, Immediate.NONE, "ii>i"),
  I64_EQZ("i64.eqz", 0, 0x50, Immediate.NONE, "l>i"),
  I64_EQ("i64.eq", 0, 0x51, Immediate.NONE, "ll>i"),
  I64_NE("i64.ne", 0, 0x52, Immediate.NONE, "ll>i"),
  I64_LT_S("i64.lt_s", 0, 0x53, Immediate.NONE, "ll>i"),
  I64_LT_U("i64.lt_u", 0, 0x54, Immediate.NONE, "ll>i"),
  I64_GT_S("i64.gt_s", 0, 0x55, Immediate.NONE, "ll>i"),
  I64_GT_U("i64.gt_u", 0, 0x56, Immediate.NONE, "ll>i"),
  I64_LE_S("i64.le_s", 0, 0x57, Immediate.NONE, "ll>i"),
  I64_LE_U("i64.le_u", 0, 0x58, Immediate.NONE, "ll>i"),
  I64_GE_S("i64.ge_s", 0, 0x59, Immediate.NONE, "ll>i"),
  I64_GE_U("i64.ge_u", 0, 0x5A, Immediate.NONE, "ll>i"),
  F32_EQ("f32.eq", 0, 0x5B, Immediate.NONE, "ff>i"),
  F32_NE("f32.ne", 0, 0x5C, Immediate.NONE, "ff>i"),
  F32_LT("f32.lt", 0, 0x5D, Immediate.NONE, "ff>i"),
  F32_GT("f32.gt", 0, 0x5E, Immediate.NONE, "ff>i"),
  F32_LE("f32.le", 0, 0x5F, Immediate.NONE, "ff>i"),
  F32_GE("f32.ge", 0, 0x60, Immediate.NONE, "ff>i"),
  F64_EQ("f64.eq", 0, 0x61, Immediate.NONE, "dd>i"),
  F64_NE("f64.ne", 0, 0x62, Immediate.NONE, "dd>i"),
  F64_LT("f64.lt", 0, 0x63, Immediate.NONE, "dd>i"),
  F64_GT("f64.gt", 0, 0x64, Immediate.NONE, "dd>i"),
  F64_LE("f64.le", 0, 0x65, Immediate.NONE, "dd>i"),
  F64_GE("f64.ge", 0, 0x66, Immediate.NONE, "dd>i"),
  I32_CLZ("i32.clz", 0, 0x67, Immediate.NONE, "i>i"),
  I32_CTZ("i32.ctz", 0, 0x68, Immediate.NONE, "i>i"),
  I32_POPCNT("i32.popcnt", 0, 0x69, Immediate.NONE, "i>i"),
  I32_ADD("i32.add", 0, 0x6A, Immediate.NONE, "ii>i"),
  I32_SUB("i32.sub", 0, 0x6B, Immediate.NONE, "ii>i"),
  I32_MUL("i32.mul", 0, 0x6C, Immediate.NONE, "ii>i"),
  I32_DIV_S("i32.div_s", 0, 0x6D, Immediate.NONE, "ii>i"),
  I32_DIV_U("i32.div_u", 0, 0x6E, Immediate.NONE, "ii>i"),
  I32_REM_S("i32.rem_s", 0, 0x6F, Immediate.NONE, "ii>i"),
  I32_REM_U("i32.rem_u", 0, 0x70, Immediate.NONE, "ii>i"),
  I32_AND("i32.and", 0, 0x71, Immediate.NONE, "ii>i"),
  I32_OR("i32.or", 0, 0x72, Immediate.NONE, "ii>i"),
  I32_XOR("i32.xor", 0, 0x73, Immediate.NONE, "ii>i"),
  I32_SHL("i32.shl", 0, 0x74, Immediate.NONE, "ii>i"),
  I32_SHR_S("i32.shr_s", 0, 0x75, Immediate.NONE, "ii>i"),
  I32_SHR_U("i32.shr_u", 0, 0x76, Immediate.NONE, "ii>i"),
  I32_ROTL("i32.rotl", 0, 0x77, Immediate.NONE, "ii>i"),
  I32_ROTR("i32.rotr", 0, 0x78, Immediate.NONE, "ii>i"),
  I64_CLZ("i64.clz", 0, 0x79, Immediate.NONE, "l>l"),
  I64_CTZ("i64.ctz", 0, 0x7A, Immediate.NONE, "l>l"),
  I64_POPCNT("i64.popcnt", 0, 0x7B, Immediate.NONE, "l>l"),
  I64_ADD("i64.add", 0, 0x7C, Immediate.NONE, "ll>l"),
  I64_SUB("i64.sub", 0, 0x7D, Immediate.NONE, "ll>l"),
  I64_MUL("i64.mul", 0, 0x7E, Immediate.NONE, "ll>l"),
  I64_DIV_S("i64.div_s", 0, 0x7F, Immediate.NONE, "ll>l"),
  I64_DIV_U("i64.div_u", 0, 0x80, Immediate.NONE, "ll>l"),
  I64_REM_S("i64.rem_s", 0, 0x81, Immediate.NONE, "ll>l"),
  I64_REM_U("i64.rem_u", 0, 0x82, Immediate.NONE, "ll>l"),
  I64_AND("i64.and", 0, 0x83, Immediate.NONE, "ll>l"),
  I64_OR("i64.or", 0, 0x84, Immediate.NONE, "ll>l"),
  I64_XOR("i64.xor", 0, 0x85, Immediate.NONE, "ll>l"),
  I64_SHL("i64.shl", 0, 0x86, Immediate.NONE, "ll>l"),
  I64_SHR_S("i64.shr_s", 0, 0x87, Immediate.NONE, "ll>l"),
  I64_SHR_U("i64.shr_u", 0, 0x88, Immediate.NONE, "ll>l"),
  I64_ROTL("i64.rotl", 0, 0x89, Immediate.NONE, "ll>l"),
  I64_ROTR("i64.rotr", 0, 0x8A, Immediate.NONE, "ll>l"),
  F32_ABS("f32.abs", 0, 0x8B, Immediate.NONE, "f>f"),
  F32_NEG("f32.neg", 0, 0x8C, Immediate.NONE, "f>f"),
  F32_CEIL("f32.ceil", 0, 0x8D, Immediate.NONE, "f>f"),
  F32_FLOOR("f32.floor", 0, 0x8E, Immediate.NONE, "f>f"),
  F32_TRUNC("f32.trunc", 0, 0x8F, Immediate.NONE, "f>f"),
  F32_NEAREST("f32.nearest", 0, 0x90, Immediate.NONE, "f>f"),
  F32_SQRT("f32.sqrt", 0, 0x91, Immediate.NONE, "f>f"),
  F32_ADD("f32.add", 0, 0x92, Immediate.NONE, "ff>f"),
  F32_SUB("f32.sub", 0, 0x93, Immediate.NONE, "ff>f"),
  F32_MUL("f32.mul", 0, 0x94, Immediate.NONE, "ff>f"),
  F32_DIV("f32.div", 0, 0x95, Immediate.NONE, "ff>f"),
  F32_MIN("f32.min", 0, 0x96, Immediate.NONE, "ff>f"),
  F32_MAX("f32.max", 0, 0x97, Immediate.NONE, "ff>f"),
  F32_COPYSIGN("f32.copysign", 0, 0x98, Immediate.NONE, "ff>f"),
  F64_ABS("f64.abs", 0, 0x99, Immediate.NONE, "d>d"),
  F64_NEG("f64.neg", 0, 0x9A, Immediate.NONE, "d>d"),
  F64_CEIL("f64.ceil", 0, 0x9B, Immediate.NONE, "d>d"),
  F64_FLOOR("f64.floor", 0, 0x9C, Immediate.NONE, "d>d"),
  F64_TRUNC("f64.trunc", 0, 0x9D, Immediate.NONE, "d>d"),
  F64_NEAREST("f64.nearest", 0, 0x9E, Immediate.NONE, "d>d"),
  F64_SQRT("f64.sqrt", 0, 0x9F, Immediate.NONE, "d>d"),
  F64_ADD("f64.add", 0, 0xA0, Immediate.NONE, "dd>d"),
  F64_SUB("f64.sub", 0, 0xA1, Immediate.NONE, "dd>d"),
  F64_MUL("f64.mul", 0, 0xA2, Immediate.NONE, "dd>d"),
  F64_DIV("f64.div", 0, 0xA3, Immediate.NONE, "dd>d"),
  F64_MIN("f64.min", 0, 0xA4, Immediate.NONE, "dd>d"),
  F64_MAX("f64.max", 0, 0xA5, Immediate.NONE, "dd>d"),
  F64_COPYSIGN("f64.copysign", 0, 0xA6, Immediate.NONE, "dd>d"),
  I32_WRAP_I64("i32.wrap_i64", 0, 0xA7, Immediate.NONE, "l>i"),
  I32_TRUNC_F32_S("i32.trunc_f32_s", 0, 0xA8, Immediate.NONE, "f>i"),
  I32_TRUNC_F32_U("i32.trunc_f32_u", 0, 0xA9, Immediate.NONE, "f>i"),
  I32_TRUNC_F64_S("i32.trunc_f64_s", 0, 0xAA, Immediate.NONE, "d>i"),
  I32_TRUNC_F64_U("i32.trunc_f64_u", 0, 0xAB, Immediate.NONE, "d>i"),
  I64_EXTEND_I32_S("i64.extend_i32_s", 0, 0xAC, Immediate.NONE, "i>l"),
  I64_EXTEND_I32_U("i64.extend_i32_u", 0, 0xAD, Immediate.NONE, "i>l"),
  I64_TRUNC_F32_S("i64.trunc_f32_s", 0, 0xAE, Immediate.NONE, "f>l"),
  I64_TRUNC_F32_U("i64.trunc_f32_u", 0, 0xAF, Immediate.NONE, "f>l"),
  I64_TRUNC_F64_S("i64.trunc_f64_s", 0, 0xB0, Immediate.NONE, "d>l"),
  I64_TRUNC_F64_U("i64.trunc_f64_u", 0, 0xB1, Immediate.NONE, "d>l"),
  F32_CONVERT_I32_S("f32.convert_i32_s", 0, 0xB2, Immediate.NONE, "i>f"),
  F32_CONVERT_I32_U("f32.convert_i32_u", 0, 0xB3, Immediate.NONE, "i>f"),
  F32_CONVERT_I64_S("f32.convert_i64_s", 0, 0xB4, Immediate.NONE, "l>f"),
  F32_CONVERT_I64_U("f32.convert_i64_u", 0, 0xB5, Immediate.NONE, "l>f"),
  F32_DEMOTE_F64("f32.demote_f64", 0, 0xB6, Immediate.NONE, "d>f"),
  F64_CONVERT_I32_S("f64.convert_i32_s", 0, 0xB7, Immediate.NONE, "i>d"),
  F64_CONVERT_I32_U("f64.convert_i32_u", 0, 0xB8, Immediate.NONE, "i>d"),
  F64_CONVERT_I64_S("f64.convert_i64_s", 0, 0xB9, Immediate.NONE, "l>d"),
  F64_CONVERT_I64_U("f64.convert_i64_u", 0, 0xBA, Immediate.NONE, "l>d"),
  F64_PROMOTE_F32("f64.promote_f32", 0, 0xBB, Immediate.NONE, "f>d"),
  I32_REINTERPRET_F32("i32.reinterpret_f32", 0, 0xBC, Immediate.NONE, "f>i"),
  I64_REINTERPRET_F64("i64.reinterpret_f64", 0, 0xBD, Immediate.NONE, "d>l"),
  F32_REINTERPRET_I32("f32.reinterpret_i32", 0, 0xBE, Immediate.NONE, "i>f"),
  F64_REINTERPRET_I64("f64.reinterpret_i64", 0, 0xBF, Immediate.NONE, "l>d"),
  I32_EXTEND8_S("i32.extend8_s", 0, 0xC0, Immediate.NONE, "i>i"),
  I32_EXTEND16_S("i32.extend16_s", 0, 0xC1, Immediate.NONE, "i>i"),
  I64_EXTEND8_S("i64.extend8_s", 0, 0xC2, Immediate.NONE, "l>l"),
  I64_EXTEND16_S("i64.extend16_s", 0, 0xC3, Immediate.NONE, "l>l"),
  I64_EXTEND32_S("i64.extend32_s", 0, 0xC4, Immediate.NONE, "l>l"),
  REF_NULL("ref.null", 0, 0xD0, Immediate.HEAP_TYPE, null),
  REF_IS_NULL("ref.is_null", 0, 0xD1, Immediate.NONE, null),
  REF_FUNC("ref.func", 0, 0xD2, Immediate.FUNC, null),
  REF_EQ("ref.eq", 0, 0xD3, Immediate.NONE, null),
  REF_AS_NON_NULL("ref.as_non_null", 0, 0xD4, Immediate.NONE, null),
  BR_ON_NULL("br_on_null", 0, 0xD5, Immediate.LABEL, null),
  BR_ON_NON_NULL("br_on_non_null", 0, 0xD6, Immediate.LABEL, null),

  // Garbage collection (Wasm 3.0): structs, arrays, i31s, casts, conversions.
  STRUCT_NEW("struct.new", 0xFB, 0, Immediate.TYPE, null),
  STRUCT_NEW_DEFAULT("struct.new_default", 0xFB, 1, Immediate.TYPE, null),
  STRUCT_GET("struct.get", 0xFB, 2, Immediate.FIELD, null),
  STRUCT_GET_S("struct.get_s", 0xFB, 3, Immediate.FIELD, null),
  STRUCT_GET_U("struct.get_u", 0xFB, 4, Immediate.FIELD, null),
  STRUCT_SET("struct.set", 0xFB, 5, Immediate.FIELD, null),
  ARRAY_NEW("array.new", 0xFB, 6, Immediate.TYPE, null),
  ARRAY_NEW_DEFAULT("array.new_default", 0xFB, 7, Immediate.TYPE, null),
  ARRAY_NEW_FIXED("array.new_fixed", 0xFB, 8, Immediate.TYPE_COUNT, null),
  ARRAY_NEW_DATA("array.new_data", 0xFB, 9, Immediate.TYPE_DATA, null),
  ARRAY_NEW_ELEM("array.new_elem", 0xFB, 10, Immediate.TYPE_ELEM, null),
  ARRAY_GET("array.get", 0xFB, 11, Immediate.TYPE, null),
  ARRAY_GET_S("array.get_s", 0xFB, 12, Immediate.TYPE, null),
  ARRAY_GET_U("array.get_u", 0xFB, 13, Immediate.TYPE, null),
  ARRAY_SET("array.set", 0xFB, 14, Immediate.TYPE, null),
  ARRAY_LEN("array.len", 0xFB, 15, Immediate.NONE, null),
  ARRAY_FILL("array.fill", 0xFB, 16, Immediate.TYPE, null),
  ARRAY_COPY("array.copy", 0xFB, 17, Immediate.TYPE_PAIR, null),
  ARRAY_INIT_DATA("array.init_data", 0xFB, 18, Immediate.TYPE_DATA, null),
  ARRAY_INIT_ELEM("array.init_elem", 0xFB, 19, Immediate.TYPE_ELEM, null),
  REF_TEST("ref.test", 0xFB, 20, Immediate.CAST, null),
  REF_TEST_NULL("ref.test", 0xFB, 21, Immediate.CAST, null),
  REF_CAST("ref.cast", 0xFB, 22, Immediate.CAST, null),
  REF_CAST_NULL("ref.cast", 0xFB, 23, Immediate.CAST, null),
  BR_ON_CAST("br_on_cast", 0xFB, 24, Immediate.BR_ON_CAST, null),
  BR_ON_CAST_FAIL("br_on_cast_fail", 0xFB, 25, Immediate.BR_ON_CAST, null),
  ANY_CONVERT_EXTERN("any.convert_extern", 0xFB, 26, Immediate.NONE, null),
  EXTERN_CONVERT_ANY("extern.convert_any", 0xFB, 27, Immediate.NONE, null),
  REF_I31("ref.i31", 0xFB, 28, Immediate.NONE, null),
  I31_GET_S("i31.get_s", 0xFB, 29, Immediate.NONE, null),
  I31_GET_U("i31.get_u", 0xFB, 30, Immediate.NONE, null),
  I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", 0xFC, 0x00, Immediate.NONE, "f>i"),
  I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", 0xFC, 0x01, Immediate.NONE, "f>i"),
  I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", 0xFC, 0x02, Immediate.NONE, "d>i"),
  I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", 0xFC, 0x03, Immediate.NONE, "d>i"),
  I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", 0xFC, 0x04, Immediate.NONE, "f>l"),
  I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", 0xFC, 0x05, Immediate.NONE, "f>l"),
  I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", 0xFC, 0x06, Immediate.NONE, "d>l"),
  I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", 0xFC, 0x07, Immediate.NONE, "d>l"),
  MEMORY_INIT("memory.init", 0xFC, 0x08, Immediate.MEMORY_INIT, "aii>"),
  DATA_DROP("data.drop", 0xFC, 0x09, Immediate.DATA, ">"),
  MEMORY_COPY("memory.copy", 0xFC, 0x0A, Immediate.MEMORY_COPY, null),
  MEMORY_FILL("memory.fill", 0xFC, 0x0B, Immediate.MEMORY, "aia>"),
  TABLE_INIT("table.init", 0xFC, 0x0C, Immediate.TABLE_INIT, null),
  ELEM_DROP("elem.drop", 0xFC, 0x0D, Immediate.ELEM, ">"),
  TABLE_COPY("table.copy", 0xFC, 0x0E, Immediate.TABLE_COPY, null),
  TABLE_GROW("table.grow", 0xFC, 0x0F, Immediate.TABLE, null),
  TABLE_SIZE("table.size", 0xFC, 0x10, Immediate.TABLE, null),
  TABLE_FILL("table.fill", 0xFC, 0x11, Immediate.TABLE, null),

  // Wide arithmetic proposal (accepted with Wasm 3.0): 128-bit sums and 64x64-bit products as two
  // i64 halves, low first.
  I64_ADD128("i64.add128", 0xFC, 0x13, Immediate.NONE, "llll>ll"),
  I64_SUB128("i64.sub128", 0xFC, 0x14, Immediate.NONE, "llll>ll"),
  I64_MUL_WIDE_S("i64.mul_wide_s", 0xFC, 0x15, Immediate.NONE, "ll>ll"),
  I64_MUL_WIDE_U("i64.mul_wide_u", 0xFC, 0x16, Immediate.NONE, "ll>ll"),
  V128_LOAD("v128.load", 0xFD, 0x00, Immediate.MEMARG, "a>v", 16, 0),
  V128_LOAD8X8_S("v128.load8x8_s", 0xFD, 0x01, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD8X8_U("v128.load8x8_u", 0xFD, 0x02, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD16X4_S("v128.load16x4_s", 0xFD, 0x03, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD16X4_U("v128.load16x4_u", 0xFD, 0x04, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD32X2_S("v128.load32x2_s", 0xFD, 0x05, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD32X2_U("v128.load32x2_u", 0xFD, 0x06, Immediate.MEMARG, "a>v", 8, 0),
  V128_LOAD8_SPLAT("v128.load8_splat", 0xFD, 0x07, Immediate.MEMARG, "a>v", 1, 0),
  V128_LOAD16_SPLAT("v128.load16_splat", 0xFD, 0x08, Immediate.MEMARG, "a>v", 2, 0),
  V128_LOAD32_SPLAT("v128.load32_splat", 0xFD, 0x09, Immediate.MEMARG, "a>v", 4, 0),
  V128_LOAD64_SPLAT("v128.load64_splat", 0xFD, 0x0A, Immediate.MEMARG, "a>v", 8, 0),
  V128_STORE("v128.store", 0xFD, 0x0B, Immediate.MEMARG, "av>", 16, 0),
  V128_CONST("v128.const", 0xFD, 0x0C, Immediate.V128, ">v"),
  I8X16_SHUFFLE("i8x16.shuffle", 0xFD, 0x0D, Immediate.SHUFFLE, "vv>v"),
  I8X16_SWIZZLE("i8x16.swizzle", 0xFD, 0x0E, Immediate.NONE, "vv>v"),
  I8X16_SPLAT("i8x16.splat", 0xFD, 0x0F, Immediate.NONE, "i>v"),
  I16X8_SPLAT("i16x8.splat", 0xFD, 0x10, Immediate.NONE, "i>v"),
  I32X4_SPLAT("i32x4.splat", 0xFD, 0x11, Immediate.NONE, "i>v"),
  I64X2_SPLAT("i64x2.splat", 0xFD, 0x12, Immediate.NONE, "l>v"),
  F32X4_SPLAT("f32x4.splat", 0xFD, 0x13, Immediate.NONE, "f>v"),
  F64X2_SPLAT("f64x2.splat", 0xFD, 0x14, Immediate.NONE, "d>v"),
  I8X16_EXTRACT_LANE_S("i8x16.extract_lane_s", 0xFD, 0x15, Immediate.LANE, "v>i", 0, 16),
  I8X16_EXTRACT_LANE_U("i8x16.extract_lane_u", 0xFD, 0x16, Immediate.LANE, "v>i", 0, 16),
  I8X16_REPLACE_LANE("i8x16.replace_lane", 0xFD, 0x17, Immediate.LANE, "vi>v", 0, 16),
  I16X8_EXTRACT_LANE_S("i16x8.extract_lane_s", 0xFD, 0x18, Immediate.LANE, "v>i", 0, 8),
  I16X8_EXTRACT_LANE_U("i16x8.extract_lane_u", 0xFD, 0x19, Immediate.LANE, "v>i", 0, 8),
  I16X8_REPLACE_LANE("i16x8.replace_lane", 0xFD, 0x1A, Immediate.LANE, "vi>v", 0, 8),
  I32X4_EXTRACT_LANE("i32x4.extract_lane", 0xFD, 0x1B, Immediate.LANE, "v>i", 0, 4),
  I32X4_REPLACE_LANE("i32x4.replace_lane", 0xFD, 0x1C, Immediate.LANE, "vi>v", 0, 4),
  I64X2_EXTRACT_LANE("i64x2.extract_lane", 0xFD, 0x1D, Immediate.LANE, "v>l", 0, 2),
  I64X2_REPLACE_LANE("i64x2.replace_lane", 0xFD, 0x1E, Immediate.LANE, "vl>v", 0, 2),
  F32X4_EXTRACT_LANE("f32x4.extract_lane", 0xFD, 0x1F, Immediate.LANE, "v>f", 0, 4),
  F32X4_REPLACE_LANE("f32x4.replace_lane", 0xFD, 0x20, Immediate.LANE, "vf>v", 0, 4),
  F64X2_EXTRACT_LANE("f64x2.extract_lane", 0xFD, 0x21, Immediate.LANE, "v>d", 0, 2),
  F64X2_REPLACE_LANE("f64x2.replace_lane", 0xFD, 0x22, Immediate.LANE, "vd>v", 0, 2),
  I8X16_EQ("i8x16.eq", 0xFD, 0x23, Immediate.NONE, "vv>v"),
  I8X16_NE("i8x16.ne", 0xFD, 0x24, Immediate.NONE, "vv>v"),
  I8X16_LT_S("i8x16.lt_s", 0xFD, 0x25, Immediate.NONE, "vv>v"),
  I8X16_LT_U("i8x16.lt_u", 0xFD, 0x26, Immediate.NONE, "vv>v"),
  I8X16_GT_S("i8x16.gt_s", 0xFD, 0x27, Immediate.NONE, "vv>v"),
  I8X16_GT_U("i8x16.gt_u", 0xFD, 0x28, Immediate.NONE, "vv>v"),
  I8X16_LE_S("i8x16.le_s", 0xFD, 0x29, Immediate.NONE, "vv>v"),
  I8X16_LE_U("i8x16.le_u", 0xFD, 0x2A, Immediate.NONE, "vv>v"),
  I8X16_GE_S("i8x16.ge_s", 0xFD, 0x2B, Immediate.NONE, "vv>v"),
  I8X16_GE_U("i8x16.ge_u", 0xFD, 0x2C, Immediate.NONE, "vv>v"),
  I16X8_EQ("i16x8.eq", 0xFD, 0x2D, Immediate.NONE, "vv>v"),
  I16X8_NE("i16x8.ne", 0xFD, 0x2E, Immediate.NONE, "vv>v"),
  I16X8_LT_S("i16x8.lt_s", 0xFD, 0x2F, Immediate.NONE, "vv>v"),
  I16X8_LT_U("i16x8.lt_u", 0xFD, 0x30, Immediate.NONE, "vv>v"),
  I16X8_GT_S("i16x8.gt_s", 0xFD, 0x31, Immediate.NONE, "vv>v"),
  I16X8_GT_U("i16x8.gt_u", 0xFD, 0x32, Immediate.NONE, "vv>v"),
  I16X8_LE_S("i16x8.le_s", 0xFD, 0x33, Immediate.NONE, "vv>v"),
  I16X8_LE_U("i16x8.le_u", 0xFD, 0x34, Immediate.NONE, "vv>v"),
  I16X8_GE_S("i16x8.ge_s", 0xFD, 0x35, Immediate.NONE, "vv>v"),
  I16X8_GE_U("i16x8.ge_u", 0xFD, 0x36, Immediate.NONE, "vv>v"),
  I32X4_EQ("i32x4.eq", 0xFD, 0x37, Immediate.NONE, "vv>v"),
  I32X4_NE("i32x4.ne", 0xFD, 0x38, Immediate.NONE, "vv>v"),
  I32X4_LT_S("i32x4.lt_s", 0xFD, 0x39, Immediate.NONE, "vv>v"),
  I32X4_LT_U("i32x4.lt_u", 0xFD, 0x3A, Immediate.NONE, "vv>v"),
  I32X4_GT_S("i32x4.gt_s", 0xFD, 0x3B, Immediate.NONE, "vv>v"),
  I32X4_GT_U("i32x4.gt_u", 0xFD, 0x3C, Immediate.NONE, "vv>v"),
  I32X4_LE_S("i32x4.le_s", 0xFD, 0x3D, Immediate.NONE, "vv>v"),
  I32X4_LE_U("i32x4.le_u", 0xFD, 0x3E, Immediate.NONE, "vv>v"),
  I32X4_GE_S("i32x4.ge_s", 0xFD, 0x3F, Immediate.NONE, "vv>v"),
  I32X4_GE_U("i32x4.ge_u", 0xFD, 0x40, Immediate.NONE, "vv>v"),
  F32X4_EQ("f32x4.eq", 0xFD, 0x41, Immediate.NONE, "vv>v"),
  F32X4_NE("f32x4.ne", 0xFD, 0x42, Immediate.NONE, "vv>v"),
  F32X4_LT("f32x4.lt", 0xFD, 0x43, Immediate.NONE, "vv>v"),
  F32X4_GT("f32x4.gt", 0xFD, 0x44, Immediate.NONE, "vv>v"),
  F32X4_LE("f32x4.le", 0xFD, 0x45, Immediate.NONE, "vv>v"),
  F32X4_GE("f32x4.ge", 0xFD, 0x46, Immediate.NONE, "vv>v"),
  F64X2_EQ("f64x2.eq", 0xFD, 0x47, Immediate.NONE, "vv>v"),
  F64X2_NE("f64x2.ne", 0xFD, 0x48, Immediate.NONE, "vv>v"),
  F64X2_LT("f64x2.lt", 0xFD, 0x49, Immediate.NONE, "vv>v"),
  F64X2_GT("f64x2.gt", 0xFD, 0x4A, Immediate.NONE, "vv>v"),
  F64X2_LE("f64x2.le", 0xFD, 0x4B, Immediate.NONE, "vv>v"),
  F64X2_GE("f64x2.ge", 0xFD, 0x4C, Immediate.NONE, "vv>v"),
  V128_NOT("v128.not", 0xFD, 0x4D, Immediate.NONE, "v>v"),
  V128_AND("v128.and", 0xFD, 0x4E, Immediate.NONE, "vv>v"),
  V128_ANDNOT("v128.andnot", 0xFD, 0x4F, Immediate.NONE, "vv>v"),
  V128_OR("v128.or", 0xFD, 0x50, Immediate.NONE, "vv>v"),
  V128_XOR("v128.xor", 0xFD, 0x51, Immediate.NONE, "vv>v"),
  V128_BITSELECT("v128.bitselect", 0xFD, 0x52, Immediate.NONE, "vvv>v"),
  V128_ANY_TRUE("v128.any_true", 0xFD, 0x53, Immediate.NONE, "v>i"),
  V128_LOAD8_LANE("v128.load8_lane", 0xFD, 0x54, Immediate.MEMARG_LANE, "av>v", 1, 16),
  V128_LOAD16_LANE("v128.load16_lane", 0xFD, 0x55, Immediate.MEMARG_LANE, "av>v", 2, 8),
  V128_LOAD32_LANE("v128.load32_lane", 0xFD, 0x56, Immediate.MEMARG_LANE, "av>v", 4, 4),
  V128_LOAD64_LANE("v128.load64_lane", 0xFD, 0x57, Immediate.MEMARG_LANE, "av>v", 8, 2),
  V128_STORE8_LANE("v128.store8_lane", 0xFD, 0x58, Immediate.MEMARG_LANE, "av>", 1, 16),
  V128_STORE16_LANE("v128.store16_lane", 0xFD, 0x59, Immediate.MEMARG_LANE, "av>", 2, 8),
  V128_STORE32_LANE("v128.store32_lane", 0xFD, 0x5A, Immediate.MEMARG_LANE, "av>", 4, 4),
  V128_STORE64_LANE("v128.store64_lane", 0xFD, 0x5B, Immediate.MEMARG_LANE, "av>", 8, 2),
  V128_LOAD32_ZERO("v128.load32_zero", 0xFD, 0x5C, Immediate.MEMARG, "a>v", 4, 0),
  V128_LOAD64_ZERO("v128.load64_zero", 0xFD, 0x5D, Immediate.MEMARG, "a>v", 8, 0),
  F32X4_DEMOTE_F64X2_ZERO("f32x4.demote_f64x2_zero", 0xFD, 0x5E, Immediate.NONE, "v>v"),
  F64X2_PROMOTE_LOW_F32X4("f64x2.promote_low_f32x4", 0xFD, 0x5F, Immediate.NONE, "v>v"),
  I8X16_ABS("i8x16.abs", 0xFD, 0x60, Immediate.NONE, "v>v"),
  I8X16_NEG("i8x16.neg", 0xFD, 0x61, Immediate.NONE, "v>v"),
  I8X16_POPCNT("i8x16.popcnt", 0xFD, 0x62, Immediate.NONE, "v>v"),
  I8X16_ALL_TRUE("i8x16.all_true", 0xFD, 0x63, Immediate.NONE, "v>i"),
  I8X16_BITMASK("i8x16.bitmask", 0xFD, 0x64, Immediate.NONE, "v>i"),
  I8X16_NARROW_I16X8_S("i8x16.narrow_i16x8_s", 0xFD, 0x65, Immediate.NONE, "vv>v"),
  I8X16_NARROW_I16X8_U("i8x16.narrow_i16x8_u", 0xFD, 0x66, Immediate.NONE, "vv>v"),
  F32X4_CEIL("f32x4.ceil", 0xFD, 0x67, Immediate.NONE, "v>v"),
  F32X4_FLOOR("f32x4.floor", 0xFD, 0x68, Immediate.NONE, "v>v"),
  F32X4_TRUNC("f32x4.trunc", 0xFD, 0x69, Immediate.NONE, "v>v"),
  F32X4_NEAREST("f32x4.nearest", 0xFD, 0x6A, Immediate.NONE, "v>v"),
  I8X16_SHL("i8x16.shl", 0xFD, 0x6B, Immediate.NONE, "vi>v"),
  I8X16_SHR_S("i8x16.shr_s", 0xFD, 0x6C, Immediate.NONE, "vi>v"),
  I8X16_SHR_U("i8x16.shr_u", 0xFD, 0x6D, Immediate.NONE, "vi>v"),
  I8X16_ADD("i8x16.add", 0xFD, 0x6E, Immediate.NONE, "vv>v"),
  I8X16_ADD_SAT_S("i8x16.add_sat_s", 0xFD, 0x6F, Immediate.NONE, "vv>v"),
  I8X16_ADD_SAT_U("i8x16.add_sat_u", 0xFD, 0x70, Immediate.NONE, "vv>v"),
  I8X16_SUB("i8x16.sub", 0xFD, 0x71, Immediate.NONE, "vv>v"),
  I8X16_SUB_SAT_S("i8x16.sub_sat_s", 0xFD, 0x72, Immediate.NONE, "vv>v"),
  I8X16_SUB_SAT_U("i8x16.sub_sat_u", 0xFD, 0x73, Immediate.NONE, "vv>v"),
  F64X2_CEIL("f64x2.ceil", 0xFD, 0x74, Immediate.NONE, "v>v"),
  F64X2_FLOOR("f64x2.floor", 0xFD, 0x75, Immediate.NONE, "v>v"),
  I8X16_MIN_S("i8x16.min_s", 0xFD, 0x76, Immediate.NONE, "vv>v"),
  I8X16_MIN_U("i8x16.min_u", 0xFD, 0x77, Immediate.NONE, "vv>v"),
  I8X16_MAX_S("i8x16.max_s", 0xFD, 0x78, Immediate.NONE, "vv>v"),
  I8X16_MAX_U("i8x16.max_u", 0xFD, 0x79, Immediate.NONE, "vv>v"),
  F64X2_TRUNC("f64x2.trunc", 0xFD, 0x7A, Immediate.NONE, "v>v"),
  I8X16_AVGR_U("i8x16.avgr_u", 0xFD, 0x7B, Immediate.NONE, "vv>v"),
  I16X8_EXTADD_PAIRWISE_I8X16_S("i16x8.extadd_pairwise_i8x16_s", 0xFD, 0x7C, Immediate.NONE, "v>v"),
  I16X8_EXTADD_PAIRWISE_I8X16_U("i16x8.extadd_pairwise_i8x16_u", 0xFD, 0x7D, Immediate.NONE, "v>v"),
  I32X4_EXTADD_PAIRWISE_I16X8_S("i32x4.extadd_pairwise_i16x8_s", 0xFD, 0x7E, Immediate.NONE, "v>v"),
  I32X4_EXTADD_PAIRWISE_I16X8_U("i32x4.extadd_pairwise_i16x8_u", 0xFD, 0x7F, Immediate.NONE, "v>v"),
  I16X8_ABS("i16x8.abs", 0xFD, 0x80, Immediate.NONE, "v>v"),
  I16X8_NEG("i16x8.neg", 0xFD, 0x81, Immediate.NONE, "v>v"),
  I16X8_Q15MULR_SAT_S("i16x8.q15mulr_sat_s", 0xFD, 0x82, Immediate.NONE, "vv>v"),
  I16X8_ALL_TRUE("i16x8.all_true", 0xFD, 0x83, Immediate.NONE, "v>i"),
  I16X8_BITMASK("i16x8.bitmask", 0xFD, 0x84, Immediate.NONE, "v>i"),
  I16X8_NARROW_I32X4_S("i16x8.narrow_i32x4_s", 0xFD, 0x85, Immediate.NONE, "vv>v"),
  I16X8_NARROW_I32X4_U("i16x8.narrow_i32x4_u", 0xFD, 0x86, Immediate.NONE, "vv>v"),
  I16X8_EXTEND_LOW_I8X16_S("i16x8.extend_low_i8x16_s", 0xFD, 0x87, Immediate.NONE, "v>v"),
  I16X8_EXTEND_HIGH_I8X16_S("i16x8.extend_high_i8x16_s", 0xFD, 0x88, Immediate.NONE, "v>v"),
  I16X8_EXTEND_LOW_I8X16_U("i16x8.extend_low_i8x16_u", 0xFD, 0x89, Immediate.NONE, "v>v"),
  I16X8_EXTEND_HIGH_I8X16_U("i16x8.extend_high_i8x16_u", 0xFD, 0x8A, Immediate.NONE, "v>v"),
  I16X8_SHL("i16x8.shl", 0xFD, 0x8B, Immediate.NONE, "vi>v"),
  I16X8_SHR_S("i16x8.shr_s", 0xFD, 0x8C, Immediate.NONE, "vi>v"),
  I16X8_SHR_U("i16x8.shr_u", 0xFD, 0x8D, Immediate.NONE, "vi>v"),
  I16X8_ADD("i16x8.add", 0xFD, 0x8E, Immediate.NONE, "vv>v"),
  I16X8_ADD_SAT_S("i16x8.add_sat_s", 0xFD, 0x8F, Immediate.NONE, "vv>v"),
  I16X8_ADD_SAT_U("i16x8.add_sat_u", 0xFD, 0x90, Immediate.NONE, "vv>v"),
  I16X8_SUB("i16x8.sub", 0xFD, 0x91, Immediate.NONE, "vv>v"),
  I16X8_SUB_SAT_S("i16x8.sub_sat_s", 0xFD, 0x92, Immediate.NONE, "vv>v"),
  I16X8_SUB_SAT_U("i16x8.sub_sat_u", 0xFD, 0x93, Immediate.NONE, "vv>v"),
  F64X2_NEAREST("f64x2.nearest", 0xFD, 0x94, Immediate.NONE, "v>v"),
  I16X8_MUL("i16x8.mul", 0xFD, 0x95, Immediate.NONE, "vv>v"),
  I16X8_MIN_S("i16x8.min_s", 0xFD, 0x96, Immediate.NONE, "vv>v"),
  I16X8_MIN_U("i16x8.min_u", 0xFD, 0x97, Immediate.NONE, "vv>v"),
  I16X8_MAX_S("i16x8.max_s", 0xFD, 0x98, Immediate.NONE, "vv>v"),
  I16X8_MAX_U("i16x8.max_u", 0xFD, 0x99, Immediate.NONE, "vv>v"),
  I16X8_AVGR_U("i16x8.avgr_u", 0xFD, 0x9B, Immediate.NONE, "vv>v"),
  I16X8_EXTMUL_LOW_I8X16_S("i16x8.extmul_low_i8x16_s", 0xFD, 0x9C, Immediate.NONE, "vv>v"),
  I16X8_EXTMUL_HIGH_I8X16_S("i16x8.extmul_high_i8x16_s", 0xFD, 0x9D, Immediate.NONE, "vv>v"),
  I16X8_EXTMUL_LOW_I8X16_U("i16x8.extmul_low_i8x16_u", 0xFD, 0x9E, Immediate.NONE, "vv>v"),
  I16X8_EXTMUL_HIGH_I8X16_U("i16x8.extmul_high_i8x16_u", 0xFD, 0x9F, Immediate.NONE, "vv>v"),
  I32X4_ABS("i32x4.abs", 0xFD, 0xA0, Immediate.NONE, "v>v"),
  I32X4_NEG("i32x4.neg", 0xFD, 0xA1, Immediate.NONE, "v>v"),
  I32X4_ALL_TRUE("i32x4.all_true", 0xFD, 0xA3, Immediate.NONE, "v>i"),
  I32X4_BITMASK("i32x4.bitmask", 0xFD, 0xA4, Immediate.NONE, "v>i"),
  I32X4_EXTEND_LOW_I16X8_S("i32x4.extend_low_i16x8_s", 0xFD, 0xA7, Immediate.NONE, "v>v"),
  I32X4_EXTEND_HIGH_I16X8_S("i32x4.extend_high_i16x8_s", 0xFD, 0xA8, Immediate.NONE, "v>v"),
  I32X4_EXTEND_LOW_I16X8_U("i32x4.extend_low_i16x8_u", 0xFD, 0xA9, Immediate.NONE, "v>v"),
  I32X4_EXTEND_HIGH_I16X8_U("i32x4.extend_high_i16x8_u", 0xFD, 0xAA, Immediate.NONE, "v>v"),
  I32X4_SHL("i32x4.shl", 0xFD, 0xAB, Immediate.NONE, "vi>v"),
  I32X4_SHR_S("i32x4.shr_s", 0xFD, 0xAC, Immediate.NONE, "vi>v"),
  I32X4_SHR_U("i32x4.shr_u", 0xFD, 0xAD, Immediate.NONE, "vi>v"),
  I32X4_ADD("i32x4.add", 0xFD, 0xAE, Immediate.NONE, "vv>v"),
  I32X4_SUB("i32x4.sub", 0xFD, 0xB1, Immediate.NONE, "vv>v"),
  I32X4_MUL("i32x4.mul", 0xFD, 0xB5, Immediate.NONE, "vv>v"),
  I32X4_MIN_S("i32x4.min_s", 0xFD, 0xB6, Immediate.NONE, "vv>v"),
  I32X4_MIN_U("i32x4.min_u", 0xFD, 0xB7, Immediate.NONE, "vv>v"),
  I32X4_MAX_S("i32x4.max_s", 0xFD, 0xB8, Immediate.NONE, "vv>v"),
  I32X4_MAX_U("i32x4.max_u", 0xFD, 0xB9, Immediate.NONE, "vv>v"),
  I32X4_DOT_I16X8_S("i32x4.dot_i16x8_s", 0xFD, 0xBA, Immediate.NONE, "vv>v"),
  I32X4_EXTMUL_LOW_I16X8_S("i32x4.extmul_low_i16x8_s", 0xFD, 0xBC, Immediate.NONE, "vv>v"),
  I32X4_EXTMUL_HIGH_I16X8_S("i32x4.extmul_high_i16x8_s", 0xFD, 0xBD, Immediate.NONE, "vv>v"),
  I32X4_EXTMUL_LOW_I16X8_U("i32x4.extmul_low_i16x8_u", 0xFD, 0xBE, Immediate.NONE, "vv>v"),
  I32X4_EXTMUL_HIGH_I16X8_U("i32x4.extmul_high_i16x8_u", 0xFD, 0xBF, Immediate.NONE, "vv>v"),
  I64X2_ABS("i64x2.abs", 0xFD, 0xC0, Immediate.NONE, "v>v"),
  I64X2_NEG("i64x2.neg", 0xFD, 0xC1, Immediate.NONE, "v>v"),
  I64X2_ALL_TRUE("i64x2.all_true", 0xFD, 0xC3, Immediate.NONE, "v>i"),
  I64X2_BITMASK("i64x2.bitmask", 0xFD, 0xC4, Immediate.NONE, "v>i"),
  I64X2_EXTEND_LOW_I32X4_S("i64x2.extend_low_i32x4_s", 0xFD, 0xC7, Immediate.NONE, "v>v"),
  I64X2_EXTEND_HIGH_I32X4_S("i64x2.extend_high_i32x4_s", 0xFD, 0xC8, Immediate.NONE, "v>v"),
  I64X2_EXTEND_LOW_I32X4_U("i64x2.extend_low_i32x4_u", 0xFD, 0xC9, Immediate.NONE, "v>v"),
  I64X2_EXTEND_HIGH_I32X4_U("i64x2.extend_high_i32x4_u", 0xFD, 0xCA, Immediate.NONE, "v>v"),
  I64X2_SHL("i64x2.shl", 0xFD, 0xCB, Immediate.NONE, "vi>v"),
  I64X2_SHR_S("i64x2.shr_s", 0xFD, 0xCC, Immediate.NONE, "vi>v"),
  I64X2_SHR_U("i64x2.shr_u", 0xFD, 0xCD, Immediate.NONE, "vi>v"),
  I64X2_ADD("i64x2.add", 0xFD, 0xCE, Immediate.NONE, "vv>v"),
  I64X2_SUB("i64x2.sub", 0xFD, 0xD1, Immediate.NONE, "vv>v"),
  I64X2_MUL("i64x2.mul", 0xFD, 0xD5, Immediate.NONE, "vv>v"),
  I64X2_EQ("i64x2.eq", 0xFD, 0xD6, Immediate.NONE, "vv>v"),
  I64X2_NE("i64x2.ne", 0xFD, 0xD7, Immediate.NONE, "vv>v"),
  I64X2_LT_S("i64x2.lt_s", 0xFD, 0xD8, Immediate.NONE, "vv>v"),
  I64X2_GT_S("i64x2.gt_s", 0xFD, 0xD9, Immediate.NONE, "vv>v"),
  I64X2_LE_S("i64x2.le_s", 0xFD, 0xDA, Immediate.NONE, "vv>v"),
  I64X2_GE_S("i64x2.ge_s", 0xFD, 0xDB, Immediate.NONE, "vv>v"),
  I64X2_EXTMUL_LOW_I32X4_S("i64x2.extmul_low_i32x4_s", 0xFD, 0xDC, Immediate.NONE, "vv>v"),
  I64X2_EXTMUL_HIGH_I32X4_S("i64x2.extmul_high_i32x4_s", 0xFD, 0xDD, Immediate.NONE, "vv>v"),
  I64X2_EXTMUL_LOW_I32X4_U("i64x2.extmul_low_i32x4_u", 0xFD, 0xDE, Immediate.NONE, "vv>v"),
  I64X2_EXTMUL_HIGH_I32X4_U("i64x2.extmul_high_i32x4_u", 0xFD, 0xDF, Immediate.NONE, "vv>v"),
  F32X4_ABS("f32x4.abs", 0xFD, 0xE0, Immediate.NONE, "v>v"),
  F32X4_NEG("f32x4.neg", 0xFD, 0xE1, Immediate.NONE, "v>v"),
  F32X4_SQRT("f32x4.sqrt", 0xFD, 0xE3, Immediate.NONE, "v>v"),
  F32X4_ADD("f32x4.add", 0xFD, 0xE4, Immediate.NONE, "vv>v"),
  F32X4_SUB("f32x4.sub", 0xFD, 0xE5, Immediate.NONE, "vv>v"),
  F32X4_MUL("f32x4.mul", 0xFD, 0xE6, Immediate.NONE, "vv>v"),
  F32X4_DIV("f32x4.div", 0xFD, 0xE7, Immediate.NONE, "vv>v"),
  F32X4_MIN("f32x4.min", 0xFD, 0xE8, Immediate.NONE, "vv>v"),
  F32X4_MAX("f32x4.max", 0xFD, 0xE9, Immediate.NONE, "vv>v"),
  F32X4_PMIN("f32x4.pmin", 0xFD, 0xEA, Immediate.NONE, "vv>v"),
  F32X4_PMAX("f32x4.pmax", 0xFD, 0xEB, Immediate.NONE, "vv>v"),
  F64X2_ABS("f64x2.abs", 0xFD, 0xEC, Immediate.NONE, "v>v"),
  F64X2_NEG("f64x2.neg", 0xFD, 0xED, Immediate.NONE, "v>v"),
  F64X2_SQRT("f64x2.sqrt", 0xFD, 0xEF, Immediate.NONE, "v>v"),
  F64X2_ADD("f64x2.add", 0xFD, 0xF0, Immediate.NONE, "vv>v"),
  F64X2_SUB("f64x2.sub", 0xFD, 0xF1, Immediate.NONE, "vv>v"),
  F64X2_MUL("f64x2.mul", 0xFD, 0xF2, Immediate.NONE, "vv>v"),
  F64X2_DIV("f64x2.div", 0xFD, 0xF3, Immediate.NONE, "vv>v"),
  F64X2_MIN("f64x2.min", 0xFD, 0xF4, Immediate.NONE, "vv>v"),
  F64X2_MAX("f64x2.max", 0xFD, 0xF5, Immediate.NONE, "vv>v"),
  F64X2_PMIN("f64x2.pmin", 0xFD, 0xF6, Immediate.NONE, "vv>v"),
  F64X2_PMAX("f64x2.pmax", 0xFD, 0xF7, Immediate.NONE, "vv>v"),
  I32X4_TRUNC_SAT_F32X4_S("i32x4.trunc_sat_f32x4_s", 0xFD, 0xF8, Immediate.NONE, "v>v"),
  I32X4_TRUNC_SAT_F32X4_U("i32x4.trunc_sat_f32x4_u", 0xFD, 0xF9, Immediate.NONE, "v>v"),
  F32X4_CONVERT_I32X4_S("f32x4.convert_i32x4_s", 0xFD, 0xFA, Immediate.NONE, "v>v"),
  F32X4_CONVERT_I32X4_U("f32x4.convert_i32x4_u", 0xFD, 0xFB, Immediate.NONE, "v>v"),
  I32X4_TRUNC_SAT_F64X2_S_ZERO("i32x4.trunc_sat_f64x2_s_zero", 0xFD, 0xFC, Immediate.NONE, "v>v"),
  I32X4_TRUNC_SAT_F64X2_U_ZERO("i32x4.trunc_sat_f64x2_u_zero", 0xFD, 0xFD, Immediate.NONE, "v>v"),
  F64X2_CONVERT_LOW_I32X4_S("f64x2.convert_low_i32x4_s", 0xFD, 0xFE, Immediate.NONE, "v>v"),
  F64X2_CONVERT_LOW_I32X4_U("f64x2.convert_low_i32x4_u", 0xFD, 0xFF, Immediate.NONE, "v>v"),

  // Relaxed SIMD (Wasm 3.0): each has one deterministic meaning here (numeric.SimdRelaxed).
  I8X16_RELAXED_SWIZZLE("i8x16.relaxed_swizzle", 0xFD, 0x100, Immediate.NONE, "vv>v"),
  I32X4_RELAXED_TRUNC_F32X4_S("i32x4.relaxed_trunc_f32x4_s", 0xFD, 0x101, Immediate.NONE, "v>v"),
  I32X4_RELAXED_TRUNC_F32X4_U("i32x4.relaxed_trunc_f32x4_u", 0xFD, 0x102, Immediate.NONE, "v>v"),
  I32X4_RELAXED_TRUNC_F64X2_S_ZERO(
      "i32x4.relaxed_trunc_f64x2_s_zero", 0xFD, 0x103, Immediate.NONE, "v>v"),
  I32X4_RELAXED_TRUNC_F64X2_U_ZERO(
      "i32x4.relaxed_trunc_f64x2_u_zero", 0xFD, 0x104, Immediate.NONE, "v>v"),
  F32X4_RELAXED_MADD("f32x4.relaxed_madd", 0xFD, 0x105, Immediate.NONE, "vvv>v"),
  F32X4_RELAXED_NMADD("f32x4.relaxed_nmadd", 0xFD, 0x106, Immediate.NONE, "vvv>v"),
  F64X2_RELAXED_MADD("f64x2.relaxed_madd", 0xFD, 0x107, Immediate.NONE, "vvv>v"),
  F64X2_RELAXED_NMADD("f64x2.relaxed_nmadd", 0xFD, 0x108, Immediate.NONE, "vvv>v"),
  I8X16_RELAXED_LANESELECT("i8x16.relaxed_laneselect", 0xFD, 0x109, Immediate.NONE, "vvv>v"),
  I16X8_RELAXED_LANESELECT("i16x8.relaxed_laneselect", 0xFD, 0x10A, Immediate.NONE, "vvv>v"),
  I32X4_RELAXED_LANESELECT("i32x4.relaxed_laneselect", 0xFD, 0x10B, Immediate.NONE, "vvv>v"),
  I64X2_RELAXED_LANESELECT("i64x2.relaxed_laneselect", 0xFD, 0x10C, Immediate.NONE, "vvv>v"),
  F32X4_RELAXED_MIN("f32x4.relaxed_min", 0xFD, 0x10D, Immediate.NONE, "vv>v"),
  F32X4_RELAXED_MAX("f32x4.relaxed_max", 0xFD, 0x10E, Immediate.NONE, "vv>v"),
  F64X2_RELAXED_MIN("f64x2.relaxed_min", 0xFD, 0x10F, Immediate.NONE, "vv>v"),
  F64X2_RELAXED_MAX("f64x2.relaxed_max", 0xFD, 0x110, Immediate.NONE, "vv>v"),
  I16X8_RELAXED_Q15MULR_S("i16x8.relaxed_q15mulr_s", 0xFD, 0x111, Immediate.NONE, "vv>v"),
  I16X8_RELAXED_DOT_I8X16_I7X16_S(
      "i16x8.relaxed_dot_i8x16_i7x16_s", 0xFD, 0x112, Immediate.NONE, "vv>v"),
  I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S(
      "i32x4.relaxed_dot_i8x16_i7x16_add_s", 0xFD, 0x113, Immediate.NONE, "vvv>v"),

  // Threads proposal: atomic memory accesses, wait and notify (accepted with Wasm 3.0).
  MEMORY_ATOMIC_NOTIFY("memory.atomic.notify", 0xFE, 0x00, Immediate.MEMARG, "ai>i", 4, 0),
  MEMORY_ATOMIC_WAIT32("memory.atomic.wait32", 0xFE, 0x01, Immediate.MEMARG, "ail>i", 4, 0),
  MEMORY_ATOMIC_WAIT64("memory.atomic.wait64", 0xFE, 0x02, Immediate.MEMARG, "all>i", 8, 0),
  ATOMIC_FENCE("atomic.fence", 0xFE, 0x03, Immediate.NONE, ">"),
  I32_ATOMIC_LOAD("i32.atomic.load", 0xFE, 0x10, Immediate.MEMARG, "a>i", 4, 0),
  I64_ATOMIC_LOAD("i64.atomic.load", 0xFE, 0x11, Immediate.MEMARG, "a>l", 8, 0),
  I32_ATOMIC_LOAD8_U("i32.atomic.load8_u", 0xFE, 0x12, Immediate.MEMARG, "a>i", 1, 0),
  I32_ATOMIC_LOAD16_U("i32.atomic.load16_u", 0xFE, 0x13, Immediate.MEMARG, "a>i", 2, 0),
  I64_ATOMIC_LOAD8_U("i64.atomic.load8_u", 0xFE, 0x14, Immediate.MEMARG, "a>l", 1, 0),
  I64_ATOMIC_LOAD16_U("i64.atomic.load16_u", 0xFE, 0x15, Immediate.MEMARG, "a>l", 2, 0),
  I64_ATOMIC_LOAD32_U("i64.atomic.load32_u", 0xFE, 0x16, Immediate.MEMARG, "a>l", 4, 0),
  I32_ATOMIC_STORE("i32.atomic.store", 0xFE, 0x17, Immediate.MEMARG, "ai>", 4, 0),
  I64_ATOMIC_STORE("i64.atomic.store", 0xFE, 0x18, Immediate.MEMARG, "al>", 8, 0),
  I32_ATOMIC_STORE8("i32.atomic.store8", 0xFE, 0x19, Immediate.MEMARG, "ai>", 1, 0),
  I32_ATOMIC_STORE16("i32.atomic.store16", 0xFE, 0x1A, Immediate.MEMARG, "ai>", 2, 0),
  I64_ATOMIC_STORE8("i64.atomic.store8", 0xFE, 0x1B, Immediate.MEMARG, "al>", 1, 0),
  I64_ATOMIC_STORE16("i64.atomic.store16", 0xFE, 0x1C, Immediate.MEMARG, "al>", 2, 0),
  I64_ATOMIC_STORE32("i64.atomic.store32", 0xFE, 0x1D, Immediate.MEMARG, "al>", 4, 0),
  I32_ATOMIC_RMW_ADD("i32.atomic.rmw.add", 0xFE, 0x1E, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_ADD("i64.atomic.rmw.add", 0xFE, 0x1F, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_ADD_U("i32.atomic.rmw8.add_u", 0xFE, 0x20, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_ADD_U("i32.atomic.rmw16.add_u", 0xFE, 0x21, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_ADD_U("i64.atomic.rmw8.add_u", 0xFE, 0x22, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_ADD_U("i64.atomic.rmw16.add_u", 0xFE, 0x23, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_ADD_U("i64.atomic.rmw32.add_u", 0xFE, 0x24, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_SUB("i32.atomic.rmw.sub", 0xFE, 0x25, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_SUB("i64.atomic.rmw.sub", 0xFE, 0x26, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_SUB_U("i32.atomic.rmw8.sub_u", 0xFE, 0x27, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_SUB_U("i32.atomic.rmw16.sub_u", 0xFE, 0x28, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_SUB_U("i64.atomic.rmw8.sub_u", 0xFE, 0x29, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_SUB_U("i64.atomic.rmw16.sub_u", 0xFE, 0x2A, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_SUB_U("i64.atomic.rmw32.sub_u", 0xFE, 0x2B, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_AND("i32.atomic.rmw.and", 0xFE, 0x2C, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_AND("i64.atomic.rmw.and", 0xFE, 0x2D, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_AND_U("i32.atomic.rmw8.and_u", 0xFE, 0x2E, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_AND_U("i32.atomic.rmw16.and_u", 0xFE, 0x2F, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_AND_U("i64.atomic.rmw8.and_u", 0xFE, 0x30, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_AND_U("i64.atomic.rmw16.and_u", 0xFE, 0x31, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_AND_U("i64.atomic.rmw32.and_u", 0xFE, 0x32, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_OR("i32.atomic.rmw.or", 0xFE, 0x33, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_OR("i64.atomic.rmw.or", 0xFE, 0x34, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_OR_U("i32.atomic.rmw8.or_u", 0xFE, 0x35, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_OR_U("i32.atomic.rmw16.or_u", 0xFE, 0x36, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_OR_U("i64.atomic.rmw8.or_u", 0xFE, 0x37, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_OR_U("i64.atomic.rmw16.or_u", 0xFE, 0x38, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_OR_U("i64.atomic.rmw32.or_u", 0xFE, 0x39, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_XOR("i32.atomic.rmw.xor", 0xFE, 0x3A, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_XOR("i64.atomic.rmw.xor", 0xFE, 0x3B, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_XOR_U("i32.atomic.rmw8.xor_u", 0xFE, 0x3C, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_XOR_U("i32.atomic.rmw16.xor_u", 0xFE, 0x3D, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_XOR_U("i64.atomic.rmw8.xor_u", 0xFE, 0x3E, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_XOR_U("i64.atomic.rmw16.xor_u", 0xFE, 0x3F, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_XOR_U("i64.atomic.rmw32.xor_u", 0xFE, 0x40, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_XCHG("i32.atomic.rmw.xchg", 0xFE, 0x41, Immediate.MEMARG, "ai>i", 4, 0),
  I64_ATOMIC_RMW_XCHG("i64.atomic.rmw.xchg", 0xFE, 0x42, Immediate.MEMARG, "al>l", 8, 0),
  I32_ATOMIC_RMW8_XCHG_U("i32.atomic.rmw8.xchg_u", 0xFE, 0x43, Immediate.MEMARG, "ai>i", 1, 0),
  I32_ATOMIC_RMW16_XCHG_U("i32.atomic.rmw16.xchg_u", 0xFE, 0x44, Immediate.MEMARG, "ai>i", 2, 0),
  I64_ATOMIC_RMW8_XCHG_U("i64.atomic.rmw8.xchg_u", 0xFE, 0x45, Immediate.MEMARG, "al>l", 1, 0),
  I64_ATOMIC_RMW16_XCHG_U("i64.atomic.rmw16.xchg_u", 0xFE, 0x46, Immediate.MEMARG, "al>l", 2, 0),
  I64_ATOMIC_RMW32_XCHG_U("i64.atomic.rmw32.xchg_u", 0xFE, 0x47, Immediate.MEMARG, "al>l", 4, 0),
  I32_ATOMIC_RMW_CMPXCHG("i32.atomic.rmw.cmpxchg", 0xFE, 0x48, Immediate.MEMARG, "aii>i", 4, 0),
  I64_ATOMIC_RMW_CMPXCHG("i64.atomic.rmw.cmpxchg", 0xFE, 0x49, Immediate.MEMARG, "all>l", 8, 0),
  I32_ATOMIC_RMW8_CMPXCHG_U(
      "i32.atomic.rmw8.cmpxchg_u", 0xFE, 0x4A, Immediate.MEMARG, "aii>i", 1, 0),
  I32_ATOMIC_RMW16_CMPXCHG_U(
      "i32.atomic.rmw16.cmpxchg_u", 0xFE, 0x4B, Immediate.MEMARG, "aii>i", 2, 0),
  I64_ATOMIC_RMW8_CMPXCHG_U(
      "i64.atomic.rmw8.cmpxchg_u", 0xFE, 0x4C, Immediate.MEMARG, "all>l", 1, 0),
  I64_ATOMIC_RMW16_CMPXCHG_U(
      "i64.atomic.rmw16.cmpxchg_u", 0xFE, 0x4D, Immediate.MEMARG, "all>l", 2, 0),
  I64_ATOMIC_RMW32_CMPXCHG_U(
      "i64.atomic.rmw32.cmpxchg_u", 0xFE, 0x4E, Immediate.MEMARG, "all>l", 4, 0);

  /** The prefix byte of the garbage collection instructions (Wasm 3.0). */
  public static final int PREFIX_FB = 0xFB;

  /** The prefix byte of the saturating truncation, bulk memory and table instructions. */
  public static final int PREFIX_FC = 0xFC;

  /** The prefix byte of the SIMD instructions. */
  public static final int PREFIX_FD = 0xFD;

  /** The prefix byte of the atomic instructions (the threads proposal). */
  public static final int PREFIX_FE = 0xFE;

  private static final Opcode[] SINGLE = new Opcode[256];
  private static final Opcode[] FB = new Opcode[32];
  private static final Opcode[] FC = new Opcode[32];
  private static final Opcode[] FD = new Opcode[0x120];
  private static final Opcode[] FE = new Opcode[0x50];

  static {
    for (Opcode op : values()) {
      Opcode[] table =
          switch (op.prefix) {
            case 0 -> SINGLE;
            case PREFIX_FB -> FB;
            case PREFIX_FC -> FC;
            case PREFIX_FD -> FD;
            case PREFIX_FE -> FE;
            default -> throw new AssertionError(op);
          };
      if (table[op.code] != null) {
        throw new AssertionError("two opcodes at one encoding: " + op + ", " + table[op.code]);
      }
      table[op.code] = op;
    }
  }

  /**
   * The instructions by name, for the text format only: built on first use, not in every start that
   * decodes a binary (hashing 600 names in the bytecode interpreter).
   */
  private static final class ByName {
    static final Map<String, Opcode> MAP = build();

    private static Map<String, Opcode> build() {
      Map<String, Opcode> map = new HashMap<>();
      for (Opcode op : values()) {
        // Shared names: typed select, and the casts whose null variant the type operand tells.
        if (op != SELECT_TYPED && op != REF_TEST_NULL && op != REF_CAST_NULL) {
          map.put(op.text, op);
        }
      }
      return map;
    }
  }

  private final String text;
  private final int prefix;
  private final int code;
  private final Immediate immediate;
  private final List<ValType> params;
  private final List<ValType> results;
  private final int accessBytes;
  private final int lanes;
  private final long addressParams;
  private final boolean addressResult;

  Opcode(String text, int prefix, int code, Immediate immediate, String signature) {
    this(text, prefix, code, immediate, signature, 0, 0);
  }

  Opcode(
      String text,
      int prefix,
      int code,
      Immediate immediate,
      String signature,
      int accessBytes,
      int lanes) {
    this.text = text;
    this.prefix = prefix;
    this.code = code;
    this.immediate = immediate;
    long addresses = 0;
    if (signature == null) {
      this.params = null;
      this.results = null;
      this.addressResult = false;
    } else {
      int arrow = signature.indexOf('>');
      this.params = types(signature, 0, arrow);
      this.results = types(signature, arrow + 1, signature.length());
      for (int i = 0; i < arrow; i++) {
        if (signature.charAt(i) == 'a') {
          addresses |= 1L << i;
        }
      }
      this.addressResult = signature.indexOf('a', arrow) >= 0;
    }
    this.addressParams = addresses;
    this.accessBytes = accessBytes;
    this.lanes = lanes;
  }

  // The types of signature codes from to end, as an immutable list with no copy or wrapper: 600
  // constants make them in every start's bytecode interpreter.
  private static List<ValType> types(String codes, int from, int end) {
    ValType[] types = new ValType[end - from];
    for (int i = 0; i < types.length; i++) {
      types[i] = type(codes.charAt(from + i));
    }
    return List.of(types);
  }

  private static ValType type(char code) {
    return switch (code) {
      case 'i', 'a' -> ValType.I32;
      case 'l' -> ValType.I64;
      case 'f' -> ValType.F32;
      case 'd' -> ValType.F64;
      case 'v' -> ValType.V128;
      default -> throw new AssertionError("signature code " + code);
    };
  }

  /**
   * Returns whether operand {@code i} of the fixed signature is an address or a size in the
   * accessed memory's address type ({@code i32}, or {@code i64} for a 64-bit memory): a load's
   * address, {@code memory.grow}'s delta, {@code memory.fill}'s address and count.
   */
  public boolean isAddressParam(int i) {
    return i >= 0 && i < 64 && (addressParams & (1L << i)) != 0;
  }

  /** Returns whether the result is in the memory's address type: {@code memory.size} and grow. */
  public boolean hasAddressResult() {
    return addressResult;
  }

  /** Returns the instruction's name in the text format, for example {@code i32.add}. */
  public String text() {
    return text;
  }

  /** Returns the prefix byte (0xFB, 0xFC, 0xFD or 0xFE), or 0 for a one-byte opcode. */
  public int prefix() {
    return prefix;
  }

  /** Returns the opcode byte, or for a prefixed instruction the number after the prefix. */
  public int code() {
    return code;
  }

  /**
   * Returns the edition of the standard that introduced the instruction, or for the instructions of
   * a {@link #proposal} (in no edition yet) Wasm 3.0, the edition Cortado accepts them with.
   */
  public WasmVersion since() {
    return Wasm3.OPCODES.contains(this) ? WasmVersion.WASM_3_0 : WasmVersion.WASM_2_0;
  }

  /**
   * The instructions Wasm 3.0 added (held apart: an enum's constants cannot be read in its own
   * constructor).
   */
  private static final class Wasm3 {
    static final Set<Opcode> OPCODES = wasm3();

    private static Set<Opcode> wasm3() {
      EnumSet<Opcode> s =
          EnumSet.of(
              RETURN_CALL,
              RETURN_CALL_INDIRECT,
              CALL_REF,
              RETURN_CALL_REF,
              REF_AS_NON_NULL,
              BR_ON_NULL,
              BR_ON_NON_NULL,
              REF_EQ);
      for (Opcode op : values()) {
        // Exception handling counts with the legacy try, catch, rethrow and delegate, which
        // toolchains still emit.
        if (op.handlesExceptions() || op.prefix == PREFIX_FB || !op.proposal().isEmpty()) {
          s.add(op);
        }
      }
      for (Opcode op : values()) {
        if (op.text.contains(".relaxed_")) {
          s.add(op);
        }
      }
      return Collections.unmodifiableSet(s);
    }
  }

  /**
   * Returns whether the instruction belongs to exception handling: {@code throw}, {@code
   * throw_ref}, {@code try_table}, and the legacy {@code try}, {@code catch}, {@code catch_all},
   * {@code rethrow} and {@code delegate}.
   */
  public boolean handlesExceptions() {
    // A switch, not a set: validation asks this of every instruction kind at start-up, where the
    // set of Wasm 3.0's instructions took 0.9 ms to build (an EnumSet's first use reflects on the
    // enum) and served no 3.0 module.
    return switch (this) {
      case THROW, THROW_REF, TRY_TABLE, TRY, CATCH, CATCH_ALL, RETHROW, DELEGATE -> true;
      default -> false;
    };
  }

  /**
   * Returns whether the instruction belongs to garbage collection: {@code ref.eq} and the {@code
   * 0xFB}-prefixed struct, array, i31, cast and conversion instructions.
   */
  public boolean handlesObjects() {
    return prefix == PREFIX_FB || this == REF_EQ;
  }

  /**
   * Returns the name of the proposal (not yet in an edition of the standard) the instruction comes
   * from, {@code threads} or {@code wide-arithmetic}, or an empty string for a standard one.
   */
  public String proposal() {
    if (prefix == PREFIX_FE) {
      return "threads";
    }
    return isWideArithmetic() ? "wide-arithmetic" : "";
  }

  /**
   * Returns whether the instruction belongs to the wide arithmetic proposal: {@code i64.add128},
   * {@code i64.sub128}, {@code i64.mul_wide_s} and {@code i64.mul_wide_u}.
   */
  public boolean isWideArithmetic() {
    return prefix == PREFIX_FC && code >= 0x13 && code <= 0x16;
  }

  /**
   * Returns whether the instruction belongs to the threads proposal: the {@code 0xFE}-prefixed
   * atomic loads, stores, read-modify-writes, {@code memory.atomic.wait32}/{@code wait64}, {@code
   * memory.atomic.notify} and {@code atomic.fence}.
   */
  public boolean isAtomic() {
    return prefix == PREFIX_FE;
  }

  /**
   * Returns whether a {@code ref.test} or {@code ref.cast} (or {@code br_on_cast}) targets a
   * nullable type: {@code ref.test null} and {@code ref.cast null}.
   */
  public boolean castsToNullable() {
    return this == REF_TEST_NULL || this == REF_CAST_NULL;
  }

  /**
   * Returns {@code ref.test} or {@code ref.cast} ({@code cast}) for a target of that nullability.
   */
  public static Opcode cast(boolean cast, boolean nullable) {
    if (cast) {
      return nullable ? REF_CAST_NULL : REF_CAST;
    }
    return nullable ? REF_TEST_NULL : REF_TEST;
  }

  /** Returns the shape of the immediates following the opcode. */
  public Immediate immediate() {
    return immediate;
  }

  /** Returns whether the instruction's operand and result types are the same wherever it is. */
  public boolean hasFixedSignature() {
    return params != null;
  }

  /** Returns the operand types, if the signature is fixed ({@link #hasFixedSignature()}). */
  public List<ValType> params() {
    if (params == null) {
      throw new IllegalStateException(text + " has no fixed signature");
    }
    return params;
  }

  /** Returns the result types, if the signature is fixed ({@link #hasFixedSignature()}). */
  public List<ValType> results() {
    if (results == null) {
      throw new IllegalStateException(text + " has no fixed signature");
    }
    return results;
  }

  /**
   * Returns the number of bytes a memory access reads or writes (its natural alignment), or 0 for
   * instructions that are not loads or stores.
   */
  public int accessBytes() {
    return accessBytes;
  }

  /** Returns the number of lanes the lane immediate indexes, or 0 without a lane immediate. */
  public int lanes() {
    return lanes;
  }

  /** Returns the instruction with the one-byte opcode {@code code}, if there is one. */
  public static Optional<Opcode> ofByte(int code) {
    return Optional.ofNullable(code >= 0 && code < 256 ? SINGLE[code] : null);
  }

  /** Returns the instruction {@code code} after the prefix byte {@code prefix}, if there is one. */
  public static Optional<Opcode> ofPrefixed(int prefix, long code) {
    Opcode[] table =
        switch (prefix) {
          case PREFIX_FB -> FB;
          case PREFIX_FC -> FC;
          case PREFIX_FD -> FD;
          case PREFIX_FE -> FE;
          default -> null;
        };
    if (table == null || code < 0 || code >= table.length) {
      return Optional.empty();
    }
    return Optional.ofNullable(table[(int) code]);
  }

  /**
   * Returns the instruction named {@code name} in the text format. The typed and untyped {@code
   * select} share a name; this returns the untyped one.
   */
  public static Optional<Opcode> ofText(String name) {
    return Optional.ofNullable(ByName.MAP.get(name));
  }

  @Override
  public String toString() {
    return text;
  }
}
