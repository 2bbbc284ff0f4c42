package dev.cortado.runtime;

/**
 * Something a module can import or export: a function, memory, table, global or exception tag.
 * Every extern belongs to one {@link Store} and can only be used with instances of that store.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#external-values">External
 *     values</a>
 */
public sealed interface Extern permits Func, Memory, Table, Global, Tag {
  /** Returns the store this extern belongs to. */
  Store store();
}
