package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.valid.ValidatedModule;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A module to compile, with what identifies its code.
 *
 * @param module the validated module
 * @param sha256 the SHA-256 of the module's binary (of its encoding, for a module from text), in
 *     lower-case hex: generated class names and cache keys derive from it
 * @param cacheDir the folder of the on-disk code cache, or empty when it is not used
 */
public record CompileRequest(ValidatedModule module, String sha256, Optional<Path> cacheDir) {
  /** Checks the parts. */
  public CompileRequest {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
    }
  }
}
