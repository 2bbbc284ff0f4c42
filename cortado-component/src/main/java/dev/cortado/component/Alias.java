package dev.cortado.component;

import java.util.Objects;

/**
 * An alias: a new index in {@code sort}'s index space for an instance's export or a definition of
 * an enclosing component.
 *
 * @param sort the index space the alias adds to
 * @param target what it refers to
 */
public record Alias(Sort sort, Alias.Target target) {
  /** Checks the parts are present. */
  public Alias {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(target, "target");
  }

  /** What an alias refers to. */
  public sealed interface Target permits Export, CoreExport, Outer {}

  /**
   * The export {@code name} of component instance {@code instance}.
   *
   * @param instance the instance's index
   * @param name the export's name
   */
  public record Export(int instance, String name) implements Target {
    /** Checks the name is present. */
    public Export {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The export {@code name} of core instance {@code instance}.
   *
   * @param instance the core instance's index
   * @param name the export's name
   */
  public record CoreExport(int instance, String name) implements Target {
    /** Checks the name is present. */
    public CoreExport {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Definition {@code index} of the component {@code count} levels out (0: this one).
   *
   * @param count how many enclosing components out
   * @param index the index in that component's index space of the sort
   */
  public record Outer(int count, int index) implements Target {}
}
