/**
 * Cortado in containers: {@code cortado-runc}, a runtime with runc's command-line contract that
 * containerd's runc shim drives (Wasm bundles run by Cortado, any other bundle handed to the real
 * runc), and OCI images holding a Wasm module for it to run.
 */
module dev.cortado.container {
  requires dev.cortado.wasm;
  requires dev.cortado.runtime;
  requires dev.cortado.wasi;
  requires dev.cortado.component;
  requires dev.cortado.oci;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  exports dev.cortado.container;

  // picocli reads the command classes' annotations and sets their fields reflectively; Jackson
  // reads and writes the state and launch records.
  opens dev.cortado.container.internal to
      info.picocli,
      com.fasterxml.jackson.databind;
}
