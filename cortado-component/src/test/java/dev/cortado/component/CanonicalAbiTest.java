package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The canonical ABI's layout, against the rules of CanonicalABI.md and the WASI 0.2 functions of a
 * real component.
 */
class CanonicalAbiTest {
  private static final Optional<String> NONE = Optional.empty();

  private static Shape p(PrimitiveType t) {
    return new Shape.Primitive(t, NONE);
  }

  @Test
  void primitivesStringsAndListsHaveTheirSizes() {
    assertEquals(1, CanonicalAbi.size(p(PrimitiveType.BOOL)));
    assertEquals(8, CanonicalAbi.size(p(PrimitiveType.U64)));
    assertEquals(8, CanonicalAbi.size(p(PrimitiveType.STRING)));
    assertEquals(4, CanonicalAbi.alignment(p(PrimitiveType.STRING)));
    assertEquals(List.of(ValType.I32, ValType.I32), CanonicalAbi.flatten(p(PrimitiveType.STRING)));
    Shape fixed = new Shape.ListOf(p(PrimitiveType.U16), 3, NONE);
    assertEquals(6, CanonicalAbi.size(fixed));
    assertEquals(2, CanonicalAbi.alignment(fixed));
  }

  @Test
  void recordsPadToTheirAlignment() {
    // record { a: u8, b: u32, c: u8 }: 0, 4, 8 -> 9 bytes, padded to 12.
    Shape r =
        new Shape.Record(
            List.of(
                new Shape.Field("a", p(PrimitiveType.U8)),
                new Shape.Field("b", p(PrimitiveType.U32)),
                new Shape.Field("c", p(PrimitiveType.U8))),
            NONE);
    assertEquals(12, CanonicalAbi.size(r));
    assertEquals(4, CanonicalAbi.alignment(r));
  }

  @Test
  void variantsJoinTheirCasesFlatTypes() {
    // result<u64, f32>: discriminant, then i64 joined with f32 -> i64; 16 bytes.
    Shape r =
        new Shape.Result(
            Optional.of(p(PrimitiveType.U64)), Optional.of(p(PrimitiveType.F32)), NONE);
    assertEquals(List.of(ValType.I32, ValType.I64), CanonicalAbi.flatten(r));
    assertEquals(16, CanonicalAbi.size(r));
    // option<f32> or u32: i32 and f32 join to i32.
    Shape v =
        new Shape.Variant(
            List.of(
                new Shape.Case("a", Optional.of(p(PrimitiveType.F32))),
                new Shape.Case("b", Optional.of(p(PrimitiveType.U32)))),
            NONE);
    assertEquals(List.of(ValType.I32, ValType.I32), CanonicalAbi.flatten(v));
    Shape flags = new Shape.Flags(java.util.Collections.nCopies(33, "f"), NONE);
    assertEquals(8, CanonicalAbi.size(flags));
    assertEquals(List.of(ValType.I32, ValType.I32), CanonicalAbi.flatten(flags));
  }

  @Test
  void wasiFunctionsFlattenAsTheirCoreImportsDo() throws IOException {
    World world = World.of(Component.decode(ComponentDecoderTest.fixture("hello.wasm")));
    World.Function stat =
        function(world, "wasi:filesystem/types@0.2.12", "[method]descriptor.stat");
    // self, then a pointer where the result<descriptor-stat, error-code> is written.
    assertEquals(
        FuncType.of(List.of(ValType.I32, ValType.I32), List.of()),
        CanonicalAbi.flatten(stat, false));
    World.Function write = function(world, "wasi:io/streams@0.2.12", "[method]output-stream.write");
    assertEquals(
        FuncType.of(List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of()),
        CanonicalAbi.flatten(write, false));
    World.Function args = function(world, "wasi:cli/environment@0.2.12", "get-arguments");
    assertEquals(FuncType.of(List.of(ValType.I32), List.of()), CanonicalAbi.flatten(args, false));
    assertEquals(FuncType.of(List.of(), List.of(ValType.I32)), CanonicalAbi.flatten(args, true));
  }

  @Test
  void everyLoweredWasiFunctionMatchesTheCoreImportThatCallsIt() throws IOException {
    Component c = Component.decode(ComponentDecoderTest.fixture("hello.wasm"));
    World world = World.of(c);
    int checked = 0;
    for (Definition.CoreModule m : c.coreModules()) {
      dev.cortado.wasm.WasmModule module =
          dev.cortado.wasm.binary.ModuleDecoder.decode(m.binary().toArray());
      for (dev.cortado.wasm.Import i : module.imports()) {
        if (!(i.desc() instanceof dev.cortado.wasm.ImportDesc.Func f)) {
          continue;
        }
        Optional<World.Function> fn = find(world, i.module(), i.name());
        if (fn.isPresent()) {
          FuncType core = (FuncType) module.types().get(f.typeIndex()).composite();
          assertEquals(core, CanonicalAbi.flatten(fn.get(), false), i.module() + " " + i.name());
          checked++;
        }
      }
    }
    // The preview1 adapter imports 18 WASI 0.2 functions.
    assertTrue(checked >= 15, "only " + checked + " imports checked");
  }

  private static Optional<World.Function> find(World world, String iface, String name) {
    return world.imports().stream()
        .filter(i -> i.name().equals(iface))
        .flatMap(i -> i.members().stream())
        .filter(m -> m instanceof World.Function f && f.name().equals(name))
        .map(World.Function.class::cast)
        .findFirst();
  }

  @Test
  void anUnresolvedTypeCannotBeLaidOut() {
    Shape bad = new Shape.Option(new Shape.Unresolved("a bad index", NONE), NONE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CanonicalAbi.size(bad));
    assertTrue(e.getMessage().contains("a bad index"), e.getMessage());
  }

  private static World.Function function(World world, String iface, String name) {
    return find(world, iface, name).orElseThrow();
  }
}
