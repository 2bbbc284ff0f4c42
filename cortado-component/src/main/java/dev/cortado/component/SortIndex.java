package dev.cortado.component;

import java.util.Objects;

/**
 * An index into the index space of a sort: what an export or an instantiation argument names.
 *
 * @param sort the index space
 * @param index the index in it
 */
public record SortIndex(Sort sort, int index) {
  /** Checks the sort is present. */
  public SortIndex {
    Objects.requireNonNull(sort, "sort");
  }

  @Override
  public String toString() {
    return "(" + sort.text() + " " + Integer.toUnsignedString(index) + ")";
  }
}
