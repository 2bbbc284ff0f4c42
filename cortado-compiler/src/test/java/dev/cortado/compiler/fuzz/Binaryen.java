package dev.cortado.compiler.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes random valid modules with binaryen's {@code wasm-opt -ttf} (translate-to-fuzz: random bytes
 * steer which module is built), restricted to the Wasm 2.0 features Cortado runs.
 */
final class Binaryen {
  /** Wasm 2.0 but reference types: MVP plus five of the six proposals it merged. */
  static final List<String> WASM2_BUT_REFERENCE_TYPES =
      List.of(
          "--mvp-features",
          "--enable-mutable-globals",
          "--enable-sign-ext",
          "--enable-nontrapping-float-to-int",
          "--enable-bulk-memory",
          "--enable-multivalue",
          "--enable-simd");

  /**
   * All of Wasm 2.0. Binaryen 108 (Debian's) still builds the pre-standard reference types with
   * them: {@code anyref} (written as {@code externref}) with {@code funcref} as a subtype, and
   * typed references; most such modules are invalid in Wasm 2.0, which {@code wasm-validate} (wabt)
   * confirms before they are set aside.
   */
  static final List<String> WASM2 =
      Stream.concat(WASM2_BUT_REFERENCE_TYPES.stream(), Stream.of("--enable-reference-types"))
          .toList();

  /** One seed in this many uses {@link #WASM2}, the others {@link #WASM2_BUT_REFERENCE_TYPES}. */
  static final int REFERENCE_TYPES_EVERY = 4;

  private final Path wasmOpt;
  private final Path work;

  Binaryen(Path wasmOpt, Path work) {
    this.wasmOpt = wasmOpt;
    this.work = work;
  }

  /** Returns the module binaryen builds from the random bytes of {@code seed}. */
  byte[] module(long seed) throws IOException, InterruptedException {
    Random random = new Random(seed);
    byte[] input = new byte[512 + random.nextInt(16 * 1024)];
    random.nextBytes(input);
    Path in = work.resolve("input.bin");
    Path out = work.resolve("module.wasm");
    Files.write(in, input);
    Files.deleteIfExists(out);
    List<String> command = new ArrayList<>();
    command.add(wasmOpt.toString());
    command.add("-ttf");
    command.add(in.toString());
    command.addAll(seed % REFERENCE_TYPES_EVERY == 0 ? WASM2 : WASM2_BUT_REFERENCE_TYPES);
    command.add("-o");
    command.add(out.toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("wasm-opt.log").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("wasm-opt did not finish in 60 s for seed " + seed);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "wasm-opt failed for seed "
              + seed
              + ": "
              + Files.readString(work.resolve("wasm-opt.log")).strip());
    }
    return Files.readAllBytes(out);
  }

  /**
   * Asks wabt's {@code wasm-validate} whether {@code wasm} is valid Wasm 2.0: the referee when
   * Cortado rejects one of binaryen's modules.
   */
  static boolean wabtAccepts(Path wasmValidate, byte[] wasm, Path work)
      throws IOException, InterruptedException {
    Path file = work.resolve("rejected.wasm");
    Files.write(file, wasm);
    Process p =
        new ProcessBuilder(wasmValidate.toString(), file.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("wasm-validate.log").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("wasm-validate did not finish in 60 s");
    }
    return p.exitValue() == 0;
  }
}
