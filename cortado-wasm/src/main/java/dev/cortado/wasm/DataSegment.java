package dev.cortado.wasm;

import java.util.Objects;

/**
 * A data segment: bytes to copy into a memory at instantiation ({@link Mode.Active}) or with {@code
 * memory.init} ({@link Mode.Passive}).
 *
 * @param init the bytes
 * @param mode how the segment is used
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#data-segments">Data
 *     segments</a>
 */
public record DataSegment(Bytes init, Mode mode) {
  /** Checks both parts are present. */
  public DataSegment {
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(mode, "mode");
  }

  /** How a data segment is used. */
  public sealed interface Mode {
    /** Used by {@code memory.init} and dropped by {@code data.drop}. */
    record Passive() implements Mode {}

    /**
     * Copied into a memory at instantiation.
     *
     * @param memoryIndex the memory to write
     * @param offset a constant expression giving the first byte's address
     */
    record Active(int memoryIndex, Expression offset) implements Mode {
      /** Checks the offset is present. */
      public Active {
        Objects.requireNonNull(offset, "offset");
      }
    }
  }
}
