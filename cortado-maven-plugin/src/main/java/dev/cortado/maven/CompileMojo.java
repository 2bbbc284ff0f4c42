package dev.cortado.maven;

import dev.cortado.compiler.PrecompiledModule;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.text.TextParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles WebAssembly modules to JVM classes into the build's class folder, so that the project's
 * jar carries them: an application running a module with {@code ExecutionEngine.COMPILER} then
 * finds its compiled code on the class path, without the compiler at run time. The application must
 * use the same Cortado version as this plugin, and give the runtime the module's exact bytes.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CompileMojo extends AbstractMojo {
  /**
   * The modules ({@code .wasm} or {@code .wat}); when empty, every one in {@code wasmDirectory}.
   */
  @Parameter private List<File> modules = new ArrayList<>();

  /** Where to look for modules when none are listed. */
  @Parameter(defaultValue = "${project.basedir}/src/main/wasm")
  private File wasmDirectory;

  /** Where the classes go. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File outputDirectory;

  /** Skips compiling. */
  @Parameter(property = "cortado.skip", defaultValue = "false")
  private boolean skip;

  /** Creates the goal; Maven calls this. */
  public CompileMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("cortado: skipped");
      return;
    }
    List<Path> files = modules();
    if (files.isEmpty()) {
      getLog().info("cortado: no modules to compile");
      return;
    }
    for (Path file : files) {
      compile(file);
    }
  }

  private List<Path> modules() throws MojoExecutionException {
    if (!modules.isEmpty()) {
      return modules.stream().map(File::toPath).toList();
    }
    Path dir = wasmDirectory.toPath();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".wasm") || p.toString().endsWith(".wat"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private void compile(Path file) throws MojoExecutionException, MojoFailureException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + file + ": " + e, e);
    }
    PrecompiledModule compiled;
    try {
      compiled =
          ModuleDecoder.looksLikeBinary(bytes)
              ? PrecompiledModule.compile(bytes)
              : PrecompiledModule.compile(
                  TextParser.parseModule(new String(bytes, StandardCharsets.UTF_8)));
    } catch (WasmException e) {
      throw new MojoFailureException(file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoFailureException(file + ": cannot compile: " + e.getMessage(), e);
    }
    try {
      compiled.writeClasses(outputDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write to " + outputDirectory + ": " + e, e);
    }
    getLog()
        .info(
            "cortado: "
                + file.getFileName()
                + ": "
                + compiled.classCount()
                + " classes, "
                + compiled.compiledFunctions()
                + " functions compiled (sha256 "
                + compiled.sha256()
                + ")");
  }
}
