/**
 * Cortado's WebAssembly front end: the module model, the binary and text formats, and the
 * validator. It depends on the JDK alone.
 */
module dev.cortado.wasm {
  exports dev.cortado.wasm;
  exports dev.cortado.wasm.binary;
  exports dev.cortado.wasm.valid;
  exports dev.cortado.wasm.text;
  // The zero-copy access to Bytes, and the binary reader the component decoder shares, are for
  // Cortado's own modules, not for users.
  exports dev.cortado.wasm.internal to
      dev.cortado.runtime,
      dev.cortado.component;
}
