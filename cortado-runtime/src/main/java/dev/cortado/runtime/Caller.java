package dev.cortado.runtime;

import java.util.Optional;

/**
 * The instance whose code called a {@link HostFunction}: what a host function reaches through to
 * read its arguments' pointers. Valid only during the call.
 */
public interface Caller {
  /** Returns the store the call runs in. */
  Store store();

  /**
   * Returns the calling instance's memory 0 (exported or not), if the call came from WebAssembly
   * code and the instance has a memory.
   */
  Optional<Memory> memory();

  /** Returns the calling instance's export {@code name}, if there is one. */
  Optional<Extern> export(String name);
}
