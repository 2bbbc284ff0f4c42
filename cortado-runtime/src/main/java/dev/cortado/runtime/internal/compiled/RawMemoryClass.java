package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.LazyLogger;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes and defines the {@link RawMemory} implementation: a hidden class in this package whose
 * methods call {@link MemoryAccess#at} and then {@code jdk.internal.misc.Unsafe}, which the runtime
 * can name only at run time (Cortado is compiled for Java 21 with {@code --release}, which keeps
 * internal packages out of reach). Every method is straight-line code (the checks are in {@code
 * at}), so the class needs no stack map frames and its bytes are written here directly: the runtime
 * does not depend on ASM, and an application running precompiled code has no compiler on its class
 * path.
 */
final class RawMemoryClass {
  /** The system property that turns the raw accesses off when {@code false}. */
  static final String PROPERTY = "cortado.rawMemory";

  private static final System.Logger LOG = LazyLogger.of(RawMemoryClass.class);
  private static final String UNSAFE = "jdk/internal/misc/Unsafe";
  private static final String NAME = "dev/cortado/runtime/internal/compiled/RawMemoryImpl";
  private static final String AT = "dev/cortado/runtime/internal/compiled/MemoryAccess";
  private static final String OWNER = "dev/cortado/runtime/internal/compiled/RawMemoryClass";
  private static final String GET = "(Ljava/lang/Object;JZ)";
  private static final String PUT = "(Ljava/lang/Object;J";

  // Set by the defined class's static initializer, read (under load's lock) right after it.
  static RawMemory created;
  static int scale;

  private RawMemoryClass() {}

  /**
   * Returns the implementation, or null where {@code java.base} does not export {@code
   * jdk.internal.misc} to this module, its arrays are not laid out as expected, or {@value
   * #PROPERTY} is {@code false}.
   */
  static RawMemory load() {
    return load(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Returns the implementation as {@link #load()} does, its unaligned accesses called without the
   * byte order argument if {@code withoutOrderArgument} (right on a little-endian host only).
   */
  static synchronized RawMemory load(boolean withoutOrderArgument) {
    if ("false".equals(System.getProperty(PROPERTY))) {
      return null;
    }
    try {
      Module runtime = RawMemoryClass.class.getModule();
      if (!Object.class.getModule().isExported("jdk.internal.misc", runtime)) {
        return null;
      }
      // arrayBaseOffset returns an int up to JDK 24 and a long after: the class calls either.
      Class<?> baseType =
          Class.forName("jdk.internal.misc.Unsafe")
              .getMethod("arrayBaseOffset", Class.class)
              .getReturnType();
      created = null;
      scale = 0;
      // Initialized as it is defined, the class hands its instance and the arrays' index scale
      // over through this class's fields: no reflective call, whose method handles would cost a
      // start a dozen generated classes and the JIT time to compile the JDK code that spins them.
      MethodHandles.lookup()
          .defineHiddenClass(write(baseType == long.class, withoutOrderArgument), true);
      RawMemory made = created;
      created = null;
      return scale == 1 ? made : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // Exported, yet not usable: a JDK whose Unsafe differs. The VarHandles serve, as without the
      // export, and the log says why the accesses are slower than they could be.
      LOG.log(
          System.Logger.Level.WARNING,
          "compiled memory accesses use VarHandles: jdk.internal.misc.Unsafe is exported but"
              + " unusable ("
              + e
              + ")");
      return null;
    }
  }

  /**
   * Returns the class file of the implementation, for a JDK whose {@code Unsafe.arrayBaseOffset}
   * returns a long if {@code longBase}, else an int; its unaligned accesses called without the byte
   * order argument if {@code withoutOrderArgument}.
   */
  static byte[] write(boolean longBase, boolean withoutOrderArgument) {
    Writer w = new Writer(longBase, withoutOrderArgument);
    w.load("i32Load", "I", 4, "getIntUnaligned", GET + "I", IRETURN);
    w.load("i64Load", "J", 8, "getLongUnaligned", GET + "J", LRETURN);
    w.load("f32Load", "F", 4, "getIntUnaligned", GET + "I", FRETURN, INT_BITS_TO_FLOAT);
    w.load("f64Load", "D", 8, "getLongUnaligned", GET + "J", DRETURN, LONG_BITS_TO_DOUBLE);
    w.load("i32Load8S", "I", 1, "getByte", "(Ljava/lang/Object;J)B", IRETURN);
    w.load("i32Load8U", "I", 1, "getByte", "(Ljava/lang/Object;J)B", IRETURN, MASK_BYTE);
    w.load("i32Load16S", "I", 2, "getShortUnaligned", GET + "S", IRETURN);
    w.load("i32Load16U", "I", 2, "getShortUnaligned", GET + "S", IRETURN, I2C);
    w.load("i64Load8S", "J", 1, "getByte", "(Ljava/lang/Object;J)B", LRETURN, I2L);
    w.load("i64Load8U", "J", 1, "getByte", "(Ljava/lang/Object;J)B", LRETURN, MASK_BYTE, I2L);
    w.load("i64Load16S", "J", 2, "getShortUnaligned", GET + "S", LRETURN, I2L);
    w.load("i64Load16U", "J", 2, "getShortUnaligned", GET + "S", LRETURN, I2C, I2L);
    w.load("i64Load32S", "J", 4, "getIntUnaligned", GET + "I", LRETURN, I2L);
    w.load("i64Load32U", "J", 4, "getIntUnaligned", GET + "I", LRETURN, I2L, MASK_INT);
    w.store("i32Store", "I", 4, "putIntUnaligned", PUT + "IZ)V");
    w.store("i64Store", "J", 8, "putLongUnaligned", PUT + "JZ)V");
    w.store("f32Store", "F", 4, "putIntUnaligned", PUT + "IZ)V", FLOAT_TO_BITS);
    w.store("f64Store", "D", 8, "putLongUnaligned", PUT + "JZ)V", DOUBLE_TO_BITS);
    w.store("i32Store8", "I", 1, "putByte", PUT + "B)V", I2B);
    w.store("i32Store16", "I", 2, "putShortUnaligned", PUT + "SZ)V", I2S);
    w.store("i64Store8", "J", 1, "putByte", PUT + "B)V", L2I, I2B);
    w.store("i64Store16", "J", 2, "putShortUnaligned", PUT + "SZ)V", L2I, I2S);
    w.store("i64Store32", "J", 4, "putIntUnaligned", PUT + "IZ)V", L2I);
    return w.toBytes();
  }

  // Instructions, and conversions named by what they do; each is one or more bytecodes, the calls
  // resolved by the writer.
  private static final int IRETURN = 0xac;
  private static final int LRETURN = 0xad;
  private static final int FRETURN = 0xae;
  private static final int DRETURN = 0xaf;
  private static final int I2L = 0x85;
  private static final int L2I = 0x88;
  private static final int I2B = 0x91;
  private static final int I2C = 0x92;
  private static final int I2S = 0x93;
  private static final int MASK_BYTE = -1; // sipush 255, iand
  private static final int MASK_INT = -2; // ldc2_w 0xFFFFFFFF, land
  private static final int INT_BITS_TO_FLOAT = -3; // Float.intBitsToFloat
  private static final int LONG_BITS_TO_DOUBLE = -4; // Double.longBitsToDouble
  private static final int FLOAT_TO_BITS = -5; // Float.floatToRawIntBits
  private static final int DOUBLE_TO_BITS = -6; // Double.doubleToRawLongBits

  /**
   * A class file of straight-line methods (the accesses, a constructor and a static initializer)
   * and two static fields, its constant pool built as they are written.
   */
  private static final class Writer {
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolData = new DataOutputStream(pool);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;
    private final ByteArrayOutputStream methods = new ByteArrayOutputStream();
    private final DataOutputStream methodData = new DataOutputStream(methods);
    private int methodCount;
    private final int base;
    private final int unsafe;
    private final int at;
    private final boolean withoutOrderArgument;

    Writer(boolean longBase, boolean withoutOrderArgument) {
      this.withoutOrderArgument = withoutOrderArgument;
      this.base = fieldRef(NAME, "BASE", "J");
      this.unsafe = fieldRef(NAME, "U", "L" + UNSAFE + ";");
      this.at = methodRef(AT, "at", "(IIII)I");
      // The constructor: Object's.
      Code c = new Code();
      c.op(0x2a); // aload_0
      c.op(0xb7).u2(methodRef("java/lang/Object", "<init>", "()V")); // invokespecial
      c.op(0xb1); // return
      method(0x0001, "<init>", "()V", 1, 1, c);
      // The static initializer: U, the Unsafe, and BASE, the arrays' first byte's offset (constants
      // to the JIT, as static finals), then the index scale and an instance, handed to
      // RawMemoryClass.
      int byteArray = classRef("[B");
      Code init = new Code();
      init.op(0xb8).u2(methodRef(UNSAFE, "getUnsafe", "()L" + UNSAFE + ";")); // invokestatic
      init.op(0x59); // dup
      init.op(0xb3).u2(unsafe); // putstatic
      init.op(0x59); // dup
      init.op(0x13).u2(byteArray); // ldc_w
      init.op(0xb6)
          .u2(methodRef(UNSAFE, "arrayBaseOffset", "(Ljava/lang/Class;)" + (longBase ? "J" : "I")));
      if (!longBase) {
        init.op(I2L);
      }
      init.op(0xb3).u2(base); // putstatic
      init.op(0x13).u2(byteArray);
      init.op(0xb6).u2(methodRef(UNSAFE, "arrayIndexScale", "(Ljava/lang/Class;)I"));
      init.op(0xb3).u2(fieldRef(OWNER, "scale", "I"));
      init.op(0xbb).u2(classRef(NAME)); // new
      init.op(0x59); // dup
      init.op(0xb7).u2(methodRef(NAME, "<init>", "()V")); // invokespecial
      init.op(0xb3)
          .u2(fieldRef(OWNER, "created", "Ldev/cortado/runtime/internal/compiled/RawMemory;"));
      init.op(0xb1); // return
      method(0x0008, "<clinit>", "()V", 3, 0, init);
    }

    /**
     * A load of {@code size} bytes: {@code (this, address, offset, mem, memSize)}, the value read
     * by {@code unsafeMethod} then converted by {@code conversions}.
     */
    void load(
        String name,
        String result,
        int size,
        String unsafeMethod,
        String unsafeDescriptor,
        int returnOp,
        int... conversions) {
      Code c = new Code();
      address(c, 1, 2, 3, 4, size);
      endianness(c, called(unsafeDescriptor));
      c.op(0xb6).u2(methodRef(UNSAFE, unsafeMethod, called(unsafeDescriptor))); // invokevirtual
      for (int k : conversions) {
        convert(c, k);
      }
      c.op(returnOp);
      method(0x0001, name, "(II[BI)" + result, 8, 5, c);
    }

    /**
     * A store of {@code size} bytes: {@code (this, address, value, offset, mem, memSize)}, the
     * value converted by {@code conversions} and written by {@code unsafeMethod}.
     */
    void store(
        String name,
        String type,
        int size,
        String unsafeMethod,
        String unsafeDescriptor,
        int... conversions) {
      boolean wide = type.equals("J") || type.equals("D");
      int offset = wide ? 4 : 3;
      Code c = new Code();
      address(c, 1, offset, offset + 1, offset + 2, size);
      c.op(
          switch (type) { // load the value
            case "I" -> 0x15; // iload
            case "J" -> 0x16; // lload
            case "F" -> 0x17; // fload
            default -> 0x18; // dload
          });
      c.u1(2);
      for (int k : conversions) {
        convert(c, k);
      }
      endianness(c, called(unsafeDescriptor));
      c.op(0xb6).u2(methodRef(UNSAFE, unsafeMethod, called(unsafeDescriptor))); // invokevirtual
      c.op(0xb1); // return
      method(0x0001, name, "(I" + type + "I[BI)V", 8, offset + 3, c);
    }

    /**
     * The unaligned access's descriptor as called: on a little-endian host the one without the byte
     * order argument, which would only be tested and dropped (a call fewer, each access, while
     * HotSpot's bytecode interpreter runs the code); else the one that takes it.
     */
    private String called(String unsafeDescriptor) {
      return withoutOrderArgument ? unsafeDescriptor.replace("Z)", ")") : unsafeDescriptor;
    }

    // The last argument of the unaligned accesses, where called with one: little-endian.
    private static void endianness(Code c, String calledDescriptor) {
      if (calledDescriptor.contains("Z)")) {
        c.op(0x03); // iconst_0
      }
    }

    // Pushes the Unsafe, the array and the checked address as the array's offset.
    private void address(Code c, int address, int offset, int mem, int memSize, int size) {
      c.op(0xb2).u2(unsafe); // getstatic
      c.op(0x19).u1(mem); // aload
      c.op(0xb2).u2(base); // getstatic
      c.op(0x15).u1(address); // iload
      c.op(0x15).u1(offset);
      c.op(0x10).u1(size); // bipush
      c.op(0x15).u1(memSize);
      c.op(0xb8).u2(at); // invokestatic
      c.op(I2L);
      c.op(0x61); // ladd
    }

    private void convert(Code c, int k) {
      switch (k) {
        case MASK_BYTE -> c.op(0x11).u2(0xFF).op(0x7e); // sipush 255, iand
        case MASK_INT -> c.op(0x14).u2(longConstant(0xFFFF_FFFFL)).op(0x7f); // ldc2_w, land
        case INT_BITS_TO_FLOAT ->
            c.op(0xb8).u2(methodRef("java/lang/Float", "intBitsToFloat", "(I)F"));
        case LONG_BITS_TO_DOUBLE ->
            c.op(0xb8).u2(methodRef("java/lang/Double", "longBitsToDouble", "(J)D"));
        case FLOAT_TO_BITS ->
            c.op(0xb8).u2(methodRef("java/lang/Float", "floatToRawIntBits", "(F)I"));
        case DOUBLE_TO_BITS ->
            c.op(0xb8).u2(methodRef("java/lang/Double", "doubleToRawLongBits", "(D)J"));
        default -> c.op(k);
      }
    }

    private void method(
        int access, String name, String descriptor, int maxStack, int maxLocals, Code c) {
      try {
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        int codeIndex = utf8("Code");
        byte[] code = c.bytes();
        methodData.writeShort(access);
        methodData.writeShort(nameIndex);
        methodData.writeShort(descriptorIndex);
        methodData.writeShort(1); // one attribute: Code
        methodData.writeShort(codeIndex);
        methodData.writeInt(12 + code.length);
        methodData.writeShort(maxStack);
        methodData.writeShort(maxLocals);
        methodData.writeInt(code.length);
        methodData.write(code);
        methodData.writeShort(0); // no exception handlers
        methodData.writeShort(0); // no attributes
        methodCount++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] toBytes() {
      try {
        int thisClass = classRef(NAME);
        int superClass = classRef("java/lang/Object");
        int iface = classRef("dev/cortado/runtime/internal/compiled/RawMemory");
        int baseName = utf8("BASE");
        int baseType = utf8("J");
        int unsafeName = utf8("U");
        int unsafeType = utf8("L" + UNSAFE + ";");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(0xCAFEBABE);
        data.writeShort(0);
        data.writeShort(65); // Java 21
        data.writeShort(poolCount);
        pool.writeTo(out);
        data.writeShort(0x0031); // public final super
        data.writeShort(thisClass);
        data.writeShort(superClass);
        data.writeShort(1);
        data.writeShort(iface);
        // Two fields, private static final: long BASE and Unsafe U.
        data.writeShort(2);
        for (int[] field : new int[][] {{baseName, baseType}, {unsafeName, unsafeType}}) {
          data.writeShort(0x001a);
          data.writeShort(field[0]);
          data.writeShort(field[1]);
          data.writeShort(0); // no attributes
        }
        data.writeShort(methodCount);
        methods.writeTo(out);
        data.writeShort(0); // no attributes
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private int utf8(String s) {
      return add(
          "U" + s,
          1,
          d -> {
            d.writeByte(1);
            d.writeUTF(s);
          });
    }

    private int classRef(String name) {
      int nameIndex = utf8(name);
      return entry("C" + name, 7, nameIndex, -1);
    }

    private int fieldRef(String owner, String name, String descriptor) {
      return memberRef(9, owner, name, descriptor);
    }

    private int methodRef(String owner, String name, String descriptor) {
      return memberRef(10, owner, name, descriptor);
    }

    private int memberRef(int tag, String owner, String name, String descriptor) {
      int ownerIndex = classRef(owner);
      int nameIndex = utf8(name);
      int descriptorIndex = utf8(descriptor);
      int nameAndType = entry("N" + name + descriptor, 12, nameIndex, descriptorIndex);
      return entry(tag + owner + "." + name + descriptor, tag, ownerIndex, nameAndType);
    }

    private int longConstant(long value) {
      return add(
          "J" + value,
          2,
          d -> { // a long takes two entries
            d.writeByte(5);
            d.writeLong(value);
          });
    }

    // An entry of one or two u2 indexes (-1: none).
    private int entry(String key, int tag, int first, int second) {
      return add(
          key,
          1,
          d -> {
            d.writeByte(tag);
            d.writeShort(first);
            if (second >= 0) {
              d.writeShort(second);
            }
          });
    }

    // The pool's entry named key, written by write (taking slots indexes) unless already there.
    private int add(String key, int slots, PoolWrite write) {
      Integer known = entries.get(key);
      if (known != null) {
        return known;
      }
      try {
        write.to(poolData);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int index = poolCount;
      entries.put(key, index);
      poolCount += slots;
      return index;
    }
  }

  /** Writes one constant pool entry. */
  private interface PoolWrite {
    void to(DataOutputStream out) throws IOException;
  }

  /** Bytecode being written. */
  private static final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Code op(int opcode) {
      out.write(opcode);
      return this;
    }

    Code u1(int value) {
      out.write(value);
      return this;
    }

    Code u2(int value) {
      out.write(value >>> 8);
      out.write(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
