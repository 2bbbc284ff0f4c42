package dev.cortado.component;

import dev.cortado.component.internal.ComponentDecoder;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.util.List;

/**
 * A WebAssembly component, decoded from its binary: its definitions in order, and views of its
 * imports, exports and core modules. Immutable.
 *
 * <pre>{@code
 * Component c = Component.decode(Bytes.read(Path.of("app.wasm")));
 * c.imports().forEach(i -> System.out.println(i.name()));
 * }</pre>
 *
 * @param definitions the definitions, in the order of the binary's sections
 */
public record Component(List<Definition> definitions) {
  /** The version field of the component binaries Cortado reads (pre-standard: 0x0d). */
  public static final int VERSION = 0x0d;

  /** Copies the definitions. */
  public Component {
    definitions = List.copyOf(definitions);
  }

  /**
   * Returns whether {@code binary} starts like a component: the {@code \0asm} magic with the
   * component layer ({@code 01 00} after the version), not a core module's layer 0.
   */
  public static boolean isComponent(Bytes binary) {
    return binary.length() >= 8
        && binary.get(0) == 0
        && binary.get(1) == 'a'
        && binary.get(2) == 's'
        && binary.get(3) == 'm'
        && binary.get(6) == 1
        && binary.get(7) == 0;
  }

  /**
   * Decodes a component.
   *
   * @throws MalformedException if the bytes are not a well-formed component, with the offset and
   *     what was expected
   */
  public static Component decode(Bytes binary) {
    return ComponentDecoder.decode(binary);
  }

  /**
   * Validates the component: its core modules, every index and sort, core instantiations against
   * their modules' imports, lifted and lowered functions against the canonical ABI's core types and
   * the options their values need, resource built-ins, and unique names.
   *
   * @throws ComponentInvalidException if it breaks a rule, saying which and where
   */
  public void validate() {
    ComponentValidator.validate(this);
  }

  /** Returns the imports, in order. */
  public List<Definition.Import> imports() {
    return of(Definition.Import.class);
  }

  /** Returns the exports, in order. */
  public List<Definition.Export> exports() {
    return of(Definition.Export.class);
  }

  /** Returns the core modules it defines (not those of nested components), in order. */
  public List<Definition.CoreModule> coreModules() {
    return of(Definition.CoreModule.class);
  }

  /** Returns the components nested in it, in order. */
  public List<Component> nestedComponents() {
    return of(Definition.NestedComponent.class).stream()
        .map(Definition.NestedComponent::component)
        .toList();
  }

  private <T extends Definition> List<T> of(Class<T> kind) {
    return definitions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
