package dev.cortado.wasm.text;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.SubType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module's types: those its {@code type} and {@code rec} fields define, then the function types
 * that inline type uses add at the end, in order of first use.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#type-uses">Type uses</a>
 */
final class TypeTable {
  private final IdSpace ids = new IdSpace("type");
  private final List<SubType> types = new ArrayList<>();
  private final List<Integer> groupSizes = new ArrayList<>();
  private final Map<Integer, IdSpace> fieldIds = new HashMap<>();
  private int openGroup = -1;

  /** Declares the identifier of the next type a {@code type} field defines. */
  void declare(Optional<Token> id) {
    ids.declare(id);
  }

  /** Starts a recursion group ({@code rec}): the types defined until {@link #endGroup} are its. */
  void beginGroup() {
    openGroup = types.size();
  }

  /** Ends the recursion group {@link #beginGroup} started. */
  void endGroup() {
    groupSizes.add(types.size() - openGroup);
    openGroup = -1;
  }

  /**
   * Adds the type a {@code type} field defines, after its {@link #declare}: in the open recursion
   * group, or as a group of its own.
   */
  void define(SubType type) {
    types.add(type);
    if (openGroup < 0) {
      groupSizes.add(1);
    }
  }

  /** Records the field identifiers of the struct type the next {@link #define} adds. */
  void nameFields(IdSpace fields) {
    fieldIds.put(types.size(), fields);
  }

  /** Returns the field index a field index token of struct type {@code typeIndex} stands for. */
  int resolveField(int typeIndex, Token t) {
    IdSpace fields = fieldIds.get(typeIndex);
    if (fields == null) {
      if (t.kind() == Token.Kind.ID) {
        throw t.error("unknown field " + t.text());
      }
      return IntLiterals.u32(t, "field index");
    }
    return fields.resolve(t);
  }

  /** Returns the index a type index token stands for. */
  int resolve(Token t) {
    return ids.resolve(t);
  }

  /** Returns the function type at {@code index}, if there is one. */
  Optional<FuncType> get(int index) {
    return index >= 0 && index < types.size() && types.get(index).composite() instanceof FuncType f
        ? Optional.of(f)
        : Optional.empty();
  }

  /**
   * Returns the index of the first type that is {@code type} alone in its group, final and without
   * supertypes (what a type use means), adding it at the end if none.
   */
  int indexOf(FuncType type) {
    SubType wanted = SubType.of(type);
    int start = 0;
    for (int size : groupSizes) {
      if (size == 1 && types.get(start).equals(wanted)) {
        return start;
      }
      start += size;
    }
    define(wanted);
    ids.declare(Optional.empty());
    return types.size() - 1;
  }

  /** Returns the recursion groups in index order. */
  List<RecGroup> groups() {
    List<RecGroup> groups = new ArrayList<>(groupSizes.size());
    int start = 0;
    for (int size : groupSizes) {
      groups.add(new RecGroup(types.subList(start, start + size)));
      start += size;
    }
    return groups;
  }
}
