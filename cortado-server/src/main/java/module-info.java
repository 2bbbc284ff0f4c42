/**
 * Cortado's HTTP server: Spin manifests, WAGI modules, bindles and Suborbital bundles over Jetty, a
 * fresh WebAssembly instance per request. It depends on Cortado's runtime, WASI, component model
 * and package sources (cortado-oci), Jetty, tomlj and Jackson (JSON request bodies for runnables).
 */
module dev.cortado.server {
  requires transitive dev.cortado.runtime;
  requires dev.cortado.wasi;
  requires dev.cortado.component;
  requires transitive dev.cortado.oci;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http2.server;
  requires org.eclipse.jetty.alpn.server;
  requires org.tomlj;
  requires com.fasterxml.jackson.databind;
  requires java.logging;

  exports dev.cortado.server;
}
