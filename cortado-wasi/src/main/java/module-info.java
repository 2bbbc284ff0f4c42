/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for Cortado: the host functions a program built
 * for {@code wasm32-wasi}/{@code wasip1} imports, configured through {@link
 * dev.cortado.wasi.WasiConfig} and sandboxed to preopened directories. It depends on the JDK and
 * Cortado's runtime alone.
 */
module dev.cortado.wasi {
  requires transitive dev.cortado.runtime;
  requires java.management; // thread CPU time for clock_time_get

  exports dev.cortado.wasi;
  // The WASI 0.2 host shares the sandbox, descriptors and streams of preview1 (one sandbox, two
  // ABIs).
  exports dev.cortado.wasi.internal to
      dev.cortado.component;
}
