package dev.cortado.wasm;

/**
 * The sections of the binary format, in the order the binary format requires.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#sections">Sections</a>
 */
public enum SectionId {
  /** Custom sections (id 0): names, debug info, producers; may appear anywhere. */
  CUSTOM(0, "custom"),
  /** Type definitions (id 1). */
  TYPE(1, "type"),
  /** Imports (id 2). */
  IMPORT(2, "import"),
  /** Type indices of defined functions (id 3). */
  FUNCTION(3, "function"),
  /** Defined tables (id 4). */
  TABLE(4, "table"),
  /** Defined memories (id 5). */
  MEMORY(5, "memory"),
  /** Defined exception tags (id 13, Wasm 3.0), between the memory and global sections. */
  TAG(13, "tag"),
  /** Defined globals (id 6). */
  GLOBAL(6, "global"),
  /** Exports (id 7). */
  EXPORT(7, "export"),
  /** The start function (id 8). */
  START(8, "start"),
  /** Element segments (id 9). */
  ELEMENT(9, "element"),
  /** The number of data segments, needed to validate code before the data section (id 12). */
  DATA_COUNT(12, "data count"),
  /** Locals and bodies of defined functions (id 10). */
  CODE(10, "code"),
  /** Data segments (id 11). */
  DATA(11, "data");

  private static final SectionId[] BY_ID = new SectionId[14];

  static {
    for (SectionId s : values()) {
      BY_ID[s.id] = s;
    }
  }

  private final int id;
  private final String text;

  SectionId(int id, String text) {
    this.id = id;
    this.text = text;
  }

  /** Returns the id byte of the section. */
  public int id() {
    return id;
  }

  /** Returns the section's name for messages, for example {@code "data count"}. */
  public String text() {
    return text;
  }

  /** Returns the section with id byte {@code id}, or {@code null} for an unknown id. */
  static SectionId byIdOrNull(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }

  /** Returns whether {@code id} is the id byte of a known section. */
  public static boolean isKnown(int id) {
    return byIdOrNull(id) != null;
  }

  /** Returns the section with id byte {@code id}; call {@link #isKnown} first. */
  public static SectionId of(int id) {
    SectionId s = byIdOrNull(id);
    if (s == null) {
      throw new IllegalArgumentException("unknown section id " + id);
    }
    return s;
  }
}
