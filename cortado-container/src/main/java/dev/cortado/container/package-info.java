/**
 * Cortado in containers: {@link dev.cortado.container.CortadoRunc}, the {@code cortado-runc}
 * command (the runc command-line contract of containerd's {@code io.containerd.runc.v2} shim), and
 * {@link dev.cortado.container.WasmImage}, OCI images of a Wasm module that it runs.
 */
package dev.cortado.container;
