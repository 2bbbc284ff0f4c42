package dev.cortado.component;

/**
 * The kinds of definition a component's index spaces hold, core and component level: what an alias,
 * an export or an instantiation argument refers to.
 */
public enum Sort {
  /** A core function. */
  CORE_FUNC("core func"),
  /** A core table. */
  CORE_TABLE("core table"),
  /** A core memory. */
  CORE_MEMORY("core memory"),
  /** A core global. */
  CORE_GLOBAL("core global"),
  /** A core type. */
  CORE_TYPE("core type"),
  /** A core module. */
  CORE_MODULE("core module"),
  /** A core instance. */
  CORE_INSTANCE("core instance"),
  /** A component function. */
  FUNC("func"),
  /** A component value. */
  VALUE("value"),
  /** A component type. */
  TYPE("type"),
  /** A component. */
  COMPONENT("component"),
  /** A component instance. */
  INSTANCE("instance");

  private final String text;

  Sort(String text) {
    this.text = text;
  }

  /** Returns the sort as the text format writes it, for example {@code core func}. */
  public String text() {
    return text;
  }

  /** Returns whether this is a core sort. */
  public boolean isCore() {
    return ordinal() <= CORE_INSTANCE.ordinal();
  }

  @Override
  public String toString() {
    return text;
  }
}
