package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The world of a real component in WIT-like text. */
class WorldTextTest {
  @Test
  void showsInterfacesWithTheirFunctionsAndTypes() throws IOException {
    String world = WorldText.of(Component.decode(ComponentDecoderTest.fixture("hello.wasm")));
    assertTrue(
        world.contains(
            "import wasi:cli/environment@0.2.12: interface {\n"
                + "  get-arguments: func() -> list<string>;\n}"),
        world);
    // Resources, methods on them with borrowed handles, and types named where they are exported.
    assertTrue(world.contains("  resource descriptor;\n"), world);
    assertTrue(
        world.contains(
            "  [method]descriptor.stat: func(self: borrow<descriptor>)"
                + " -> result<descriptor-stat, error-code>;"),
        world);
    assertTrue(
        world.contains("  get-directories: func() -> list<tuple<descriptor, string>>;"), world);
    assertTrue(world.contains("type datetime = record { seconds: u64, nanoseconds: u32 };"), world);
    assertTrue(world.endsWith("export wasi:cli/run@0.2.12: interface;\n"), world);
  }

  @Test
  void aTypeReferringToItselfEndsInsteadOfRecursingForever() {
    byte[] types = {2, 0x70, 0x00, 0x40, 1, 1, 'x', 0x00, 0x01, 0x00};
    byte[] imports = {1, 0x00, 1, 'f', 0x01, 1};
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 7, (byte) types.length});
    b.writeBytes(types);
    b.writeBytes(new byte[] {10, (byte) imports.length});
    b.writeBytes(imports);
    String world = WorldText.of(Component.decode(dev.cortado.wasm.Bytes.of(b.toByteArray())));
    assertTrue(world.startsWith("import f: func(x: list<list<"), world);
    assertTrue(world.contains("..."), world);
  }
}
