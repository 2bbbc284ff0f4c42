/**
 * The binary format: {@link dev.cortado.wasm.binary.ModuleDecoder} and {@link
 * dev.cortado.wasm.binary.ModuleEncoder} for modules (one package-private class per section), and
 * {@link dev.cortado.wasm.binary.InstructionReader} and {@link
 * dev.cortado.wasm.binary.InstructionWriter} for code.
 */
package dev.cortado.wasm.binary;
