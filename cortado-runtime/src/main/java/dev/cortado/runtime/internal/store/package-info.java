/**
 * The runtime representation of instances and what they own: memories, tables, globals, functions,
 * segments. The API's {@code Memory}, {@code Table}, {@code Global} and {@code Func} are handles to
 * these; the interpreter works on them directly.
 */
package dev.cortado.runtime.internal.store;
