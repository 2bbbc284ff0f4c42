/**
 * Cortado's WebAssembly front end: the module model, the binary and text formats, and the
 * validator. It depends on the JDK alone.
 */
module dev.cortado.wasm {
  exports dev.cortado.wasm;
  exports dev.cortado.wasm.binary;
  exports dev.cortado.wasm.valid;
  exports dev.cortado.wasm.text;
  // The zero-copy access to Bytes, the binary reader the component decoder shares, the lazy
  // logger, temporary files and the reasons of failed file operations are for Cortado's own
  // modules, not for users.
  exports dev.cortado.wasm.internal to
      dev.cortado.runtime,
      dev.cortado.compiler,
      dev.cortado.component,
      dev.cortado.oci,
      dev.cortado.server,
      dev.cortado.cli;
}
