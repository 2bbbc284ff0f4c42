package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding real components (built by jco, see the fixtures' build.sh) and malformed ones. */
class ComponentDecoderTest {
  static Bytes fixture(String name) throws IOException {
    try (InputStream in = ComponentDecoderTest.class.getResourceAsStream("/components/" + name)) {
      return Bytes.of(in.readAllBytes());
    }
  }

  @Test
  void decodesAWasiCommandComponent() throws IOException {
    Bytes binary = fixture("hello.wasm");
    assertTrue(Component.isComponent(binary));
    Component c = Component.decode(binary);
    List<String> imports = c.imports().stream().map(Definition.Import::name).toList();
    assertTrue(imports.contains("wasi:cli/environment@0.2.12"), imports.toString());
    assertTrue(imports.contains("wasi:filesystem/preopens@0.2.12"), imports.toString());
    assertEquals(15, imports.size(), imports.toString());
    assertEquals(
        List.of("wasi:cli/run@0.2.12"), c.exports().stream().map(Definition.Export::name).toList());
    assertInstanceOf(
        ExternDesc.Instance.class, c.imports().get(0).desc(), "an interface is an instance");
    // The program, the preview1 adapter and the two shims around them are core modules inside;
    // each decodes, and the program is the one that imports preview1.
    assertEquals(4, c.coreModules().size());
    long preview1Programs =
        c.coreModules().stream()
            .map(m -> ModuleDecoder.decode(m.binary().toArray()))
            .filter(
                m ->
                    m.imports().stream().anyMatch(i -> i.module().equals("wasi_snapshot_preview1")))
            .count();
    assertEquals(1, preview1Programs);
  }

  @Test
  void aCoreModuleIsNotAComponent() {
    Bytes module = Bytes.of(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    assertFalse(Component.isComponent(module));
    MalformedException e = assertThrows(MalformedException.class, () -> Component.decode(module));
    assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
  }

  @Test
  void everyTruncationIsMalformedNeverACrash() throws IOException {
    byte[] whole = fixture("hello.wasm").toArray();
    java.util.Set<Integer> boundaries = sectionBoundaries(whole);
    // Cut inside the preamble, then at many points through the sections: only a cut between
    // sections leaves a (smaller) well-formed component.
    for (int cut = 0; cut < whole.length; cut += cut < 64 ? 1 : 997) {
      Bytes part = Bytes.of(java.util.Arrays.copyOf(whole, cut));
      if (boundaries.contains(cut)) {
        Component.decode(part);
      } else {
        assertThrows(MalformedException.class, () -> Component.decode(part), "cut at " + cut);
      }
    }
  }

  /** Returns where sections start (and the binary ends): the preamble's end, and after each. */
  private static java.util.Set<Integer> sectionBoundaries(byte[] b) {
    java.util.Set<Integer> at = new java.util.HashSet<>();
    int p = 8;
    at.add(p);
    while (p < b.length) {
      p++; // the section id
      long size = 0;
      int shift = 0;
      int x;
      do {
        x = b[p++] & 0xFF;
        size |= (long) (x & 0x7F) << shift;
        shift += 7;
      } while ((x & 0x80) != 0);
      p += (int) size;
      at.add(p);
    }
    return at;
  }

  @Test
  void mutatedComponentsAreMalformedOrDecodeNeverACrash() throws IOException {
    byte[] whole = fixture("hello.wasm").toArray();
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 3000; round++) {
      byte[] m = whole.clone();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        // Mostly the first kilobytes, where the types and the imports are.
        int at =
            8 + random.nextInt(random.nextBoolean() ? Math.min(4096, m.length - 8) : m.length - 8);
        m[at] = (byte) random.nextInt(256);
      }
      try {
        WorldText.of(Component.decode(Bytes.of(m)));
      } catch (MalformedException expected) {
        // The one way a bad component may fail.
      }
    }
  }

  @Test
  void typesNestedTooDeeplyAreRefused() {
    // An instance type holding an instance type holding ... 200 deep.
    java.io.ByteArrayOutputStream types = new java.io.ByteArrayOutputStream();
    types.write(1);
    for (int i = 0; i < 200; i++) {
      types.writeBytes(new byte[] {0x42, 1, 1});
    }
    types.writeBytes(new byte[] {0x42, 0});
    byte[] body = types.toByteArray();
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 7});
    b.writeBytes(leb(body.length));
    b.writeBytes(body);
    MalformedException e =
        assertThrows(MalformedException.class, () -> Component.decode(Bytes.of(b.toByteArray())));
    assertTrue(e.getMessage().contains("nested more than 100 deep"), e.getMessage());
  }

  private static byte[] leb(int v) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    do {
      int x = v & 0x7F;
      v >>>= 7;
      b.write(v != 0 ? x | 0x80 : x);
    } while (v != 0);
    return b.toByteArray();
  }

  @Test
  void anErrorNamesItsSectionOnceAndATopLevelOneNoSection() {
    byte[] preamble = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};
    // A core instance section (2) of one instance whose kind byte (7) does not exist.
    byte[] badInstance = concat(preamble, new byte[] {2, 2, 1, 7});
    MalformedException e =
        assertThrows(MalformedException.class, () -> Component.decode(Bytes.of(badInstance)));
    assertTrue(e.getMessage().endsWith("in the core instance section"), e.getMessage());
    // A section longer than what is left: the error is between sections, at the top level.
    byte[] tooLong = concat(preamble, new byte[] {2, 9, 1});
    MalformedException top =
        assertThrows(MalformedException.class, () -> Component.decode(Bytes.of(tooLong)));
    assertFalse(top.getMessage().contains(" section section"), top.getMessage());
    assertFalse(top.getMessage().contains("in the component section"), top.getMessage());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void anUnknownVersionIsNamed() {
    Bytes future = Bytes.of(new byte[] {0, 'a', 's', 'm', 0x0e, 0, 1, 0});
    MalformedException e = assertThrows(MalformedException.class, () -> Component.decode(future));
    assertTrue(e.getMessage().contains("version 0xe"), e.getMessage());
  }
}
