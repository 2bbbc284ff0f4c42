package dev.cortado.wasm.binary;

import dev.cortado.wasm.SectionId;
import java.util.Objects;

/**
 * Where one section sits in a binary: for tools that show a module's layout.
 *
 * @param id which section
 * @param name the custom section's name, or the section's name for known sections
 * @param offset the byte offset of the section's id byte
 * @param size the size of the section's contents in bytes (after the id and size fields)
 */
public record SectionInfo(SectionId id, String name, long offset, long size) {
  /** Checks every part is present. */
  public SectionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
