/**
 * WebAssembly arithmetic written once, for the interpreter and the compiler: {@code Numerics} for
 * scalar integers and floats, {@code Simd} for the 128-bit vector instructions.
 */
package dev.cortado.runtime.internal.numeric;
