package dev.cortado.compiler.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of the instructions a {@link FunctionShape} recorded: where each block, loop, if or
 * try ends, which one encloses each instruction, and where the bodies of an if or a legacy try are
 * separated ({@code else}, {@code catch}).
 */
final class BlockStructure {
  /** For an instruction that opens a block: the index of its {@code end}. */
  final int[] end;

  /** The innermost block open at each instruction (the instruction itself excluded); -1: none. */
  final int[] parent;

  private final Map<Integer, List<Integer>> separators = new HashMap<>();

  BlockStructure(FunctionShape s) {
    int n = s.count;
    end = new int[n];
    parent = new int[n];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      parent[i] = open.isEmpty() ? -1 : open.peek();
      if (s.opens(i)) {
        open.push(i);
      } else if (s.kind[i] == FunctionShape.ELSE || s.kind[i] == FunctionShape.CATCH) {
        separators.computeIfAbsent(open.peek(), k -> new ArrayList<>()).add(i);
      } else if (s.kind[i] == FunctionShape.END && !open.isEmpty()) {
        end[open.pop()] = i;
      }
    }
  }

  /** Returns the {@code else} or {@code catch}es of the block opened at {@code block}, in order. */
  List<Integer> separators(int block) {
    return separators.getOrDefault(block, List.of());
  }
}
