package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Helpers for tests of cutting functions into methods: the generated classes of a module, the size
 * of each method's code, and instances on either engine.
 */
final class MethodSizes {
  private MethodSizes() {}

  static final int HOTSPOT_HUGE_METHOD = 8_000;

  /**
   * A method of a generated class: the length of its code as the class file has it, and as the
   * compiler's {@link SizeCounter} counts it when reading the class back.
   */
  record MethodSize(String owner, String name, int size, int counted) {}

  static List<MethodSize> methods(Map<String, byte[]> classes) {
    List<MethodSize> out = new ArrayList<>();
    for (var e : classes.entrySet()) {
      Map<String, Integer> lengths = CodeLengths.of(e.getValue());
      new ClassReader(e.getValue())
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String sig, String[] ex) {
                  SizeCounter c = new SizeCounter(null);
                  return new MethodVisitor(Opcodes.ASM9, c) {
                    @Override
                    public void visitEnd() {
                      out.add(new MethodSize(e.getKey(), name, lengths.get(name + desc), c.size()));
                    }
                  };
                }
              },
              0);
    }
    return out;
  }

  /**
   * Asserts HotSpot compiles {@code m} (under 8,000 bytes) and the counter never undercounts it.
   */
  static void assertSmall(MethodSize m) {
    String method = m.owner() + "." + m.name();
    assertTrue(m.size() <= HOTSPOT_HUGE_METHOD, method + " has " + m.size() + " bytes of code");
    assertTrue(
        m.counted() >= m.size(),
        method + ": counted " + m.counted() + " of " + m.size() + " bytes");
  }

  static ModuleClasses emit(byte[] wasm) {
    ValidatedModule m = Validator.validate(ModuleDecoder.decode(wasm));
    return ModuleClasses.emit(m, "0".repeat(64));
  }

  static Instance instance(ExecutionEngine kind, byte[] wasm) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    return Linker.create().instantiate(Store.create(engine), Module.compile(engine, wasm));
  }

  static void assertEveryFunctionCompiledAndEveryMethodSmall(byte[] wasm, int functions) {
    ModuleClasses classes = emit(wasm);
    assertEquals(functions, classes.compiled().cardinality(), "functions compiled");
    int pieces = 0;
    for (MethodSize m : methods(classes.classes())) {
      assertSmall(m);
      if (m.name().matches("f\\d+_\\d+_\\d+")) {
        pieces++;
      }
    }
    assertTrue(pieces > 0, "the function was cut into pieces");
  }
}
