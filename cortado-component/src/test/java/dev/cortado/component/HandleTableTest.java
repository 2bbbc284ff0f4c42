package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The canonical ABI's handle rules. */
class HandleTableTest {
  private final Object file = new Object();
  private final Object stream = new Object();

  @Test
  void ownedHandlesMoveOutAndSlotsAreReused() {
    HandleTable t = new HandleTable();
    int a = t.addOwn(file, "a");
    assertEquals(1, a, "handle 0 is never given");
    assertEquals("a", t.liftOwn(a, file));
    AbiException gone = assertThrows(AbiException.class, () -> t.rep(a, file));
    assertTrue(gone.getMessage().contains("unknown handle 1"), gone.getMessage());
    assertEquals(1, t.addOwn(file, "b"));
  }

  @Test
  void aHandleOfAnotherTypeTraps() {
    HandleTable t = new HandleTable();
    int a = t.addOwn(file, "a");
    assertThrows(AbiException.class, () -> t.liftOwn(a, stream));
    assertThrows(AbiException.class, () -> t.rep(0, file));
  }

  @Test
  void aLentResourceCannotMoveOrBeDroppedUntilTheCallEnds() {
    HandleTable t = new HandleTable();
    int a = t.addOwn(file, "a");
    HandleTable.Call call = new HandleTable.Call();
    assertEquals("a", t.liftBorrow(a, file, call));
    assertThrows(AbiException.class, () -> t.liftOwn(a, file));
    assertThrows(AbiException.class, () -> t.drop(a, file));
    call.end();
    assertEquals(new HandleTable.Dropped("a", true), t.drop(a, file));
  }

  @Test
  void borrowedHandlesMustBeDroppedBeforeTheirCallReturns() {
    HandleTable t = new HandleTable();
    HandleTable.Call call = new HandleTable.Call();
    int b = t.addBorrow(stream, "s", call);
    assertThrows(AbiException.class, () -> t.liftOwn(b, stream));
    HandleTable.Call leaky = new HandleTable.Call();
    t.addBorrow(stream, "t", leaky);
    assertThrows(AbiException.class, leaky::end);
    assertEquals(new HandleTable.Dropped("s", false), t.drop(b, stream));
    call.end();
  }
}
