/**
 * Wasm modules through OCI registries: references, a registry client with Docker-compatible
 * authentication, the CNCF Wasm artifact layout, and a local content-addressed store; npm packages
 * feed the same store; Wasmer packages (.webc, wapm tarballs), bindles and Suborbital bundles are
 * read. It depends on the JDK's HTTP client, Jackson for JSON, CBOR, TOML and YAML, and Cortado's
 * binary decoder.
 */
module dev.cortado.oci {
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires com.fasterxml.jackson.dataformat.toml;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires transitive dev.cortado.wasm;

  exports dev.cortado.oci;
}
