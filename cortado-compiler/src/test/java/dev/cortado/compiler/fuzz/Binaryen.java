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
  /** Wasm 2.0 but reference types and SIMD: MVP plus four of the six proposals it merged. */
  static final List<String> SCALAR =
      List.of(
          "--mvp-features",
          "--enable-mutable-globals",
          "--enable-sign-ext",
          "--enable-nontrapping-float-to-int",
          "--enable-bulk-memory",
          "--enable-multivalue");

  /**
   * With SIMD. Binaryen puts vectors in most functions when it may, so these modules test the
   * compiled vector registers in calls, blocks, branches and globals as much as the instructions.
   */
  static final List<String> SIMD = with(SCALAR, "--enable-simd");

  /**
   * All of Wasm 2.0. Binaryen 108 (Debian's) still builds the pre-standard reference types with
   * them: {@code anyref} (written as {@code externref}) with {@code funcref} as a subtype, and
   * typed references; most such modules are invalid in Wasm 2.0, which {@code wasm-validate} (wabt)
   * confirms before they are set aside.
   */
  static final List<String> WASM2 = with(SIMD, "--enable-reference-types");

  /**
   * Scalar code with the threads proposal: a shared memory, atomic loads, stores and
   * read-modify-writes, waits (with a zero timeout or on values that differ) and notifies.
   */
  static final List<String> THREADS = with(SCALAR, "--enable-threads");

  /**
   * Scalar code with tail calls (Wasm 3.0): {@code return_call} and {@code return_call_indirect}
   * among the calls, which compiled code leaves pending for its caller's loop.
   */
  static final List<String> TAIL = with(SCALAR, "--enable-tail-call");

  /**
   * The features for {@code seed}: of every 8 seeds, 1 {@link #SCALAR}, 1 {@link #TAIL}, 4 SIMD, 1
   * {@link #THREADS}, 1 all of Wasm 2.0.
   */
  static List<String> features(long seed) {
    return switch ((int) Math.floorMod(seed, 8L)) {
      case 0 -> WASM2;
      case 1, 2, 3, 4 -> SIMD;
      case 5 -> THREADS;
      case 6 -> TAIL;
      default -> SCALAR;
    };
  }

  private static List<String> with(List<String> features, String feature) {
    return Stream.concat(features.stream(), Stream.of(feature)).toList();
  }

  /**
   * Half the modules are optimized after they are built, for the code shapes real toolchains emit
   * (reused locals, {@code br_if} with values, {@code select}, merged blocks) that raw {@code -ttf}
   * output rarely has.
   */
  private static final String[] OPTIMIZE = {"-O1", "-O2", "-O3", "-O4", "-Os", "-Oz"};

  /**
   * For one in 8 scalar modules: a larger input, then inlining nearly everything, which makes
   * functions of thousands of instructions, for the compiler's splitting of large methods.
   */
  private static final List<String> INLINE_ALL =
      List.of(
          "-O3",
          "--always-inline-max-function-size=2000",
          "--flexible-inline-max-function-size=100000",
          "--inline-functions-with-loops");

  /**
   * Inlining sometimes blows a module up to megabytes, which takes a minute to run on both engines:
   * such seeds are used unoptimized.
   */
  private static final int MAX_OPTIMIZED_SIZE = 256 * 1024;

  private final Path wasmOpt;
  private final Path work;

  Binaryen(Path wasmOpt, Path work) {
    this.wasmOpt = wasmOpt;
    this.work = work;
  }

  /** Returns the module binaryen builds from the random bytes of {@code seed}. */
  byte[] module(long seed) throws IOException, InterruptedException {
    Random random = new Random(seed);
    List<String> features = features(seed);
    boolean big = features == SCALAR && random.nextInt(8) == 0;
    byte[] input = new byte[512 + random.nextInt((big ? 48 : 16) * 1024)];
    random.nextBytes(input);
    Path in = work.resolve("input.bin");
    Files.write(in, input);
    boolean optimize = big || (features != WASM2 && random.nextBoolean());
    List<String> passes = big ? INLINE_ALL : List.of(OPTIMIZE[random.nextInt(OPTIMIZE.length)]);
    if (optimize) {
      try {
        byte[] optimized = wasmOpt(seed, in, features, passes);
        if (optimized.length <= MAX_OPTIMIZED_SIZE) {
          return optimized;
        }
      } catch (IOException e) {
        // Some passes give up on some modules ("Flatten was forced to add a local of a type it
        // cannot handle yet"): such seeds are used unoptimized.
      }
    }
    return wasmOpt(seed, in, features, List.of());
  }

  private byte[] wasmOpt(long seed, Path in, List<String> features, List<String> passes)
      throws IOException, InterruptedException {
    Path out = work.resolve("module.wasm");
    Files.deleteIfExists(out);
    List<String> command = new ArrayList<>();
    command.add(wasmOpt.toString());
    command.add("-ttf");
    command.add(in.toString());
    command.addAll(features);
    command.addAll(passes);
    command.add("-o");
    command.add(out.toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("wasm-opt.log").toFile())
            .start();
    // Optimizing can take a minute when inlining explodes; such seeds are used unoptimized.
    int seconds = passes.isEmpty() ? 60 : 5;
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IOException("wasm-opt did not finish in " + seconds + " s for seed " + seed);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "wasm-opt failed for seed "
              + seed
              + " ("
              + String.join(" ", passes)
              + "): "
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
