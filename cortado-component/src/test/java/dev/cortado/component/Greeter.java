package dev.cortado.component;

import static dev.cortado.component.ComponentWriter.bytes;
import static dev.cortado.component.ComponentWriter.name;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;

/**
 * A component written by hand for tests: it imports {@code log: func(msg: string)} and exports
 * {@code greet: func(name: string) -> string} (which logs its argument, and its post-return logs
 * "hello"), {@code sum: func(xs: list<u32>) -> u64}, and a resource {@code counter} with a
 * constructor, a method and a core destructor.
 */
public final class Greeter {
  private Greeter() {}

  /** The destructor: it logs "dropped N", N the counter's value. */
  private static final String DTOR =
      """
      (module
        (import "mem" "memory" (memory 1))
        (import "host" "log" (func $log (param i32 i32)))
        (data (i32.const 32) "dropped ")
        (func (export "dtor") (param $cell i32)
          (i32.store8 (i32.const 40) (i32.add (i32.const 48) (i32.rem_u (i32.load (local.get $cell)) (i32.const 10))))
          (call $log (i32.const 32) (i32.const 9))))
      """;

  /**
   * The memory and a bump allocator, which {@code reset} empties: the post-returns free all a call
   * allocated, so that calls can go on for ever (counters live in a region of their own).
   */
  private static final String MEMORY =
      """
      (module
        (memory (export "memory") 1)
        (global $bump (mut i32) (i32.const 1024))
        (func (export "cabi_realloc") (param $old i32) (param $oldSize i32) (param $align i32)
            (param $new i32) (result i32)
          (local $p i32)
          (local.set $p (i32.and
            (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
            (i32.sub (i32.const 0) (local.get $align))))
          (global.set $bump (i32.add (local.get $p) (local.get $new)))
          (if (local.get $oldSize)
            (then (memory.copy (local.get $p) (local.get $old) (local.get $oldSize))))
          (local.get $p))
        (func (export "reset") (global.set $bump (i32.const 1024))))
      """;

  private static final String MAIN =
      """
      (module
        (import "mem" "memory" (memory 1))
        (import "mem" "cabi_realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
        (import "host" "log" (func $log (param i32 i32)))
        (import "res" "new" (func $new (param i32) (result i32)))
        (import "mem" "reset" (func $reset))
        (global $cells (mut i32) (i32.const 256))
        (data (i32.const 16) "hello, ")
        (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
          (local $out i32) (local $ret i32)
          (call $log (local.get $ptr) (local.get $len))
          (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1)
            (i32.add (local.get $len) (i32.const 7))))
          (memory.copy (local.get $out) (i32.const 16) (i32.const 7))
          (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
          (local.set $ret (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 8)))
          (i32.store (local.get $ret) (local.get $out))
          (i32.store offset=4 (local.get $ret) (i32.add (local.get $len) (i32.const 7)))
          (local.get $ret))
        (func (export "greet-post") (param i32)
          (call $log (i32.const 16) (i32.const 5))
          (call $reset))
        (func (export "sum-post") (param i64)
          (call $reset))
        (func (export "sum") (param $ptr i32) (param $len i32) (result i64)
          (local $acc i64)
          (block $done (loop $l
            (br_if $done (i32.eqz (local.get $len)))
            (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (i32.load (local.get $ptr)))))
            (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
            (local.set $len (i32.sub (local.get $len) (i32.const 1)))
            (br $l)))
          (local.get $acc))
        (func (export "counter-new") (param $start i32) (result i32)
          (local $cell i32)
          (local.set $cell (global.get $cells))
          (global.set $cells (i32.add (global.get $cells) (i32.const 4)))
          (i32.store (local.get $cell) (local.get $start))
          (call $new (local.get $cell)))
        (func (export "counter-next") (param $self i32) (result i32)
          (i32.store (local.get $self) (i32.add (i32.load (local.get $self)) (i32.const 1)))
          (i32.load (local.get $self))))
      """;

  private static byte[] module(String wat) {
    return ModuleEncoder.encode(TextParser.parseModule(wat));
  }

  private static final int STRING = 0x73;
  private static final int U32 = 0x79;
  private static final int U64 = 0x77;

  /** Returns the component's binary. */
  public static byte[] binary() {
    ComponentWriter w = new ComponentWriter();
    w.raw(1, module(DTOR)); // core module 0
    w.raw(1, module(MEMORY)); // core module 1
    w.raw(1, module(MAIN)); // core module 2
    w.section(2, bytes(0x00, 1, 0)); // core instance 0: the memory
    w.section(
        6,
        bytes(0x00, 0x02, 0x01, 0, name("memory")), // core memory 0
        bytes(0x00, 0x00, 0x01, 0, name("cabi_realloc"))); // core func 0
    w.section(7, bytes(0x40, 1, name("msg"), STRING, 0x01, 0)); // type 0: func(msg: string)
    w.section(10, bytes(0x00, name("log"), 0x01, 0)); // func 0: import "log"
    w.section(8, bytes(0x01, 0x00, 0, 2, 0x03, 0, 0x00)); // core func 1: lower log, utf8
    w.section(
        2,
        bytes(0x01, 1, name("log"), 0x00, 1), // core instance 1: {log}
        bytes(0x00, 0, 2, name("mem"), 0x12, 0, name("host"), 0x12, 1)); // 2: the destructor
    w.section(6, bytes(0x00, 0x00, 0x01, 2, name("dtor"))); // core func 2
    w.section(7, bytes(0x3F, 0x7F, 0x01, 2)); // type 1: resource (rep i32) (dtor (core func 2))
    w.section(8, bytes(0x02, 1)); // core func 3: resource.new type 1
    w.section(
        2,
        bytes(0x01, 1, name("new"), 0x00, 3), // core instance 3: {new}
        bytes(0x00, 2, 3, name("mem"), 0x12, 0, name("host"), 0x12, 1, name("res"), 0x12, 3));
    w.section(
        6,
        bytes(0x00, 0x00, 0x01, 4, name("greet")), // core func 4
        bytes(0x00, 0x00, 0x01, 4, name("greet-post")), // core func 5
        bytes(0x00, 0x00, 0x01, 4, name("sum")), // core func 6
        bytes(0x00, 0x00, 0x01, 4, name("counter-new")), // core func 7
        bytes(0x00, 0x00, 0x01, 4, name("counter-next")), // core func 8
        bytes(0x00, 0x00, 0x01, 4, name("sum-post"))); // core func 9
    w.section(
        7,
        bytes(0x40, 1, name("name"), STRING, 0x00, STRING), // type 2
        bytes(0x70, U32), // type 3: list<u32>
        bytes(0x40, 1, name("xs"), 3, 0x00, U64), // type 4
        bytes(0x69, 1), // type 5: own<counter>
        bytes(0x40, 1, name("start"), U32, 0x00, 5), // type 6
        bytes(0x68, 1), // type 7: borrow<counter>
        bytes(0x40, 1, name("self"), 7, 0x00, U32)); // type 8
    w.section(
        8,
        bytes(0x00, 0x00, 4, 3, 0x03, 0, 0x04, 0, 0x05, 5, 2), // func 1: greet
        bytes(0x00, 0x00, 6, 3, 0x03, 0, 0x04, 0, 0x05, 9, 4), // func 2: sum
        bytes(0x00, 0x00, 7, 0, 6), // func 3: counter constructor
        bytes(0x00, 0x00, 8, 0, 8)); // func 4: counter.next
    w.section(
        11,
        bytes(0x00, name("counter"), 0x03, 1, 0x00),
        bytes(0x00, name("greet"), 0x01, 1, 0x00),
        bytes(0x00, name("sum"), 0x01, 2, 0x00),
        bytes(0x00, name("[constructor]counter"), 0x01, 3, 0x00),
        bytes(0x00, name("[method]counter.next"), 0x01, 4, 0x00));
    return w.toBytes();
  }
}
