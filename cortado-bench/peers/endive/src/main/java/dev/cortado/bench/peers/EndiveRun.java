package dev.cortado.bench.peers;

import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.wasi.WasiExitException;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a WASI preview1 command on Endive's compiler, the way {@code cortado run} runs one:
 * {@code java -jar peer.jar [--dir HOST::GUEST]... prog.wasm ARGS...}. Standard streams are
 * inherited; the process exits with the program's exit code.
 */
public final class EndiveRun {
  private EndiveRun() {}

  public static void main(String[] argv) {
    WasiOptions.Builder options = WasiOptions.builder().inheritSystem();
    int i = 0;
    while (i + 1 < argv.length && argv[i].equals("--dir")) {
      String[] dir = argv[i + 1].split("::", 2);
      options.withDirectory(dir.length == 2 ? dir[1] : dir[0], Path.of(dir[0]));
      i += 2;
    }
    if (i >= argv.length) {
      System.err.println("usage: EndiveRun [--dir HOST::GUEST]... prog.wasm [ARGS...]");
      System.exit(2);
    }
    List<String> args = new ArrayList<>(List.of(argv).subList(i, argv.length));
    int exitCode = 0;
    try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.withArguments(args).build()).build()) {
      WasmModule module = Parser.parse(Path.of(argv[i]));
      ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
      // build() instantiates and, with the default withStart(true), calls the _start export.
      Instance.builder(module)
          .withImportValues(imports)
          .withMachineFactory(MachineFactoryCompiler.compile(module))
          .build();
    } catch (WasiExitException e) {
      exitCode = e.exitCode();
    }
    System.out.flush();
    System.exit(exitCode);
  }
}
