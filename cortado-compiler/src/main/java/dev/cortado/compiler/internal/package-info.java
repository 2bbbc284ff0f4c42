/**
 * The compiler's internals: {@link dev.cortado.compiler.internal.JvmModuleCompiler} (the service),
 * {@link dev.cortado.compiler.internal.ModuleEmitter} (one class per chunk of functions and the
 * entry bridge), {@link dev.cortado.compiler.internal.FunctionEmitter} (locals, the type stack),
 * {@link dev.cortado.compiler.internal.ControlEmitter} (blocks, branches, spills), {@link
 * dev.cortado.compiler.internal.NumericEmitter}, {@link
 * dev.cortado.compiler.internal.MemoryEmitter}, {@link dev.cortado.compiler.internal.CallEmitter},
 * {@link dev.cortado.compiler.internal.ExceptionEmitter} (JVM handlers of the interpreter's
 * exceptions) and {@link dev.cortado.compiler.internal.ReferenceEmitter} (instruction families),
 * {@link dev.cortado.compiler.internal.JvmTypes} (Wasm value types as JVM types); the code cache
 * ({@link dev.cortado.compiler.internal.CodeCache}, {@link
 * dev.cortado.compiler.internal.CacheEntryFormat}, {@link dev.cortado.compiler.internal.CacheKey})
 * and ahead-of-time output ({@link dev.cortado.compiler.internal.Precompilation}).
 */
package dev.cortado.compiler.internal;
