package dev.cortado.wasm.text;

import dev.cortado.wasm.Names;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identifiers the printer gives functions and locals, from the {@code name} section. A name is
 * used only if it can be written as an identifier and no earlier entity of the same space has it:
 * the parser rejects duplicates, and a printed module must read back.
 */
final class PrintNames {
  private final Map<Integer, String> functions;
  private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();
  private final Names names;

  PrintNames(Names names, int functionCount) {
    this.names = names;
    this.functions = unique(names.functionNames(), functionCount);
  }

  /** Returns {@code $name} for function {@code index}, or the index. */
  String function(int index) {
    return Optional.ofNullable(functions.get(index))
        .map(n -> "$" + n)
        .orElse(Integer.toString(index));
  }

  /** Returns the identifier of function {@code index} to declare it with, if it has one. */
  Optional<String> functionId(int index) {
    return Optional.ofNullable(functions.get(index)).map(n -> "$" + n);
  }

  /** Returns {@code $name} for local {@code local} of function {@code function}, or the index. */
  String local(int function, int local) {
    return localId(function, local).orElse(Integer.toString(local));
  }

  /** Returns the identifier of a local to declare it with, if it has one. */
  Optional<String> localId(int function, int local) {
    Map<Integer, String> m =
        locals.computeIfAbsent(
            function, f -> unique(names.localNames().getOrDefault(f, Map.of()), Integer.MAX_VALUE));
    return Optional.ofNullable(m.get(local)).map(n -> "$" + n);
  }

  private static Map<Integer, String> unique(Map<Integer, String> names, int limit) {
    Map<Integer, String> result = new HashMap<>();
    Set<String> taken = new HashSet<>();
    names.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> e.getKey() >= 0 && e.getKey() < limit && isId(e.getValue()))
        .filter(e -> taken.add(e.getValue()))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  private static boolean isId(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c < 0x80 && Lexer.isIdChar((char) c));
  }
}
