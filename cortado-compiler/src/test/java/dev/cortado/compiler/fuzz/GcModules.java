package dev.cortado.compiler.fuzz;

import java.util.SplittableRandom;

/**
 * Random valid modules that use Wasm 3.0 garbage collection, which binaryen's {@code -ttf}
 * (Debian's version 108) cannot make: structs with every kind of field (packed ones too) and a
 * subtype with one more, arrays of every storage, casts and {@code br_on_cast} over an {@code
 * anyref} that holds a struct, an array, an i31 or null, {@code ref.eq}, {@code call_indirect} of a
 * subtyped function type, and v128 fields and elements in vector expressions. Each exported
 * function runs random statements that add what they read to an i64 it returns; indexes and lengths
 * are small but may be out of bounds, and references may be null, so some calls trap. One function
 * is long enough to be cut into several methods.
 */
public final class GcModules {
  private static final String TYPES =
      """
        (type $s (sub (struct (field (mut i32)) (field (mut i64)) (field (mut f32)) (field (mut f64))
          (field (mut i8)) (field (mut i16)) (field (mut (ref null $s))))))
        (type $t (sub $s (struct (field (mut i32)) (field (mut i64)) (field (mut f32))
          (field (mut f64)) (field (mut i8)) (field (mut i16)) (field (mut (ref null $s)))
          (field (mut i32)))))
        (type $ai (array (mut i32)))
        (type $ab (array (mut i8)))
        (type $ah (array (mut i16)))
        (type $al (array (mut i64)))
        (type $ad (array (mut f64)))
        (type $ar (array (mut (ref null $s))))
        (type $av (array (mut v128)))
        (type $sv (struct (field (mut v128)) (field i32)))
        (type $fn (sub (func (param i32) (result i32))))
        (type $fn2 (sub $fn (func (param i32) (result i32))))
        (func $double (type $fn2) (i32.shl (local.get 0) (i32.const 1)))
        (func $negate (type $fn) (i32.sub (i32.const 0) (local.get 0)))
        (table funcref (elem $double $negate))
      """;

  private static final String LOCALS =
      "(local $s (ref null $s)) (local $t (ref null $t)) (local $ai (ref null $ai))"
          + " (local $ab (ref null $ab)) (local $ah (ref null $ah)) (local $al (ref null $al))"
          + " (local $ad (ref null $ad)) (local $ar (ref null $ar)) (local $any anyref)"
          + " (local $av (ref null $av)) (local $sv (ref null $sv))"
          + " (local $acc i64) (local $i i32)";

  // Every local starts as an object, so that a function goes some way before a null traps.
  private static final String SETUP =
      """
          (local.set $s (struct.new $s (i32.const 1) (i64.const 2) (f32.const 3) (f64.const 4)
            (i32.const 5) (i32.const 6) (ref.null $s)))
          (local.set $t (struct.new $t (i32.const 7) (i64.const 8) (f32.const 9) (f64.const 10)
            (i32.const 11) (i32.const 12) (local.get $s) (i32.const 13)))
          (local.set $ai (array.new $ai (i32.const 3) (i32.const 8)))
          (local.set $ab (array.new_default $ab (i32.const 8)))
          (local.set $ah (array.new_fixed $ah 8 (i32.const -1) (i32.const 2) (i32.const 0x8000)
            (i32.const 4) (i32.const 0xffff) (i32.const 6) (i32.const 7) (i32.const 0x7fff)))
          (local.set $al (array.new $al (i64.const -5) (i32.const 8)))
          (local.set $ad (array.new $ad (f64.const 0.5) (i32.const 8)))
          (local.set $ar (array.new $ar (local.get $s) (i32.const 8)))
          (local.set $any (local.get $t))
          (local.set $av (array.new $av (v128.const i64x2 1 2) (i32.const 8)))
          (local.set $sv (struct.new $sv (v128.const i32x4 3 4 5 6) (i32.const 7)))
      """;

  private final SplittableRandom random;
  private final StringBuilder out = new StringBuilder();

  private GcModules(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Returns the module of {@code seed}, as text. */
  public static String module(long seed) {
    return new GcModules(seed).build();
  }

  private String build() {
    out.append("(module\n").append(TYPES);
    int functions = 3 + random.nextInt(3);
    for (int k = 0; k < functions; k++) {
      // The last function is long: cut into pieces, with objects in its frame.
      function("f" + k, k == functions - 1 ? 400 : 10 + random.nextInt(40));
    }
    return out.append(")\n").toString();
  }

  private void function(String name, int statements) {
    out.append("  (func (export \"")
        .append(name)
        .append("\") (param $p i32) (param $q i32) (result i64) ")
        .append(LOCALS)
        .append('\n')
        .append(SETUP);
    for (int k = 0; k < statements; k++) {
      out.append("    ");
      statement(2);
      out.append('\n');
    }
    out.append("    (local.get $acc))\n");
  }

  private void statement(int depth) {
    int kind = random.nextInt(depth > 0 ? 17 : 15);
    switch (kind) {
      case 0 -> {
        out.append("(local.set $s (struct.new $s ");
        fields();
        out.append(' ');
        sRef();
        out.append("))");
      }
      case 1 -> {
        out.append("(local.set $t (struct.new $t ");
        fields();
        out.append(' ');
        sRef();
        out.append(' ');
        i32(2);
        out.append("))");
      }
      case 2 -> structSet();
      case 3, 4 -> add(this::structGet);
      case 5 -> newArray();
      case 6 -> arraySet();
      case 7, 8 -> add(this::arrayGet);
      case 9 -> bulk();
      case 10 -> setAny();
      case 11 -> add(this::cast);
      case 12 -> add(this::branchOnCast);
      case 13 -> add(this::call);
      case 14 -> vectors();
      case 15 -> {
        out.append("(if ");
        i32(1);
        out.append(" (then ");
        statement(depth - 1);
        out.append("))");
      }
      default -> {
        out.append("(local.set $i (i32.const 0)) (loop $l ");
        statement(depth - 1);
        out.append(
            " (local.set $i (i32.add (local.get $i) (i32.const 1)))"
                + " (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))");
      }
    }
  }

  /** $acc += the i64 that {@code value} emits. */
  private void add(Runnable value) {
    out.append("(local.set $acc (i64.add (local.get $acc) ");
    value.run();
    out.append("))");
  }

  private void fields() {
    i32(2);
    out.append(' ');
    i64();
    out.append(' ');
    f32();
    out.append(' ');
    f64();
    out.append(' ');
    i32(2);
    out.append(' ');
    i32(2);
  }

  /** A (ref null $s): $s, $t (a subtype), or null. */
  private void sRef() {
    out.append(pick("(local.get $s)", "(local.get $t)", "(local.get $s)", "(ref.null $s)"));
  }

  private void structSet() {
    int field = random.nextInt(7);
    String target = random.nextInt(4) == 0 ? "(local.get $t)" : "(local.get $s)";
    out.append("(struct.set $s ").append(field).append(' ').append(target).append(' ');
    switch (field) {
      case 1 -> i64();
      case 2 -> f32();
      case 3 -> f64();
      case 6 -> sRef();
      default -> i32(2);
    }
    out.append(')');
  }

  private void structGet() {
    int field = random.nextInt(8);
    String s = "(local.get $s)";
    switch (field) {
      case 0 -> out.append("(i64.extend_i32_s (struct.get $s 0 ").append(s).append("))");
      case 1 -> out.append("(struct.get $s 1 ").append(s).append(')');
      case 2 ->
          out.append("(i64.extend_i32_u (i32.reinterpret_f32 (struct.get $s 2 ")
              .append(s)
              .append(")))");
      case 3 -> out.append("(i64.reinterpret_f64 (struct.get $s 3 ").append(s).append("))");
      case 4, 5 ->
          out.append("(i64.extend_i32_s (struct.get_")
              .append(pick("s", "u"))
              .append(" $s ")
              .append(field)
              .append(' ')
              .append(s)
              .append("))");
      case 6 ->
          out.append("(i64.extend_i32_u (ref.is_null (struct.get $s 6 ").append(s).append(")))");
      default -> out.append("(i64.extend_i32_s (struct.get $t 7 (local.get $t)))");
    }
  }

  private void newArray() {
    switch (random.nextInt(6)) {
      case 0 -> {
        out.append("(local.set $ai (array.new $ai ");
        i32(1);
        out.append(' ');
        length();
        out.append("))");
      }
      case 1 -> {
        out.append("(local.set $ab (array.new_fixed $ab 8");
        for (int k = 0; k < 8; k++) {
          out.append(' ');
          i32(1);
        }
        out.append("))");
      }
      case 2 -> {
        out.append("(local.set $ah (array.new_default $ah ");
        length();
        out.append("))");
      }
      case 3 -> {
        out.append("(local.set $al (array.new $al ");
        i64();
        out.append(' ');
        length();
        out.append("))");
      }
      case 4 -> {
        out.append("(local.set $ad (array.new $ad ");
        f64();
        out.append(' ');
        length();
        out.append("))");
      }
      default -> {
        out.append("(local.set $ar (array.new $ar ");
        sRef();
        out.append(' ');
        length();
        out.append("))");
      }
    }
  }

  private void arraySet() {
    String[] arrays = {"ai", "ab", "ah", "al", "ad", "ar"};
    String a = arrays[random.nextInt(arrays.length)];
    out.append("(array.set $").append(a).append(" (local.get $").append(a).append(") ");
    index();
    out.append(' ');
    switch (a) {
      case "al" -> i64();
      case "ad" -> f64();
      case "ar" -> sRef();
      default -> i32(2);
    }
    out.append(')');
  }

  private void arrayGet() {
    switch (random.nextInt(7)) {
      case 0 -> get("(i64.extend_i32_s (array.get $ai (local.get $ai) ", "))");
      case 1 ->
          get("(i64.extend_i32_s (array.get_" + pick("s", "u") + " $ab (local.get $ab) ", "))");
      case 2 ->
          get("(i64.extend_i32_u (array.get_" + pick("s", "u") + " $ah (local.get $ah) ", "))");
      case 3 -> get("(array.get $al (local.get $al) ", ")");
      case 4 -> get("(i64.reinterpret_f64 (array.get $ad (local.get $ad) ", "))");
      case 5 -> get("(i64.extend_i32_u (ref.is_null (array.get $ar (local.get $ar) ", ")))");
      default ->
          out.append("(i64.extend_i32_u (array.len (local.get $")
              .append(pick("ai", "ab", "ah", "al", "ad", "ar"))
              .append(")))");
    }
  }

  private void get(String before, String after) {
    out.append(before);
    index();
    out.append(after);
  }

  private void bulk() {
    switch (random.nextInt(3)) {
      case 0 -> {
        out.append("(array.fill $ai (local.get $ai) ");
        part();
        out.append(' ');
        i32(1);
        out.append(' ');
        part();
        out.append(')');
      }
      case 1 -> {
        out.append("(array.fill $ad (local.get $ad) ");
        part();
        out.append(' ');
        f64();
        out.append(' ');
        part();
        out.append(')');
      }
      default -> {
        String a = pick("ai", "ab", "ah", "al", "ad", "ar");
        out.append("(array.copy $").append(a).append(" $").append(a);
        out.append(" (local.get $").append(a).append(") ");
        part();
        out.append(" (local.get $").append(a).append(") ");
        part();
        out.append(' ');
        part();
        out.append(')');
      }
    }
  }

  /** A statement on v128 fields and elements: their values live in vector registers. */
  private void vectors() {
    switch (random.nextInt(6)) {
      case 0 -> {
        out.append("(array.set $av (local.get $av) ");
        index();
        out.append(' ');
        v128(2);
        out.append(')');
      }
      case 1 -> {
        out.append("(array.fill $av (local.get $av) ");
        part();
        out.append(' ');
        v128(2);
        out.append(' ');
        part();
        out.append(')');
      }
      case 2 -> {
        out.append("(local.set $av (array.new $av ");
        v128(2);
        out.append(' ');
        length();
        out.append("))");
      }
      case 3 -> {
        out.append("(local.set $sv (struct.new $sv ");
        v128(2);
        out.append(' ');
        i32(1);
        out.append("))");
      }
      default ->
          add(
              () -> {
                out.append("(i64x2.extract_lane ").append(random.nextInt(2)).append(' ');
                v128(2);
                out.append(')');
              });
    }
  }

  private void v128(int depth) {
    switch (random.nextInt(depth > 0 ? 6 : 3)) {
      case 0 ->
          out.append("(v128.const i64x2 ")
              .append(random.nextInt(-99, 99))
              .append(' ')
              .append(random.nextInt(-99, 99))
              .append(')');
      case 1 -> {
        out.append("(array.get $av (local.get $av) ");
        index();
        out.append(')');
      }
      case 2 -> out.append("(struct.get $sv 0 (local.get $sv))");
      case 3 -> {
        out.append("(i64x2.splat ");
        i64();
        out.append(')');
      }
      default -> {
        out.append(pick("(i32x4.add ", "(v128.xor ", "(i64x2.mul "));
        v128(depth - 1);
        out.append(' ');
        v128(depth - 1);
        out.append(')');
      }
    }
  }

  private void setAny() {
    out.append("(local.set $any ");
    switch (random.nextInt(6)) {
      case 0 -> out.append("(local.get $s)");
      case 1 -> out.append("(local.get $t)");
      case 2 -> out.append("(local.get $ai)");
      case 3 -> out.append("(ref.null any)");
      default -> {
        out.append("(ref.i31 ");
        i32(1);
        out.append(')');
      }
    }
    out.append(')');
  }

  private void cast() {
    switch (random.nextInt(5)) {
      case 0 ->
          out.append("(i64.extend_i32_u (ref.test ")
              .append(pick("(ref $t)", "(ref null $s)", "(ref i31)", "(ref $ai)", "(ref eq)"))
              .append(" (local.get $any)))");
      // A cast that may fail is rare; a test of the same type is not.
      case 1 ->
          out.append(
                  rarely()
                      ? "(i64.extend_i32_s (struct.get $s 0 (ref.cast "
                      : "(i64.extend_i32_u (i32.eqz (ref.test ")
              .append(pick("(ref $s)", "(ref null $t)"))
              .append(" (local.get $any))))");
      case 2 ->
          out.append(
                  rarely()
                      ? "(i64.extend_i32_s (i31.get_s (ref.cast (ref null i31)"
                      : "(i64.extend_i32_u (i32.eqz (ref.test (ref null i31)")
              .append(" (any.convert_extern (extern.convert_any (local.get $any))))))");
      case 3 ->
          out.append("(i64.extend_i32_u (ref.eq (local.get $s) ")
              .append(pick("(local.get $t)", "(local.get $s)", "(ref.null none)"))
              .append("))");
      default -> {
        out.append("(i64.extend_i32_u (ref.eq (ref.i31 ");
        i32(1);
        out.append(") (ref.i31 ");
        i32(1);
        out.append(")))");
      }
    }
  }

  private void branchOnCast() {
    if (random.nextBoolean()) {
      out.append(
          "(block $out (result i64) (i64.extend_i32_s (struct.get $t 7 (block $c (result (ref $t))"
              + " (br_on_cast $c anyref (ref $t) (local.get $any)) (drop)"
              + " (br $out (i64.const 1000))))))");
    } else {
      out.append(
          "(block $out (result i64) (drop (block $f (result anyref)"
              + " (br_on_cast_fail $f anyref (ref i31) (local.get $any))"
              + " (br $out (i64.extend_i32_s (i31.get_u))))) (i64.const 2000))");
    }
  }

  private void call() {
    String type = rarely() ? "$fn2" : "$fn";
    out.append("(i64.extend_i32_s (call_indirect (type ").append(type).append(") ");
    i32(1);
    out.append(" (i32.and ");
    i32(1);
    out.append(" (i32.const 1))))");
  }

  /** An index: inside an array of 8, rarely just outside it or far beyond. */
  private void index() {
    out.append("(i32.and ");
    i32(1);
    out.append(rarely() ? pick(" (i32.const 15))", " (i32.const -1))") : " (i32.const 7))");
  }

  /** A new array's length: 8, rarely up to 15 (or 0, so that every access overruns). */
  private void length() {
    if (!rarely()) {
      out.append("(i32.const 8)");
      return;
    }
    out.append("(i32.and ");
    i32(1);
    out.append(" (i32.const 15))");
  }

  /** A bulk operation's index or count: with another, inside an array of 8, rarely beyond. */
  private void part() {
    out.append("(i32.and ");
    i32(1);
    out.append(rarely() ? " (i32.const 15))" : " (i32.const 3))");
  }

  private boolean rarely() {
    return random.nextInt(25) == 0;
  }

  private void i32(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 4);
    switch (kind) {
      case 0 -> out.append("(local.get $p)");
      case 1 -> out.append("(local.get $q)");
      case 2 -> out.append("(i32.const ").append(random.nextInt(-300, 300)).append(')');
      case 3 -> out.append("(i32.wrap_i64 (local.get $acc))");
      case 4 -> out.append("(struct.get_s $s 5 (local.get $s))");
      case 5 -> out.append("(array.len (local.get $ai))");
      default -> {
        out.append(pick("(i32.add ", "(i32.mul ", "(i32.xor "));
        i32(depth - 1);
        out.append(' ');
        i32(depth - 1);
        out.append(')');
      }
    }
  }

  private void i64() {
    out.append(pick("(i64.extend_i32_s ", "(i64.extend_i32_u "));
    i32(1);
    out.append(')');
  }

  private void f32() {
    out.append(pick("(f32.convert_i32_s ", "(f32.reinterpret_i32 "));
    i32(1);
    out.append(')');
  }

  private void f64() {
    boolean promoted = random.nextBoolean();
    out.append(promoted ? "(f64.promote_f32 (f32.reinterpret_i32 " : "(f64.convert_i32_s ");
    i32(1);
    out.append(promoted ? "))" : ")");
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
