package dev.cortado.runtime.internal.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HotSpot does not JIT-compile methods of more than 8000 bytes of bytecode ({@code
 * -XX:-DontCompileHugeMethods}); an interpreter whose dispatch loop stays interpreted is many times
 * slower. This reads the class files and checks the hot methods stay below it.
 */
class DispatchSizeTest {
  private static final int HUGE_METHOD_LIMIT = 8000;

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
    "Interpreter, run",
    "ColdOps, execute",
    "ColdOps, unary",
    "ColdOps, binary",
    "MemoryOps, execute",
    "SimdOps, integerArithmetic",
    "SimdOps, otherArithmetic",
    "SimdOps, lanes",
    "SimdOps, memory",
  })
  void hotMethodsStayBelowTheHugeMethodLimit(String className, String method) throws IOException {
    int size = codeLength(classFor(className), method);
    assertTrue(size > 0, "method not found");
    assertTrue(
        size < HUGE_METHOD_LIMIT,
        className + "." + method + " has " + size + " bytes of bytecode; split it");
    System.out.println(className + "." + method + ": " + size + " bytes");
  }

  private static Class<?> classFor(String simpleName) {
    try {
      return Class.forName(DispatchSizeTest.class.getPackageName() + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Returns the code length of the (first) method named {@code name}, or -1. */
  static int codeLength(Class<?> c, String name) throws IOException {
    try (InputStream raw = c.getResourceAsStream(c.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      Map<Integer, String> utf8 = new HashMap<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8.put(i, in.readUTF());
          case 3, 4 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // longs and doubles take two entries
          }
          case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
          case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 15 -> in.skipNBytes(3);
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      in.skipNBytes(6); // access, this, super
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      skipMembers(in); // fields
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        in.skipNBytes(2);
        String methodName = utf8.get(in.readUnsignedShort());
        in.skipNBytes(2);
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attr = utf8.get(in.readUnsignedShort());
          int length = in.readInt();
          if (attr.equals("Code") && methodName.equals(name)) {
            in.skipNBytes(4); // max stack, max locals
            return in.readInt();
          }
          in.skipNBytes(length);
        }
      }
      return -1;
    }
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipNBytes(6);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.skipNBytes(2);
        in.skipNBytes(in.readInt());
      }
    }
  }
}
