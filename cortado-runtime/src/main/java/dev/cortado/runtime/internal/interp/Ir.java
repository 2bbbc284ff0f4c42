package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.Opcode;

/**
 * The interpreter's instruction set: what {@link Lowering} emits and {@link Interpreter} runs.
 *
 * <p>Code is an {@code int[]}: an opcode then its operands. Operands named like {@code dst}, {@code
 * a}, {@code src} are slot numbers relative to the frame base: locals first, then folded constants,
 * then the operand stack at heights known from validation. Targets are code positions. Numeric
 * instructions keep the Wasm name and take {@code dst a} (unary) or {@code dst a b} (binary); loads
 * take {@code dst address offset}, stores {@code value address offset}, with {@code offset} the u32
 * immediate.
 */
final class Ir {
  private Ir() {}

  /** trap: unreachable */
  static final int UNREACHABLE = 0;

  /** JUMP target: go to target */
  static final int JUMP = 1;

  /** JUMP_LOOP target: a back edge; checks fuel and interruption, then jumps */
  static final int JUMP_LOOP = 2;

  /** BR_IF cond target: jump if the i32 in slot cond is not zero */
  static final int BR_IF = 3;

  /** BR_IF_LOOP cond target: BR_IF to a loop header (a back edge) */
  static final int BR_IF_LOOP = 4;

  /** BR_UNLESS cond target: jump if the i32 in slot cond is zero */
  static final int BR_UNLESS = 5;

  /** BR_TABLE index n target0..target(n-1) default */
  static final int BR_TABLE = 6;

  /** RETURN: results are in slots 0..r-1 */
  static final int RETURN = 7;

  /** CALL function base: call function index (of the instance) with frame at base */
  static final int CALL = 8;

  /** CALL_INDIRECT typeId table indexSlot base */
  static final int CALL_INDIRECT = 9;

  /** COPY dst src: a number */
  static final int COPY = 10;

  /** COPY_V128 dst src */
  static final int COPY_V128 = 11;

  /** COPY_REF dst src */
  static final int COPY_REF = 12;

  /** CONST dst low high: a 64-bit number (i32 sign-extended) */
  static final int CONST = 13;

  /** CONST_V128 dst b0 b1 b2 b3: four ints, low first */
  static final int CONST_V128 = 14;

  /** REF_NULL dst */
  static final int REF_NULL = 15;

  /** REF_FUNC dst function */
  static final int REF_FUNC = 16;

  /** REF_IS_NULL dst src */
  static final int REF_IS_NULL = 17;

  /** SELECT dst cond a b: a number */
  static final int SELECT = 18;

  /** SELECT_V128 dst cond a b */
  static final int SELECT_V128 = 19;

  /** SELECT_REF dst cond a b */
  static final int SELECT_REF = 20;

  /** GLOBAL_GET dst global: a number */
  static final int GLOBAL_GET = 21;

  /** GLOBAL_SET global src */
  static final int GLOBAL_SET = 22;

  /** GLOBAL_GET_V128 dst global */
  static final int GLOBAL_GET_V128 = 23;

  /** GLOBAL_SET_V128 global src */
  static final int GLOBAL_SET_V128 = 24;

  /** GLOBAL_GET_REF dst global */
  static final int GLOBAL_GET_REF = 25;

  /** GLOBAL_SET_REF global src */
  static final int GLOBAL_SET_REF = 26;

  /** MEMORY_SIZE dst memory */
  static final int MEMORY_SIZE = 27;

  /** MEMORY_GROW dst delta memory */
  static final int MEMORY_GROW = 28;

  /** MEMORY_FILL dst value count memory */
  static final int MEMORY_FILL = 29;

  /** MEMORY_COPY dst src count dstMemory srcMemory */
  static final int MEMORY_COPY = 30;

  /** MEMORY_INIT segment dst src count memory */
  static final int MEMORY_INIT = 31;

  /** DATA_DROP segment */
  static final int DATA_DROP = 32;

  /** TABLE_GET dst table index */
  static final int TABLE_GET = 33;

  /** TABLE_SET table index value */
  static final int TABLE_SET = 34;

  /** TABLE_SIZE dst table */
  static final int TABLE_SIZE = 35;

  /** TABLE_GROW dst table value delta */
  static final int TABLE_GROW = 36;

  /** TABLE_FILL table index value count */
  static final int TABLE_FILL = 37;

  /** TABLE_COPY dstTable srcTable dst src count */
  static final int TABLE_COPY = 38;

  /** TABLE_INIT table segment dst src count */
  static final int TABLE_INIT = 39;

  /** ELEM_DROP segment */
  static final int ELEM_DROP = 40;

  /** SIMD opcode-ordinal dst operands...: every vector instruction (see Interpreter.simd) */
  static final int SIMD = 41;

  /** BR_I32_EQ a b target: branch if the i32s in slots a and b are equal (fused). */
  static final int BR_I32_EQ = 42;

  /** BR_I32_NE a b target: branch if they differ (fused). */
  static final int BR_I32_NE = 43;

  /** BR_I32_LT_S a b target: branch if a < b, signed (fused). */
  static final int BR_I32_LT_S = 44;

  /** BR_I32_LT_U a b target: branch if a < b, unsigned (fused). */
  static final int BR_I32_LT_U = 45;

  /** BR_I32_GT_S a b target: branch if a > b, signed (fused). */
  static final int BR_I32_GT_S = 46;

  /** BR_I32_GT_U a b target: branch if a > b, unsigned (fused). */
  static final int BR_I32_GT_U = 47;

  /** BR_I32_LE_S a b target: branch if a <= b, signed (fused). */
  static final int BR_I32_LE_S = 48;

  /** BR_I32_LE_U a b target: branch if a <= b, unsigned (fused). */
  static final int BR_I32_LE_U = 49;

  /** BR_I32_GE_S a b target: branch if a >= b, signed (fused). */
  static final int BR_I32_GE_S = 50;

  /** BR_I32_GE_U a b target: branch if a >= b, unsigned (fused). */
  static final int BR_I32_GE_U = 51;

  /** I32_LOAD dst|value address offset: i32.load */
  static final int I32_LOAD = 52;

  /** I64_LOAD dst|value address offset: i64.load */
  static final int I64_LOAD = 53;

  /** F32_LOAD dst|value address offset: f32.load */
  static final int F32_LOAD = 54;

  /** F64_LOAD dst|value address offset: f64.load */
  static final int F64_LOAD = 55;

  /** I32_LOAD8_S dst|value address offset: i32.load8_s */
  static final int I32_LOAD8_S = 56;

  /** I32_LOAD8_U dst|value address offset: i32.load8_u */
  static final int I32_LOAD8_U = 57;

  /** I32_LOAD16_S dst|value address offset: i32.load16_s */
  static final int I32_LOAD16_S = 58;

  /** I32_LOAD16_U dst|value address offset: i32.load16_u */
  static final int I32_LOAD16_U = 59;

  /** I64_LOAD8_S dst|value address offset: i64.load8_s */
  static final int I64_LOAD8_S = 60;

  /** I64_LOAD8_U dst|value address offset: i64.load8_u */
  static final int I64_LOAD8_U = 61;

  /** I64_LOAD16_S dst|value address offset: i64.load16_s */
  static final int I64_LOAD16_S = 62;

  /** I64_LOAD16_U dst|value address offset: i64.load16_u */
  static final int I64_LOAD16_U = 63;

  /** I64_LOAD32_S dst|value address offset: i64.load32_s */
  static final int I64_LOAD32_S = 64;

  /** I64_LOAD32_U dst|value address offset: i64.load32_u */
  static final int I64_LOAD32_U = 65;

  /** I32_STORE dst|value address offset: i32.store */
  static final int I32_STORE = 66;

  /** I64_STORE dst|value address offset: i64.store */
  static final int I64_STORE = 67;

  /** F32_STORE dst|value address offset: f32.store */
  static final int F32_STORE = 68;

  /** F64_STORE dst|value address offset: f64.store */
  static final int F64_STORE = 69;

  /** I32_STORE8 dst|value address offset: i32.store8 */
  static final int I32_STORE8 = 70;

  /** I32_STORE16 dst|value address offset: i32.store16 */
  static final int I32_STORE16 = 71;

  /** I64_STORE8 dst|value address offset: i64.store8 */
  static final int I64_STORE8 = 72;

  /** I64_STORE16 dst|value address offset: i64.store16 */
  static final int I64_STORE16 = 73;

  /** I64_STORE32 dst|value address offset: i64.store32 */
  static final int I64_STORE32 = 74;

  /** I32_EQZ dst a: i32.eqz */
  static final int I32_EQZ = 75;

  /** I32_EQ dst a b: i32.eq */
  static final int I32_EQ = 76;

  /** I32_NE dst a b: i32.ne */
  static final int I32_NE = 77;

  /** I32_LT_S dst a b: i32.lt_s */
  static final int I32_LT_S = 78;

  /** I32_LT_U dst a b: i32.lt_u */
  static final int I32_LT_U = 79;

  /** I32_GT_S dst a b: i32.gt_s */
  static final int I32_GT_S = 80;

  /** I32_GT_U dst a b: i32.gt_u */
  static final int I32_GT_U = 81;

  /** I32_LE_S dst a b: i32.le_s */
  static final int I32_LE_S = 82;

  /** I32_LE_U dst a b: i32.le_u */
  static final int I32_LE_U = 83;

  /** I32_GE_S dst a b: i32.ge_s */
  static final int I32_GE_S = 84;

  /** I32_GE_U dst a b: i32.ge_u */
  static final int I32_GE_U = 85;

  /** I64_EQZ dst a: i64.eqz */
  static final int I64_EQZ = 86;

  /** I64_EQ dst a b: i64.eq */
  static final int I64_EQ = 87;

  /** I64_NE dst a b: i64.ne */
  static final int I64_NE = 88;

  /** I64_LT_S dst a b: i64.lt_s */
  static final int I64_LT_S = 89;

  /** I64_LT_U dst a b: i64.lt_u */
  static final int I64_LT_U = 90;

  /** I64_GT_S dst a b: i64.gt_s */
  static final int I64_GT_S = 91;

  /** I64_GT_U dst a b: i64.gt_u */
  static final int I64_GT_U = 92;

  /** I64_LE_S dst a b: i64.le_s */
  static final int I64_LE_S = 93;

  /** I64_LE_U dst a b: i64.le_u */
  static final int I64_LE_U = 94;

  /** I64_GE_S dst a b: i64.ge_s */
  static final int I64_GE_S = 95;

  /** I64_GE_U dst a b: i64.ge_u */
  static final int I64_GE_U = 96;

  /** F32_EQ dst a b: f32.eq */
  static final int F32_EQ = 97;

  /** F32_NE dst a b: f32.ne */
  static final int F32_NE = 98;

  /** F32_LT dst a b: f32.lt */
  static final int F32_LT = 99;

  /** F32_GT dst a b: f32.gt */
  static final int F32_GT = 100;

  /** F32_LE dst a b: f32.le */
  static final int F32_LE = 101;

  /** F32_GE dst a b: f32.ge */
  static final int F32_GE = 102;

  /** F64_EQ dst a b: f64.eq */
  static final int F64_EQ = 103;

  /** F64_NE dst a b: f64.ne */
  static final int F64_NE = 104;

  /** F64_LT dst a b: f64.lt */
  static final int F64_LT = 105;

  /** F64_GT dst a b: f64.gt */
  static final int F64_GT = 106;

  /** F64_LE dst a b: f64.le */
  static final int F64_LE = 107;

  /** F64_GE dst a b: f64.ge */
  static final int F64_GE = 108;

  /** I32_CLZ dst a: i32.clz */
  static final int I32_CLZ = 109;

  /** I32_CTZ dst a: i32.ctz */
  static final int I32_CTZ = 110;

  /** I32_POPCNT dst a: i32.popcnt */
  static final int I32_POPCNT = 111;

  /** I32_ADD dst a b: i32.add */
  static final int I32_ADD = 112;

  /** I32_SUB dst a b: i32.sub */
  static final int I32_SUB = 113;

  /** I32_MUL dst a b: i32.mul */
  static final int I32_MUL = 114;

  /** I32_DIV_S dst a b: i32.div_s */
  static final int I32_DIV_S = 115;

  /** I32_DIV_U dst a b: i32.div_u */
  static final int I32_DIV_U = 116;

  /** I32_REM_S dst a b: i32.rem_s */
  static final int I32_REM_S = 117;

  /** I32_REM_U dst a b: i32.rem_u */
  static final int I32_REM_U = 118;

  /** I32_AND dst a b: i32.and */
  static final int I32_AND = 119;

  /** I32_OR dst a b: i32.or */
  static final int I32_OR = 120;

  /** I32_XOR dst a b: i32.xor */
  static final int I32_XOR = 121;

  /** I32_SHL dst a b: i32.shl */
  static final int I32_SHL = 122;

  /** I32_SHR_S dst a b: i32.shr_s */
  static final int I32_SHR_S = 123;

  /** I32_SHR_U dst a b: i32.shr_u */
  static final int I32_SHR_U = 124;

  /** I32_ROTL dst a b: i32.rotl */
  static final int I32_ROTL = 125;

  /** I32_ROTR dst a b: i32.rotr */
  static final int I32_ROTR = 126;

  /** I64_CLZ dst a: i64.clz */
  static final int I64_CLZ = 127;

  /** I64_CTZ dst a: i64.ctz */
  static final int I64_CTZ = 128;

  /** I64_POPCNT dst a: i64.popcnt */
  static final int I64_POPCNT = 129;

  /** I64_ADD dst a b: i64.add */
  static final int I64_ADD = 130;

  /** I64_SUB dst a b: i64.sub */
  static final int I64_SUB = 131;

  /** I64_MUL dst a b: i64.mul */
  static final int I64_MUL = 132;

  /** I64_DIV_S dst a b: i64.div_s */
  static final int I64_DIV_S = 133;

  /** I64_DIV_U dst a b: i64.div_u */
  static final int I64_DIV_U = 134;

  /** I64_REM_S dst a b: i64.rem_s */
  static final int I64_REM_S = 135;

  /** I64_REM_U dst a b: i64.rem_u */
  static final int I64_REM_U = 136;

  /** I64_AND dst a b: i64.and */
  static final int I64_AND = 137;

  /** I64_OR dst a b: i64.or */
  static final int I64_OR = 138;

  /** I64_XOR dst a b: i64.xor */
  static final int I64_XOR = 139;

  /** I64_SHL dst a b: i64.shl */
  static final int I64_SHL = 140;

  /** I64_SHR_S dst a b: i64.shr_s */
  static final int I64_SHR_S = 141;

  /** I64_SHR_U dst a b: i64.shr_u */
  static final int I64_SHR_U = 142;

  /** I64_ROTL dst a b: i64.rotl */
  static final int I64_ROTL = 143;

  /** I64_ROTR dst a b: i64.rotr */
  static final int I64_ROTR = 144;

  /** F32_ABS dst a: f32.abs */
  static final int F32_ABS = 145;

  /** F32_NEG dst a: f32.neg */
  static final int F32_NEG = 146;

  /** F32_CEIL dst a: f32.ceil */
  static final int F32_CEIL = 147;

  /** F32_FLOOR dst a: f32.floor */
  static final int F32_FLOOR = 148;

  /** F32_TRUNC dst a: f32.trunc */
  static final int F32_TRUNC = 149;

  /** F32_NEAREST dst a: f32.nearest */
  static final int F32_NEAREST = 150;

  /** F32_SQRT dst a: f32.sqrt */
  static final int F32_SQRT = 151;

  /** F32_ADD dst a b: f32.add */
  static final int F32_ADD = 152;

  /** F32_SUB dst a b: f32.sub */
  static final int F32_SUB = 153;

  /** F32_MUL dst a b: f32.mul */
  static final int F32_MUL = 154;

  /** F32_DIV dst a b: f32.div */
  static final int F32_DIV = 155;

  /** F32_MIN dst a b: f32.min */
  static final int F32_MIN = 156;

  /** F32_MAX dst a b: f32.max */
  static final int F32_MAX = 157;

  /** F32_COPYSIGN dst a b: f32.copysign */
  static final int F32_COPYSIGN = 158;

  /** F64_ABS dst a: f64.abs */
  static final int F64_ABS = 159;

  /** F64_NEG dst a: f64.neg */
  static final int F64_NEG = 160;

  /** F64_CEIL dst a: f64.ceil */
  static final int F64_CEIL = 161;

  /** F64_FLOOR dst a: f64.floor */
  static final int F64_FLOOR = 162;

  /** F64_TRUNC dst a: f64.trunc */
  static final int F64_TRUNC = 163;

  /** F64_NEAREST dst a: f64.nearest */
  static final int F64_NEAREST = 164;

  /** F64_SQRT dst a: f64.sqrt */
  static final int F64_SQRT = 165;

  /** F64_ADD dst a b: f64.add */
  static final int F64_ADD = 166;

  /** F64_SUB dst a b: f64.sub */
  static final int F64_SUB = 167;

  /** F64_MUL dst a b: f64.mul */
  static final int F64_MUL = 168;

  /** F64_DIV dst a b: f64.div */
  static final int F64_DIV = 169;

  /** F64_MIN dst a b: f64.min */
  static final int F64_MIN = 170;

  /** F64_MAX dst a b: f64.max */
  static final int F64_MAX = 171;

  /** F64_COPYSIGN dst a b: f64.copysign */
  static final int F64_COPYSIGN = 172;

  /** I32_WRAP_I64 dst a: i32.wrap_i64 */
  static final int I32_WRAP_I64 = 173;

  /** I32_TRUNC_F32_S dst a: i32.trunc_f32_s */
  static final int I32_TRUNC_F32_S = 174;

  /** I32_TRUNC_F32_U dst a: i32.trunc_f32_u */
  static final int I32_TRUNC_F32_U = 175;

  /** I32_TRUNC_F64_S dst a: i32.trunc_f64_s */
  static final int I32_TRUNC_F64_S = 176;

  /** I32_TRUNC_F64_U dst a: i32.trunc_f64_u */
  static final int I32_TRUNC_F64_U = 177;

  /** I64_EXTEND_I32_S dst a: i64.extend_i32_s */
  static final int I64_EXTEND_I32_S = 178;

  /** I64_EXTEND_I32_U dst a: i64.extend_i32_u */
  static final int I64_EXTEND_I32_U = 179;

  /** I64_TRUNC_F32_S dst a: i64.trunc_f32_s */
  static final int I64_TRUNC_F32_S = 180;

  /** I64_TRUNC_F32_U dst a: i64.trunc_f32_u */
  static final int I64_TRUNC_F32_U = 181;

  /** I64_TRUNC_F64_S dst a: i64.trunc_f64_s */
  static final int I64_TRUNC_F64_S = 182;

  /** I64_TRUNC_F64_U dst a: i64.trunc_f64_u */
  static final int I64_TRUNC_F64_U = 183;

  /** F32_CONVERT_I32_S dst a: f32.convert_i32_s */
  static final int F32_CONVERT_I32_S = 184;

  /** F32_CONVERT_I32_U dst a: f32.convert_i32_u */
  static final int F32_CONVERT_I32_U = 185;

  /** F32_CONVERT_I64_S dst a: f32.convert_i64_s */
  static final int F32_CONVERT_I64_S = 186;

  /** F32_CONVERT_I64_U dst a: f32.convert_i64_u */
  static final int F32_CONVERT_I64_U = 187;

  /** F32_DEMOTE_F64 dst a: f32.demote_f64 */
  static final int F32_DEMOTE_F64 = 188;

  /** F64_CONVERT_I32_S dst a: f64.convert_i32_s */
  static final int F64_CONVERT_I32_S = 189;

  /** F64_CONVERT_I32_U dst a: f64.convert_i32_u */
  static final int F64_CONVERT_I32_U = 190;

  /** F64_CONVERT_I64_S dst a: f64.convert_i64_s */
  static final int F64_CONVERT_I64_S = 191;

  /** F64_CONVERT_I64_U dst a: f64.convert_i64_u */
  static final int F64_CONVERT_I64_U = 192;

  /** F64_PROMOTE_F32 dst a: f64.promote_f32 */
  static final int F64_PROMOTE_F32 = 193;

  /** I32_REINTERPRET_F32 dst a: i32.reinterpret_f32 */
  static final int I32_REINTERPRET_F32 = 194;

  /** I64_REINTERPRET_F64 dst a: i64.reinterpret_f64 */
  static final int I64_REINTERPRET_F64 = 195;

  /** F32_REINTERPRET_I32 dst a: f32.reinterpret_i32 */
  static final int F32_REINTERPRET_I32 = 196;

  /** F64_REINTERPRET_I64 dst a: f64.reinterpret_i64 */
  static final int F64_REINTERPRET_I64 = 197;

  /** I32_EXTEND8_S dst a: i32.extend8_s */
  static final int I32_EXTEND8_S = 198;

  /** I32_EXTEND16_S dst a: i32.extend16_s */
  static final int I32_EXTEND16_S = 199;

  /** I64_EXTEND8_S dst a: i64.extend8_s */
  static final int I64_EXTEND8_S = 200;

  /** I64_EXTEND16_S dst a: i64.extend16_s */
  static final int I64_EXTEND16_S = 201;

  /** I64_EXTEND32_S dst a: i64.extend32_s */
  static final int I64_EXTEND32_S = 202;

  /** I32_TRUNC_SAT_F32_S dst a: i32.trunc_sat_f32_s */
  static final int I32_TRUNC_SAT_F32_S = 203;

  /** I32_TRUNC_SAT_F32_U dst a: i32.trunc_sat_f32_u */
  static final int I32_TRUNC_SAT_F32_U = 204;

  /** I32_TRUNC_SAT_F64_S dst a: i32.trunc_sat_f64_s */
  static final int I32_TRUNC_SAT_F64_S = 205;

  /** I32_TRUNC_SAT_F64_U dst a: i32.trunc_sat_f64_u */
  static final int I32_TRUNC_SAT_F64_U = 206;

  /** I64_TRUNC_SAT_F32_S dst a: i64.trunc_sat_f32_s */
  static final int I64_TRUNC_SAT_F32_S = 207;

  /** I64_TRUNC_SAT_F32_U dst a: i64.trunc_sat_f32_u */
  static final int I64_TRUNC_SAT_F32_U = 208;

  /** I64_TRUNC_SAT_F64_S dst a: i64.trunc_sat_f64_s */
  static final int I64_TRUNC_SAT_F64_S = 209;

  /** I64_TRUNC_SAT_F64_U dst a: i64.trunc_sat_f64_u */
  static final int I64_TRUNC_SAT_F64_U = 210;

  /**
   * RETURN_CALL function base: a tail call. The callee replaces the running frame: its arguments
   * move from slots base.. to 0.. and it runs there. A RETURN follows, for a callee that runs
   * outside this loop (a host or compiled function), whose results it leaves in slots 0...
   */
  static final int RETURN_CALL = 211;

  /** RETURN_CALL_INDIRECT typeId table indexSlot base: RETURN_CALL through a table. */
  static final int RETURN_CALL_INDIRECT = 212;

  /** CALL_REF ref base: call the function in reference slot ref (null traps) */
  static final int CALL_REF = 213;

  /** RETURN_CALL_REF ref base: RETURN_CALL of the function in reference slot ref */
  static final int RETURN_CALL_REF = 214;

  /** REF_AS_NON_NULL dst src: copy the reference, trapping on null */
  static final int REF_AS_NON_NULL = 215;

  /** BR_NULL ref target: jump if reference slot ref holds null */
  static final int BR_NULL = 216;

  /** BR_NON_NULL ref target: jump if reference slot ref does not hold null */
  static final int BR_NON_NULL = 217;

  /**
   * USE_MEMORY memory: the loads and stores that follow access {@code memory} instead of memory 0,
   * until the next USE_MEMORY (Wasm 3.0 multi-memory). Lowering wraps each access to another memory
   * in a pair, {@code USE_MEMORY k; access; USE_MEMORY 0}, so code using memory 0 only pays
   * nothing.
   */
  static final int USE_MEMORY = 218;

  /**
   * CLAMP_U32 dst src: an i64 address, index or count of a 64-bit memory or table (memory64) as a
   * u32, {@code 2^32-1} if it is larger ({@link dev.cortado.wasm.binary.AddressOperands} says which
   * operands, and why the 32-bit instruction that follows then behaves as the 64-bit one must).
   */
  static final int CLAMP_U32 = 219;

  /** THROW tag base: throws an exception of the tag with its values in slots base... */
  static final int THROW = 220;

  /** THROW_REF ref: throws the exception in slot ref again (traps on null) */
  static final int THROW_REF = 221;

  /**
   * GC kind operands...: a garbage collection instruction (Wasm 3.0) of {@link GcOps}' kind {@code
   * kind}, whose operands that kind lays out.
   */
  static final int GC = 222;

  /**
   * BR_CAST ref heap nullable target: jump if the reference in slot ref is of the type ({@link
   * GcOps#test}); {@code br_on_cast}.
   */
  static final int BR_CAST = 223;

  /** BR_CAST_FAIL ref heap nullable target: jump if it is not; {@code br_on_cast_fail}. */
  static final int BR_CAST_FAIL = 224;

  /**
   * ATOMIC opcode memory offset dst a b c: an atomic instruction of the threads proposal ({@code
   * opcode} the ordinal of its {@link Opcode}), run by {@link AtomicOps}; dst and the operand slots
   * it lacks are 0.
   */
  static final int ATOMIC = 225;

  /**
   * WIDE opcode lo hi a b c d: a wide arithmetic instruction ({@code opcode} the ordinal of its
   * {@link Opcode}), run by {@link WideOps}: results in slots lo and hi, operands a b c d (a
   * product's c and d are 0).
   */
  static final int WIDE = 226;

  /** The number of IR opcodes. */
  static final int COUNT = 227;

  /**
   * Returns the fused compare-and-branch taking the branch when the i32 comparison {@code compare}
   * holds ({@code negate}: when it does not), or -1 if it has none.
   */
  static int fusedBranch(int compare, boolean negate) {
    return switch (compare) {
      case I32_EQ -> negate ? BR_I32_NE : BR_I32_EQ;
      case I32_NE -> negate ? BR_I32_EQ : BR_I32_NE;
      case I32_LT_S -> negate ? BR_I32_GE_S : BR_I32_LT_S;
      case I32_LT_U -> negate ? BR_I32_GE_U : BR_I32_LT_U;
      case I32_GT_S -> negate ? BR_I32_LE_S : BR_I32_GT_S;
      case I32_GT_U -> negate ? BR_I32_LE_U : BR_I32_GT_U;
      case I32_LE_S -> negate ? BR_I32_GT_S : BR_I32_LE_S;
      case I32_LE_U -> negate ? BR_I32_GT_U : BR_I32_LE_U;
      case I32_GE_S -> negate ? BR_I32_LT_S : BR_I32_GE_S;
      case I32_GE_U -> negate ? BR_I32_LT_U : BR_I32_GE_U;
      default -> -1;
    };
  }

  /**
   * Returns the IR opcode of a Wasm numeric instruction, load or store (same name), or -1 for
   * instructions that lower differently.
   */
  static int of(Opcode op) {
    return switch (op) {
      case I32_LOAD -> I32_LOAD;
      case I64_LOAD -> I64_LOAD;
      case F32_LOAD -> F32_LOAD;
      case F64_LOAD -> F64_LOAD;
      case I32_LOAD8_S -> I32_LOAD8_S;
      case I32_LOAD8_U -> I32_LOAD8_U;
      case I32_LOAD16_S -> I32_LOAD16_S;
      case I32_LOAD16_U -> I32_LOAD16_U;
      case I64_LOAD8_S -> I64_LOAD8_S;
      case I64_LOAD8_U -> I64_LOAD8_U;
      case I64_LOAD16_S -> I64_LOAD16_S;
      case I64_LOAD16_U -> I64_LOAD16_U;
      case I64_LOAD32_S -> I64_LOAD32_S;
      case I64_LOAD32_U -> I64_LOAD32_U;
      case I32_STORE -> I32_STORE;
      case I64_STORE -> I64_STORE;
      case F32_STORE -> F32_STORE;
      case F64_STORE -> F64_STORE;
      case I32_STORE8 -> I32_STORE8;
      case I32_STORE16 -> I32_STORE16;
      case I64_STORE8 -> I64_STORE8;
      case I64_STORE16 -> I64_STORE16;
      case I64_STORE32 -> I64_STORE32;
      case I32_EQZ -> I32_EQZ;
      case I32_EQ -> I32_EQ;
      case I32_NE -> I32_NE;
      case I32_LT_S -> I32_LT_S;
      case I32_LT_U -> I32_LT_U;
      case I32_GT_S -> I32_GT_S;
      case I32_GT_U -> I32_GT_U;
      case I32_LE_S -> I32_LE_S;
      case I32_LE_U -> I32_LE_U;
      case I32_GE_S -> I32_GE_S;
      case I32_GE_U -> I32_GE_U;
      case I64_EQZ -> I64_EQZ;
      case I64_EQ -> I64_EQ;
      case I64_NE -> I64_NE;
      case I64_LT_S -> I64_LT_S;
      case I64_LT_U -> I64_LT_U;
      case I64_GT_S -> I64_GT_S;
      case I64_GT_U -> I64_GT_U;
      case I64_LE_S -> I64_LE_S;
      case I64_LE_U -> I64_LE_U;
      case I64_GE_S -> I64_GE_S;
      case I64_GE_U -> I64_GE_U;
      case F32_EQ -> F32_EQ;
      case F32_NE -> F32_NE;
      case F32_LT -> F32_LT;
      case F32_GT -> F32_GT;
      case F32_LE -> F32_LE;
      case F32_GE -> F32_GE;
      case F64_EQ -> F64_EQ;
      case F64_NE -> F64_NE;
      case F64_LT -> F64_LT;
      case F64_GT -> F64_GT;
      case F64_LE -> F64_LE;
      case F64_GE -> F64_GE;
      case I32_CLZ -> I32_CLZ;
      case I32_CTZ -> I32_CTZ;
      case I32_POPCNT -> I32_POPCNT;
      case I32_ADD -> I32_ADD;
      case I32_SUB -> I32_SUB;
      case I32_MUL -> I32_MUL;
      case I32_DIV_S -> I32_DIV_S;
      case I32_DIV_U -> I32_DIV_U;
      case I32_REM_S -> I32_REM_S;
      case I32_REM_U -> I32_REM_U;
      case I32_AND -> I32_AND;
      case I32_OR -> I32_OR;
      case I32_XOR -> I32_XOR;
      case I32_SHL -> I32_SHL;
      case I32_SHR_S -> I32_SHR_S;
      case I32_SHR_U -> I32_SHR_U;
      case I32_ROTL -> I32_ROTL;
      case I32_ROTR -> I32_ROTR;
      case I64_CLZ -> I64_CLZ;
      case I64_CTZ -> I64_CTZ;
      case I64_POPCNT -> I64_POPCNT;
      case I64_ADD -> I64_ADD;
      case I64_SUB -> I64_SUB;
      case I64_MUL -> I64_MUL;
      case I64_DIV_S -> I64_DIV_S;
      case I64_DIV_U -> I64_DIV_U;
      case I64_REM_S -> I64_REM_S;
      case I64_REM_U -> I64_REM_U;
      case I64_AND -> I64_AND;
      case I64_OR -> I64_OR;
      case I64_XOR -> I64_XOR;
      case I64_SHL -> I64_SHL;
      case I64_SHR_S -> I64_SHR_S;
      case I64_SHR_U -> I64_SHR_U;
      case I64_ROTL -> I64_ROTL;
      case I64_ROTR -> I64_ROTR;
      case F32_ABS -> F32_ABS;
      case F32_NEG -> F32_NEG;
      case F32_CEIL -> F32_CEIL;
      case F32_FLOOR -> F32_FLOOR;
      case F32_TRUNC -> F32_TRUNC;
      case F32_NEAREST -> F32_NEAREST;
      case F32_SQRT -> F32_SQRT;
      case F32_ADD -> F32_ADD;
      case F32_SUB -> F32_SUB;
      case F32_MUL -> F32_MUL;
      case F32_DIV -> F32_DIV;
      case F32_MIN -> F32_MIN;
      case F32_MAX -> F32_MAX;
      case F32_COPYSIGN -> F32_COPYSIGN;
      case F64_ABS -> F64_ABS;
      case F64_NEG -> F64_NEG;
      case F64_CEIL -> F64_CEIL;
      case F64_FLOOR -> F64_FLOOR;
      case F64_TRUNC -> F64_TRUNC;
      case F64_NEAREST -> F64_NEAREST;
      case F64_SQRT -> F64_SQRT;
      case F64_ADD -> F64_ADD;
      case F64_SUB -> F64_SUB;
      case F64_MUL -> F64_MUL;
      case F64_DIV -> F64_DIV;
      case F64_MIN -> F64_MIN;
      case F64_MAX -> F64_MAX;
      case F64_COPYSIGN -> F64_COPYSIGN;
      case I32_WRAP_I64 -> I32_WRAP_I64;
      case I32_TRUNC_F32_S -> I32_TRUNC_F32_S;
      case I32_TRUNC_F32_U -> I32_TRUNC_F32_U;
      case I32_TRUNC_F64_S -> I32_TRUNC_F64_S;
      case I32_TRUNC_F64_U -> I32_TRUNC_F64_U;
      case I64_EXTEND_I32_S -> I64_EXTEND_I32_S;
      case I64_EXTEND_I32_U -> I64_EXTEND_I32_U;
      case I64_TRUNC_F32_S -> I64_TRUNC_F32_S;
      case I64_TRUNC_F32_U -> I64_TRUNC_F32_U;
      case I64_TRUNC_F64_S -> I64_TRUNC_F64_S;
      case I64_TRUNC_F64_U -> I64_TRUNC_F64_U;
      case F32_CONVERT_I32_S -> F32_CONVERT_I32_S;
      case F32_CONVERT_I32_U -> F32_CONVERT_I32_U;
      case F32_CONVERT_I64_S -> F32_CONVERT_I64_S;
      case F32_CONVERT_I64_U -> F32_CONVERT_I64_U;
      case F32_DEMOTE_F64 -> F32_DEMOTE_F64;
      case F64_CONVERT_I32_S -> F64_CONVERT_I32_S;
      case F64_CONVERT_I32_U -> F64_CONVERT_I32_U;
      case F64_CONVERT_I64_S -> F64_CONVERT_I64_S;
      case F64_CONVERT_I64_U -> F64_CONVERT_I64_U;
      case F64_PROMOTE_F32 -> F64_PROMOTE_F32;
      case I32_REINTERPRET_F32 -> I32_REINTERPRET_F32;
      case I64_REINTERPRET_F64 -> I64_REINTERPRET_F64;
      case F32_REINTERPRET_I32 -> F32_REINTERPRET_I32;
      case F64_REINTERPRET_I64 -> F64_REINTERPRET_I64;
      case I32_EXTEND8_S -> I32_EXTEND8_S;
      case I32_EXTEND16_S -> I32_EXTEND16_S;
      case I64_EXTEND8_S -> I64_EXTEND8_S;
      case I64_EXTEND16_S -> I64_EXTEND16_S;
      case I64_EXTEND32_S -> I64_EXTEND32_S;
      case I32_TRUNC_SAT_F32_S -> I32_TRUNC_SAT_F32_S;
      case I32_TRUNC_SAT_F32_U -> I32_TRUNC_SAT_F32_U;
      case I32_TRUNC_SAT_F64_S -> I32_TRUNC_SAT_F64_S;
      case I32_TRUNC_SAT_F64_U -> I32_TRUNC_SAT_F64_U;
      case I64_TRUNC_SAT_F32_S -> I64_TRUNC_SAT_F32_S;
      case I64_TRUNC_SAT_F32_U -> I64_TRUNC_SAT_F32_U;
      case I64_TRUNC_SAT_F64_S -> I64_TRUNC_SAT_F64_S;
      case I64_TRUNC_SAT_F64_U -> I64_TRUNC_SAT_F64_U;
      default -> -1;
    };
  }
}
