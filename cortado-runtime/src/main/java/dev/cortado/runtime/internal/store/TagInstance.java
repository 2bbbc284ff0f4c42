package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.FuncType;
import java.util.Objects;

/**
 * An exception tag at run time (Wasm 3.0). Its identity is the object's: two tags of the same type
 * are different tags, and an imported tag is the exporter's object, so a {@code catch} in one
 * module matches exceptions thrown with the same tag in another.
 */
public final class TagInstance {
  private final FuncType type;
  private final int typeId;

  /**
   * Creates a new tag whose exceptions carry values of {@code type}'s parameters.
   *
   * @param typeId the engine's id of the type (equivalent types, of any module, share it), which
   *     import matching compares
   */
  public TagInstance(FuncType type, int typeId) {
    this.type = Objects.requireNonNull(type, "type");
    this.typeId = typeId;
  }

  /** Returns the engine's id of the tag's type. */
  public int typeId() {
    return typeId;
  }

  /** Returns the tag's type: its parameters are the exception's values; it has no results. */
  public FuncType type() {
    return type;
  }
}
