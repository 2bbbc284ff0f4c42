/**
 * The compiler's internals: {@link dev.cortado.compiler.internal.JvmModuleCompiler} (the service),
 * {@link dev.cortado.compiler.internal.ModuleEmitter} (one class per chunk of functions and the
 * entry bridge), {@link dev.cortado.compiler.internal.FunctionEmitter} (control flow, locals,
 * calls), {@link dev.cortado.compiler.internal.NumericEmitter} and {@link
 * dev.cortado.compiler.internal.MemoryEmitter} (instruction families), {@link
 * dev.cortado.compiler.internal.JvmTypes} (Wasm value types as JVM types); the code cache ({@link
 * dev.cortado.compiler.internal.CodeCache}, {@link dev.cortado.compiler.internal.CacheEntryFormat},
 * {@link dev.cortado.compiler.internal.CacheKey}) and ahead-of-time output ({@link
 * dev.cortado.compiler.internal.Precompilation}).
 */
package dev.cortado.compiler.internal;
