package dev.cortado.wasm;

import java.util.Objects;

/**
 * A custom section: a name and uninterpreted contents, kept so encoding gives them back.
 *
 * @param name the section's name, such as {@code "name"} or {@code "producers"}
 * @param contents the bytes after the name
 * @param after the last known section before this one in the binary ({@link SectionId#CUSTOM} when
 *     it comes before every known section)
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#custom-section">Custom
 *     sections</a>
 */
public record CustomSection(String name, Bytes contents, SectionId after) {
  /** Checks every part is present. */
  public CustomSection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(after, "after");
  }
}
