/**
 * Cortado's component model: the binary format of WebAssembly components (the model and its
 * decoder; validation, the canonical ABI, instantiation and WASI 0.2 come next). It depends on the
 * JDK and Cortado's front end alone.
 */
module dev.cortado.component {
  requires transitive dev.cortado.wasm;

  exports dev.cortado.component;
}
