/**
 * WASI preview1 for Cortado. Configure a program's view of the world with {@link
 * dev.cortado.wasi.WasiConfig} (arguments, environment, standard streams, preopened directories,
 * clocks, randomness), then {@link dev.cortado.wasi.WasiPreview1#addTo(dev.cortado.runtime.Linker)}
 * defines the {@code wasi_snapshot_preview1} functions in a linker.
 *
 * <pre>{@code
 * WasiPreview1 wasi = WasiPreview1.create(WasiConfig.defaults()
 *     .withArgs(List.of("prog", "input.txt"))
 *     .withPreopen(Preopen.of(Path.of("data"), "/data"))
 *     .withStdout(WasiOutput.inherit()));
 * Linker linker = Linker.create();
 * wasi.addTo(linker);
 * Instance i = linker.instantiate(store, module);
 * try {
 *   i.func("_start").orElseThrow().call();
 * } catch (WasiExitException e) {
 *   System.exit(e.exitCode());
 * }
 * }</pre>
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md">WASI
 *     preview1</a>
 */
package dev.cortado.wasi;
