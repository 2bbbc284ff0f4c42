package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.runtime.internal.compiled.CompiledFrames;
import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.ModuleCompiler;
import dev.cortado.runtime.internal.compiled.Support;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/** The compiler service: a validated module to JVM classes, loaded in a class loader of its own. */
public final class JvmModuleCompiler implements ModuleCompiler {
  private static final AtomicLong MODULES = new AtomicLong();

  /** Creates the compiler; {@link java.util.ServiceLoader} calls this. */
  public JvmModuleCompiler() {}

  @Override
  public CompiledModule compile(ValidatedModule module, ToIntFunction<FuncType> typeIds) {
    String prefix = "dev/cortado/generated/m" + MODULES.incrementAndGet() + "/";
    ModuleContext mc = new ModuleContext(module, typeIds, prefix);
    Map<String, byte[]> classes = new ModuleEmitter(mc).emit();
    ModuleClassLoader loader =
        new ModuleClassLoader(classes, JvmModuleCompiler.class.getClassLoader());
    Support.exportInternalsTo(loader.getUnnamedModule());
    CompiledFrames.register(
        prefix.substring(0, prefix.length() - 1).replace('/', '.'), module.module());
    try {
      Class<?> entry = loader.loadClass(mc.entryClass().replace('/', '.'));
      return (CompiledModule) entry.getDeclaredConstructor(BitSet.class).newInstance(mc.compiled);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new CompilationException("the compiled module's classes do not load: " + e, e);
    }
  }
}
