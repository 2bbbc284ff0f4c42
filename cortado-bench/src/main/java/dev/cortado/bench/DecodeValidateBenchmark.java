package dev.cortado.bench;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and validation throughput on large real modules. The corpus is fetched by {@code
 * cortado-bench/fetch-corpus.sh}; {@code cortado-bench/decode-bench.sh} runs this and prints MB/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class DecodeValidateBenchmark {
  /** Path of the module to decode. */
  @Param({"target/corpus/duckdb-mvp.wasm"})
  public String file;

  private byte[] bytes;
  private WasmModule module;

  /** Reads the module once. */
  @Setup
  public void read() throws IOException {
    bytes = Files.readAllBytes(Path.of(file));
    module = ModuleDecoder.decode(bytes);
  }

  /** Decoding alone. */
  @Benchmark
  public WasmModule decode() {
    return ModuleDecoder.decode(bytes);
  }

  /** Validation alone, on one thread. */
  @Benchmark
  public ValidatedModule validateOneThread() {
    return Validator.validate(module, false);
  }

  /** Validation alone, function bodies in parallel. */
  @Benchmark
  public ValidatedModule validateParallel() {
    return Validator.validate(module, true);
  }

  /** Decoding then validation, on one thread: the figure the 50 MB/s target is about. */
  @Benchmark
  public ValidatedModule decodeAndValidateOneThread() {
    return Validator.validate(ModuleDecoder.decode(bytes), false);
  }

  /** Decoding then validation with function bodies in parallel. */
  @Benchmark
  public ValidatedModule decodeAndValidateParallel() {
    return Validator.validate(ModuleDecoder.decode(bytes), true);
  }
}
