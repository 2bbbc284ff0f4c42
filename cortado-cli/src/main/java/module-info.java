/** The {@code cortado} command line. It exports nothing: its interface is the command. */
module dev.cortado.cli {
  requires dev.cortado.wasm;
  requires dev.cortado.runtime;
  requires dev.cortado.compiler;
  requires dev.cortado.wasi;
  requires dev.cortado.component;
  requires dev.cortado.wast;
  requires dev.cortado.oci;
  requires dev.cortado.server;
  requires dev.cortado.container;
  requires info.picocli;

  // picocli reads the command classes' annotations and sets their fields reflectively.
  opens dev.cortado.cli to
      info.picocli;
}
