package dev.cortado.component;

import dev.cortado.runtime.Store;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A resource type, compared by identity: each {@code (type (sub resource))} a component imports is
 * bound to one when it is instantiated, and each resource a component defines gets a fresh one per
 * instantiation. A host implements a resource by creating one with {@link #host} and giving its
 * handles Java objects as representations.
 */
public final class ResourceType {
  private final String name;
  private final Optional<BiConsumer<Store, Object>> destructor;

  private ResourceType(String name, Optional<BiConsumer<Store, Object>> destructor) {
    this.name = Objects.requireNonNull(name, "name");
    this.destructor = destructor;
  }

  /**
   * Returns a new resource type the host implements: its representations are Java objects, and
   * {@code destructor} runs on one when the last owned handle to it is dropped.
   *
   * @param name the resource's name, as interfaces declare it ({@code output-stream})
   * @param destructor what dropping an owned handle does to the representation
   */
  public static ResourceType host(String name, Consumer<Object> destructor) {
    Objects.requireNonNull(destructor, "destructor");
    return new ResourceType(name, Optional.of((store, rep) -> destructor.accept(rep)));
  }

  /**
   * Returns a new resource type the host implements, whose {@code destructor} is given the store of
   * the instance dropping the handle as well as the representation: for a type that one linker
   * serves every store with, each store's state attached to it ({@link Store#attach}).
   *
   * @param name the resource's name, as interfaces declare it
   * @param destructor what dropping an owned handle does, in the dropping instance's store
   */
  public static ResourceType host(String name, BiConsumer<Store, Object> destructor) {
    return new ResourceType(name, Optional.of(Objects.requireNonNull(destructor, "destructor")));
  }

  /** Returns a new resource type without a host destructor: a component's, or an abstract one. */
  static ResourceType abstractType(String name) {
    return new ResourceType(name, Optional.empty());
  }

  /** Returns the resource's name. */
  public String name() {
    return name;
  }

  /** Returns the host destructor, for a resource type the host implements. */
  Optional<BiConsumer<Store, Object>> destructor() {
    return destructor;
  }

  @Override
  public String toString() {
    return name;
  }
}
