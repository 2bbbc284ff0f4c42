/**
 * Runs WebAssembly spec test scripts (.wast) against an {@link dev.cortado.runtime.Engine}: every
 * command and assertion, with the {@code spectest} host module, counting passes and failures.
 */
package dev.cortado.wast;
