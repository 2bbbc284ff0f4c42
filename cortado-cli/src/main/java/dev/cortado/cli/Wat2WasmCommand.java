package dev.cortado.cli;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.IoReasons;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cortado wat2wasm}: converts a module from the text format to the binary format. */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "wat2wasm",
    description = "Convert a module from the text format (.wat) to binary (.wasm).")
final class Wat2WasmCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .wat file")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "where to write the binary (default: FILE with .wasm)")
  Path output;

  @Option(names = "--no-check", description = "Do not validate the module.")
  boolean noCheck;

  @Override
  public Integer call() throws IOException {
    Path out = output != null ? output : defaultOutput(input);
    OutputFiles.requireFileName(out, "module", defaultOutput(input).getFileName().toString());
    Bytes bytes = ModuleFiles.read(input);
    Activity.now("converting " + input);
    WasmModule m = TextParser.parseModule(ModuleFiles.text(bytes));
    if (!noCheck) {
      Validator.validate(m);
    }
    byte[] binary = ModuleFiles.encode(input, m);
    OutputFiles.makeFolders(out);
    try {
      Files.write(out, binary);
    } catch (IOException e) {
      throw new UserException(out + ": cannot write: " + IoReasons.of(e, out), e);
    }
    return 0;
  }

  /** FILE.wat's binary is FILE.wasm; another name gets .wasm added, never the input's own name. */
  private static Path defaultOutput(Path in) {
    String name = ModuleFiles.binaryName(in);
    return in.resolveSibling(name.equals(in.getFileName().toString()) ? name + ".wasm" : name);
  }
}
