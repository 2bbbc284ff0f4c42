/**
 * The WebAssembly text format: {@link dev.cortado.wasm.text.TextParser} reads modules ({@code
 * .wat}) and scripts ({@code .wast}, with the {@link dev.cortado.wasm.text.Script} model the spec
 * tests are written in), and {@link dev.cortado.wasm.text.TextPrinter} writes modules back as text.
 *
 * <p>What belongs here: everything between text and the module model. The lexer, literals, the
 * S-expression tree, and the module, instruction and script parsers are package-private; code is
 * encoded with {@code dev.cortado.wasm.binary.InstructionWriter} as it is parsed, and read with
 * {@code InstructionReader} to print. Validation does not belong here: the parser reports only what
 * the text format forbids, with one exception: annotations ({@code Annotations}) are checked where
 * they are read, including the target of a branch hint, as the hints are not kept for a validator.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/index.html">Text format</a>
 */
package dev.cortado.wasm.text;
