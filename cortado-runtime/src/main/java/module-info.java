/**
 * Cortado's runtime: the embedding API (engine, modules, stores, linking, instances) and the
 * interpreter. It depends on the JDK and the front end alone.
 */
module dev.cortado.runtime {
  requires transitive dev.cortado.wasm;

  exports dev.cortado.runtime;
  // The compiler generates code against the store objects, the interpreter's machine and the
  // numerics; generated classes get the same packages at run time (Support.exportInternalsTo).
  exports dev.cortado.runtime.internal.compiled to
      dev.cortado.compiler;
  exports dev.cortado.runtime.internal.interp to
      dev.cortado.compiler;
  exports dev.cortado.runtime.internal.numeric to
      dev.cortado.compiler;
  exports dev.cortado.runtime.internal.store to
      dev.cortado.compiler;

  uses dev.cortado.runtime.internal.compiled.ModuleCompiler;
}
