package dev.cortado.wasm.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One index space of a module or function (types, functions, locals, ...): which identifier names
 * which index.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#indices">Indices</a>
 */
final class IdSpace {
  private final String kind;
  private final Map<String, Integer> byName = new HashMap<>();
  private int size;

  /** Returns an empty space; {@code kind} names it in errors ("duplicate func $f"). */
  IdSpace(String kind) {
    this.kind = kind;
  }

  /** Gives the next index to a new entry, binding {@code id} to it if present. */
  int declare(Optional<Token> id) {
    int index = size++;
    if (id.isPresent()) {
      Token t = id.get();
      if (byName.putIfAbsent(t.idName(), index) != null) {
        throw t.error("duplicate " + kind + " " + t.text());
      }
    }
    return index;
  }

  /** Returns the number of entries declared. */
  int size() {
    return size;
  }

  /**
   * Returns the index an index token stands for. A number is taken as it is (an index out of range
   * is for the validator to report); an identifier must have been declared.
   */
  int resolve(Token t) {
    if (t.kind() == Token.Kind.ID) {
      Integer index = byName.get(t.idName());
      if (index == null) {
        throw t.error("unknown " + kind + " " + t.text());
      }
      return index;
    }
    return IntLiterals.u32(t, kind + " index");
  }
}
