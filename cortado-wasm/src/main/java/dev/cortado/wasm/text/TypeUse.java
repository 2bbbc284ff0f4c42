package dev.cortado.wasm.text;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A type use as written: {@code (type x)?} followed by {@code (param ...)*} and {@code (result
 * ...)*}. It is resolved to a type index only when the instruction or function using it is emitted,
 * so inline types are added to the module in the order of first use.
 *
 * @param typeRef the index token of {@code (type x)}, if given
 * @param params the inline parameter types
 * @param paramIds the identifier of each inline parameter, if it has one
 * @param results the inline result types
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#type-uses">Type uses</a>
 */
record TypeUse(
    Optional<Token> typeRef,
    List<ValType> params,
    List<Optional<Token>> paramIds,
    List<ValType> results) {
  TypeUse {
    params = List.copyOf(params);
    paramIds = List.copyOf(paramIds);
    results = List.copyOf(results);
  }

  /**
   * Reads a type use. {@code allowIds} says whether parameters may be named (in functions and
   * imports, not in block types or {@code call_indirect}).
   */
  static TypeUse parse(Cursor c, TypeTable types, boolean allowIds) {
    Optional<Token> typeRef = Optional.empty();
    if (c.peekParens("type")) {
      Cursor t = c.expectParens("type");
      typeRef = Optional.of(t.expectIndex("a type"));
      t.expectEnd();
    }
    List<ValType> params = new ArrayList<>();
    List<Optional<Token>> ids = new ArrayList<>();
    while (c.peekParens("param")) {
      Cursor p = c.expectParens("param");
      Optional<Token> id = allowIds ? p.optionalId() : Optional.empty();
      if (id.isPresent()) {
        params.add(Types.valType(p, types));
        ids.add(id);
      } else {
        while (!p.atEnd()) {
          params.add(Types.valType(p, types));
          ids.add(Optional.empty());
        }
      }
      p.expectEnd();
    }
    List<ValType> results = results(c, types);
    if (c.peekParens("param")) {
      throw c.unexpected("no (param ...) after (result ...)");
    }
    return new TypeUse(typeRef, params, ids, results);
  }

  /** Reads {@code (result t*)*}. */
  static List<ValType> results(Cursor c, TypeTable types) {
    List<ValType> results = new ArrayList<>();
    while (c.peekParens("result")) {
      Cursor r = c.expectParens("result");
      while (!r.atEnd()) {
        results.add(Types.valType(r, types));
      }
    }
    return results;
  }

  /** Returns whether parameters or results are written inline. */
  boolean hasInlineSignature() {
    return !params.isEmpty() || !results.isEmpty();
  }

  /** Returns the inline signature. */
  FuncType inlineType() {
    return new FuncType(params, results);
  }

  /**
   * Returns the type index: the one given, checked against any inline signature, or else the first
   * type equal to the inline signature (added to the module if there is none).
   */
  int resolve(TypeTable types) {
    if (typeRef.isEmpty()) {
      return types.indexOf(inlineType());
    }
    Token ref = typeRef.get();
    int index = types.resolve(ref);
    if (hasInlineSignature()) {
      // Without the inline signature an index out of range is the validator's to report; with
      // one, the signature cannot be checked, which the text format makes malformed.
      FuncType declared =
          types
              .get(index)
              .orElseThrow(
                  () -> ref.error("unknown type " + ref.text() + " (with an inline signature)"));
      if (!declared.equals(inlineType())) {
        throw ref.error(
            "inline function type "
                + inlineType()
                + " does not match type "
                + ref.text()
                + " = "
                + declared);
      }
    }
    return index;
  }

  /**
   * Returns the parameter types the function's locals start with: the inline ones, or those of the
   * referenced type when there are none inline.
   */
  List<ValType> paramTypes(TypeTable types, int index) {
    if (hasInlineSignature() || typeRef.isEmpty()) {
      return params;
    }
    return types.get(index).map(FuncType::params).orElse(List.of());
  }
}
