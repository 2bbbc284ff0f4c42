/**
 * The compiler's internals: {@link dev.cortado.compiler.internal.JvmModuleCompiler} (the service),
 * {@link dev.cortado.compiler.internal.ModuleEmitter} (one class per chunk of functions and the
 * entry bridge), {@link dev.cortado.compiler.internal.FunctionEmitter} (control flow, locals,
 * calls), {@link dev.cortado.compiler.internal.NumericEmitter} and {@link
 * dev.cortado.compiler.internal.MemoryEmitter} (instruction families), {@link
 * dev.cortado.compiler.internal.JvmTypes} (Wasm value types as JVM types).
 */
package dev.cortado.compiler.internal;
