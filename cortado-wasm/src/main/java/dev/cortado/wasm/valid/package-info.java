/**
 * Validation of modules against the WebAssembly validation rules: {@link
 * dev.cortado.wasm.valid.Validator} checks a module and returns a {@link
 * dev.cortado.wasm.valid.ValidatedModule} carrying what engines need ({@link
 * dev.cortado.wasm.valid.FunctionInfo}: stack heights and block boundaries). The rules are split by
 * instruction family, one package-private class each.
 */
package dev.cortado.wasm.valid;
