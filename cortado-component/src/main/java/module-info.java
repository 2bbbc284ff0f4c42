/**
 * Cortado's component model: the binary format of WebAssembly components, the canonical ABI,
 * instantiation and linking of components in a store, and the WASI 0.2 host. It depends on the JDK,
 * Cortado's front end, runtime and WASI preview1 sandbox alone.
 */
module dev.cortado.component {
  requires transitive dev.cortado.wasm;
  requires transitive dev.cortado.runtime;
  requires transitive dev.cortado.wasi;
  requires java.net.http; // outbound wasi:http
  requires jdk.net; // TCP keep-alive options of wasi:sockets

  exports dev.cortado.component;
}
