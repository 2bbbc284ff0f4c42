package dev.cortado.container;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with a private containerd of its own, started once for its tests. */
abstract class WithContainerd {
  static Containerd containerd;

  @BeforeAll
  static void startContainerd() throws Exception {
    containerd = Containerd.start();
  }

  @AfterAll
  static void stopContainerd() throws Exception {
    if (containerd != null) {
      containerd.close();
      containerd = null;
    }
  }
}
