package dev.cortado.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cortado.wasm.internal.FileStamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records whose {@code equals} and {@code hashCode} are written out (to keep their generated call
 * sites off the start-up path) still compare every component: a component added later fails the
 * count below until the methods and this test cover it.
 */
class WrittenOutEqualsTest {
  private static void equalAndDifferent(Object a, Object same, List<?> others) {
    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    for (Object o : others) {
      assertNotEquals(a, o, o.toString());
    }
    assertNotEquals(a, "not a " + a.getClass().getSimpleName());
  }

  @Test
  void funcTypesCompareParamsAndResults() {
    assertEquals(2, FuncType.class.getRecordComponents().length);
    equalAndDifferent(
        FuncType.of(List.of(ValType.I32), List.of(ValType.F64)),
        FuncType.of(List.of(ValType.I32), List.of(ValType.F64)),
        List.of(
            FuncType.of(List.of(ValType.I64), List.of(ValType.F64)),
            FuncType.of(List.of(ValType.I32), List.of(ValType.F32)),
            FuncType.of(List.of(ValType.F64), List.of(ValType.I32))));
  }

  @Test
  void concreteHeapTypesCompareTheirIndex() {
    assertEquals(1, HeapType.Concrete.class.getRecordComponents().length);
    equalAndDifferent(
        new HeapType.Concrete(3), new HeapType.Concrete(3), List.of(new HeapType.Concrete(4)));
  }

  @Test
  void fileStampsCompareEveryPart() {
    assertEquals(6, FileStamp.class.getRecordComponents().length);
    equalAndDifferent(
        new FileStamp("/a", 1, 2, 3, 4, 5),
        new FileStamp("/a", 1, 2, 3, 4, 5),
        List.of(
            new FileStamp("/b", 1, 2, 3, 4, 5),
            new FileStamp("/a", 9, 2, 3, 4, 5),
            new FileStamp("/a", 1, 9, 3, 4, 5),
            new FileStamp("/a", 1, 2, 9, 4, 5),
            new FileStamp("/a", 1, 2, 3, 9, 5),
            new FileStamp("/a", 1, 2, 3, 4, 9)));
  }
}
