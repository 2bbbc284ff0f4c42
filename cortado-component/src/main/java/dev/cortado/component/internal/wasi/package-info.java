/**
 * The WASI 0.2 host: the {@code wasi:cli}, {@code wasi:io}, {@code wasi:clocks}, {@code
 * wasi:random} and {@code wasi:filesystem} interfaces as component host functions, one class per
 * package, over the same standard streams, clocks and sandbox as preview1.
 */
package dev.cortado.component.internal.wasi;
