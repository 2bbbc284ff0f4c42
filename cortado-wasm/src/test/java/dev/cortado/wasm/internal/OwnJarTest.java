package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnJarTest {
  private static byte[] throughClassLoader(Class<?> c, String name) throws IOException {
    try (InputStream in = c.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aClassFromAJarHasThatJarAndItsResourcesComeFromIt() throws IOException {
    // JUnit's annotation is loaded from JUnit's jar on the test class path.
    Class<?> c = Test.class;
    assertTrue(OwnJar.of(c).isPresent());
    assertTrue(OwnJar.of(c).get().toString().endsWith(".jar"));
    Map<String, byte[]> found = OwnJar.resources(c, List.of("Test.class", "NoSuchThing.class"));
    assertEquals(List.of("Test.class"), List.copyOf(found.keySet()));
    assertArrayEquals(throughClassLoader(c, "Test.class"), found.get("Test.class"));
  }

  @Test
  void aClassFromAFolderHasNoJarAndItsResourcesComeThroughIt() throws IOException {
    Class<?> c = OwnJarTest.class;
    assertTrue(OwnJar.of(c).isEmpty());
    Map<String, byte[]> found =
        OwnJar.resources(c, List.of("OwnJarTest.class", "NoSuchThing.class"));
    assertEquals(List.of("OwnJarTest.class"), List.copyOf(found.keySet()));
    assertArrayEquals(throughClassLoader(c, "OwnJarTest.class"), found.get("OwnJarTest.class"));
  }

  @Test
  void aJdkClassHasNoJar() {
    assertTrue(OwnJar.of(String.class).isEmpty());
  }
}
