/**
 * {@code cortado serve}: HTTP applications made of WebAssembly, described by a Spin manifest
 * ({@code spin.toml}, version 2) or a single WASI preview1 module served through WAGI (CGI 1.1), a
 * fresh instance per request. Start with {@link dev.cortado.server.Manifests} and {@link
 * dev.cortado.server.WasmServer}.
 */
package dev.cortado.server;
