/**
 * Compiling ahead of time: {@link dev.cortado.compiler.PrecompiledModule} stores a module's JVM
 * classes in the code cache, a jar or a class folder. At run time the compiler is used through the
 * runtime's {@code ExecutionEngine.COMPILER}; nothing here is needed for that.
 */
package dev.cortado.compiler;
