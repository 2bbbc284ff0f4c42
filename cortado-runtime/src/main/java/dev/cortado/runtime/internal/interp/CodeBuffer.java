package dev.cortado.runtime.internal.interp;

import java.util.Arrays;

/** A growable {@code int[]} that {@link Lowering} emits IR into and patches jump targets in. */
final class CodeBuffer {
  private int[] code = new int[256];
  private int size;

  int size() {
    return size;
  }

  int get(int pos) {
    return code[pos];
  }

  void set(int pos, int value) {
    code[pos] = value;
  }

  /** Appends {@code value} and returns its position. */
  int add(int value) {
    if (size == code.length) {
      code = Arrays.copyOf(code, size * 2);
    }
    code[size] = value;
    return size++;
  }

  int[] toArray() {
    return Arrays.copyOf(code, size);
  }
}
