package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentInvalidException;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.valid.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado validate FILE...}: one line per file, {@code FILE: valid}, {@code FILE: invalid:
 * REASON} or {@code FILE: malformed: REASON}. Scripts depend on this exact shape.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "validate",
    description = {
      "Decode and validate WebAssembly modules and components.",
      "Prints one line per file:",
      "  FILE: valid | FILE: invalid: REASON | FILE: malformed: REASON",
      "A component is validated too (its core modules, indices, canonical functions, names).",
      "Exits with 1 if any file is not a valid module."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "module files (.wasm or .wat)")
  List<Path> files;

  @Option(
      names = "--wasm",
      paramLabel = "VERSION",
      description =
          "The edition of the WebAssembly standard to check against: 3.0 (the default) or 2.0"
              + " (for modules that must also run on older runtimes).")
  String wasm = "3.0";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WasmVersion version = EngineOption.wasmVersion(wasm);
    boolean allValid = true;
    for (Path file : files) {
      Bytes bytes;
      try {
        bytes = ModuleFiles.read(file);
      } catch (UserException e) {
        err.println("cortado validate: " + e.getMessage());
        allValid = false;
        continue;
      }
      try {
        if (Component.isComponent(bytes)) {
          Activity.now("validating " + file);
          Component.decode(bytes).validate();
          out.println(file + ": valid component");
          continue;
        }
        Activity.now("validating " + file);
        Validator.validate(ModuleFiles.parse(file, bytes, version), true, version);
        out.println(file + ": valid");
      } catch (MalformedException e) {
        out.println(file + ": malformed: " + e.detail());
        allValid = false;
      } catch (InvalidException | ComponentInvalidException e) {
        out.println(file + ": invalid: " + e.detail());
        allValid = false;
      }
    }
    out.flush();
    return allValid ? 0 : 1;
  }
}
