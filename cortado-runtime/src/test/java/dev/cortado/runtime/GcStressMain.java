package dev.cortado.runtime;

import java.util.List;

/**
 * Runs {@link GcStressTest#CHURN}'s {@code churn} once and prints its result: the program {@link
 * GcStressTest} starts in a JVM with a small fixed heap.
 */
public final class GcStressMain {
  private GcStressMain() {}

  /**
   * Runs the churn.
   *
   * @param args the rounds and the nodes per round
   */
  public static void main(String[] args) {
    Engine engine = Engine.create();
    Instance in =
        Linker.create()
            .instantiate(Store.create(engine), Module.compileText(engine, GcStressTest.CHURN));
    List<WasmValue> result =
        in.func("churn")
            .orElseThrow()
            .call(
                WasmValue.i32(Integer.parseInt(args[0])), WasmValue.i32(Integer.parseInt(args[1])));
    System.out.println(((WasmValue.I64) result.get(0)).value());
  }
}
