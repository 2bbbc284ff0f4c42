/**
 * Cortado's compiler: validated WebAssembly to JVM bytecode with ASM, provided to the runtime as
 * its {@code ModuleCompiler} service. Depends on the JDK, ASM and the runtime alone.
 */
module dev.cortado.compiler {
  requires dev.cortado.runtime;
  requires org.objectweb.asm;

  exports dev.cortado.compiler;

  provides dev.cortado.runtime.internal.compiled.ModuleCompiler with
      dev.cortado.compiler.internal.JvmModuleCompiler;
}
