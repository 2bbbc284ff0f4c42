/** Runs WebAssembly spec scripts (.wast) against a Cortado engine. */
module dev.cortado.wast {
  requires transitive dev.cortado.runtime;

  exports dev.cortado.wast;
}
