/**
 * The WebAssembly component model: {@link dev.cortado.component.Component}, decoded from the binary
 * format by {@link dev.cortado.component.Component#decode}, and the definitions and types it is
 * made of.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md">The
 *     component model's binary format</a>
 */
package dev.cortado.component;
