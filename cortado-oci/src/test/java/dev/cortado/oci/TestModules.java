package dev.cortado.oci;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Wasm binaries made for tests: valid core modules with distinct content, and components. */
final class TestModules {
  private TestModules() {}

  /**
   * A valid empty core module with a custom section holding {@code payloadSize} bytes seeded by
   * {@code seed}.
   */
  static byte[] core(String seed, int payloadSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    byte[] name = ("cortado-test-" + seed).getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[payloadSize];
    new Random(seed.hashCode()).nextBytes(payload);
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    leb(section, name.length);
    section.writeBytes(name);
    section.writeBytes(payload);
    out.write(0);
    leb(out, section.size());
    out.writeBytes(section.toByteArray());
    return out.toByteArray();
  }

  /** A small core module. */
  static byte[] core(String seed) {
    return core(seed, 64);
  }

  /**
   * A component preamble with one import and one export of instance type 0 (not a valid component,
   * but encoded as the binary format says, which is what the name reader follows).
   */
  static byte[] component(String importName, String exportName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00});
    ByteArrayOutputStream imports = new ByteArrayOutputStream();
    leb(imports, 1);
    name(imports, importName);
    imports.writeBytes(new byte[] {0x05, 0x00});
    section(out, 10, imports);
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    leb(exports, 1);
    name(exports, exportName);
    exports.writeBytes(new byte[] {0x05, 0x00, 0x00});
    section(out, 11, exports);
    return out.toByteArray();
  }

  private static void name(ByteArrayOutputStream out, String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    out.write(0);
    leb(out, b.length);
    out.writeBytes(b);
  }

  private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream body) {
    out.write(id);
    leb(out, body.size());
    out.writeBytes(body.toByteArray());
  }

  private static void leb(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
