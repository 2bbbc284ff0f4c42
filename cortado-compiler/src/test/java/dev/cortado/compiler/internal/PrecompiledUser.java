package dev.cortado.compiler.internal;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.internal.compiled.Precompiled;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An application for {@link PrecompiledJarTest}, run in a JVM whose class path has the runtime and
 * a precompiled jar but neither the compiler nor ASM: compiles a module with the compiler engine
 * and prints what it computes and whether precompiled code ran it. Uses nothing of the test's
 * libraries.
 */
public final class PrecompiledUser {
  private PrecompiledUser() {}

  /** {@code PrecompiledUser MODULE.wasm}. */
  public static void main(String[] args) throws Exception {
    boolean asm = present("org.objectweb.asm.ClassWriter");
    boolean compiler = present("dev.cortado.compiler.internal.JvmModuleCompiler");
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    Module module = Module.compile(engine, Files.readAllBytes(Path.of(args[0])));
    Instance i = Linker.create().instantiate(Store.create(engine), module);
    int square = i.func("square").orElseThrow().asIntUnary().applyAsInt(12);
    int sum = i.func("sum").orElseThrow().asIntUnary().applyAsInt(10);
    int k = i.func("k").orElseThrow().asIntSupplier().getAsInt();
    System.out.println(
        "asm="
            + asm
            + " compiler="
            + compiler
            + " precompiled="
            + Precompiled.loadedCount()
            + " square="
            + square
            + " sum="
            + sum
            + " k="
            + k);
  }

  private static boolean present(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
