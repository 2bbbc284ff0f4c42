package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Calls into a component's exports from Java, and from it into Java ({@link Greeter}). */
class ComponentExportsTest {
  private final List<String> logged = new ArrayList<>();

  private ComponentInstance greeter() {
    ComponentLinker linker =
        ComponentLinker.create()
            .defineFunction(
                "log",
                args -> {
                  logged.add(((ComponentValue.Str) args.get(0)).value());
                  return Optional.empty();
                });
    return linker.instantiate(
        Store.create(Engine.create()), Component.decode(Bytes.of(Greeter.binary())));
  }

  private static ComponentValue u32(long v) {
    return new ComponentValue.Int(PrimitiveType.U32, v);
  }

  @Test
  void aStringGoesInAndComesOutAndTheComponentCallsTheHostOnTheWay() {
    ComponentFunction greet = greeter().function("greet").orElseThrow();
    assertEquals(
        Optional.of(new ComponentValue.Str("hello, wörld")),
        greet.call(new ComponentValue.Str("wörld")));
    assertEquals(List.of("wörld", "hello"), logged, "the argument, then the post-return");
    assertEquals("name", greet.type().params().get(0).name());
  }

  @Test
  void aListIsLoweredIntoMemory() {
    ComponentFunction sum = greeter().function("sum").orElseThrow();
    ComponentValue xs = new ComponentValue.ListV(List.of(u32(1), u32(2), u32(0xFFFF_FFFFL)));
    assertEquals(
        Optional.of(new ComponentValue.Int(PrimitiveType.U64, 0x1_0000_0002L)), sum.call(xs));
  }

  @Test
  void aResourceTheComponentImplementsIsMadeUsedAndDropped() {
    ComponentInstance g = greeter();
    ComponentValue.Resource counter =
        (ComponentValue.Resource)
            g.function("[constructor]counter").orElseThrow().call(u32(41)).orElseThrow();
    ComponentFunction next = g.function("[method]counter.next").orElseThrow();
    assertEquals(Optional.of(u32(42)), next.call(counter));
    assertEquals(Optional.of(u32(43)), next.call(counter));
    assertEquals(List.of(), logged);
    g.drop(counter);
    assertEquals(List.of("dropped 3"), logged, "the component's destructor ran, once");
  }

  @Test
  void theHostsMistakesAreIllegalArgumentsAndTheComponentsAreTraps() {
    ComponentInstance g = greeter();
    ComponentFunction greet = g.function("greet").orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> greet.call(u32(1)));
    assertThrows(IllegalArgumentException.class, () -> greet.call());
    // A handle the component never made: its table has no such entry.
    ComponentValue.Resource counter =
        (ComponentValue.Resource)
            g.function("[constructor]counter").orElseThrow().call(u32(1)).orElseThrow();
    ComponentFunction next = g.function("[method]counter.next").orElseThrow();
    ResourceType other = ResourceType.host("counter", rep -> {});
    Trap t =
        assertThrows(
            Trap.class, () -> next.call(new ComponentValue.Resource(other, counter.rep())));
    assertEquals(TrapKind.CANONICAL_ABI, t.kind());
  }

  @Test
  void aHostFunctionTakingOtherValuesThanImportedMakesATrapNotACrash() {
    ComponentLinker linker =
        ComponentLinker.create()
            .defineFunction(
                "log",
                args -> {
                  long n = ((ComponentValue.Int) args.get(0)).value(); // log takes a string
                  return Optional.of(new ComponentValue.Int(PrimitiveType.U32, n));
                });
    ComponentInstance g =
        linker.instantiate(
            Store.create(Engine.create()), Component.decode(Bytes.of(Greeter.binary())));
    Trap t =
        assertThrows(
            Trap.class, () -> g.function("greet").orElseThrow().call(new ComponentValue.Str("x")));
    assertEquals(TrapKind.CANONICAL_ABI, t.kind());
    assertTrue(t.getMessage().contains("log was imported with a type"), t.getMessage());
  }

  @Test
  void theWorldNamesTheExports() {
    World w = World.of(Component.decode(Bytes.of(Greeter.binary())));
    assertTrue(
        w.exports().stream().map(World.Item::name).toList().contains("[method]counter.next"));
    assertEquals("log", w.imports().get(0).name());
  }
}
