/**
 * Cortado's runtime: the embedding API (engine, modules, stores, linking, instances) and the
 * interpreter. It depends on the JDK and the front end alone.
 */
module dev.cortado.runtime {
  requires transitive dev.cortado.wasm;

  exports dev.cortado.runtime;
}
