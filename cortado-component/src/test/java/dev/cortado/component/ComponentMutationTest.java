package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.testing.TextMutations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated components (bytes changed at random, seeded) are decoded, validated, printed (as {@code
 * cortado inspect} prints them, valid or not), instantiated and run: whatever happens ends in one
 * of Cortado's own exceptions (malformed, invalid, unlinkable, a trap, an exit), never in a Java
 * error from inside the component model. A long run: {@code ./mvnw -o test -pl cortado-component
 * -Dtest=ComponentMutationTest -Dcortado.fuzz.count=10000 -Dcortado.fuzz.seed=N}.
 */
class ComponentMutationTest {
  private static final Engine ENGINE =
      Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));

  /** Decodes, validates, instantiates and exercises {@code b}; returns an escape, if one. */
  private static Optional<String> exercise(byte[] b, boolean greeter) {
    Component c;
    try {
      c = Component.decode(Bytes.of(b));
    } catch (MalformedException e) {
      return Optional.empty();
    }
    try {
      try {
        c.validate();
      } catch (ComponentInvalidException e) {
        // Instantiation must refuse it too, or run it: go on.
      }
      // What `cortado inspect` prints of every component that decodes, valid or not.
      WorldText.of(c);
      ComponentLinker linker = ComponentLinker.create();
      WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults().withArgs(List.of("x")));
      wasi.addTo(linker);
      linker.defineFunction("log", args -> Optional.empty());
      Store store = Store.create(ENGINE);
      store.setFuel(2_000_000);
      wasi.enter(store);
      ComponentInstance i = linker.instantiate(store, c);
      try {
        if (greeter) {
          i.function("greet").ifPresent(f -> f.call(new ComponentValue.Str("abc")));
        } else {
          i.function("wasi:cli/run@0.2.0", "run").ifPresent(f -> f.call());
        }
      } catch (IllegalArgumentException e) {
        // The test's own argument no longer fits a mutated parameter type: the host's mistake.
      }
    } catch (WasmException e) {
      // A malformed, invalid or unlinkable component, a trap, an exit.
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.of(e.toString());
    }
    return Optional.empty();
  }

  private static List<String> mutate(byte[] original, long seed, int count, boolean greeter) {
    Random random = new Random(seed);
    List<String> escapes = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      byte[] b = original.clone();
      for (int k = 0, m = 1 + random.nextInt(3); k < m; k++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      exercise(b, greeter).ifPresent(e -> escapes.add(e));
    }
    return escapes;
  }

  @Test
  void mutatedCommandComponentsEndInCortadosOwnExceptions() throws IOException {
    byte[] hello;
    try (var in = getClass().getResourceAsStream("/components/hello.wasm")) {
      hello = in.readAllBytes();
    }
    assertEquals(List.of(), mutate(hello, TextMutations.seed(1), TextMutations.count(150), false));
  }

  @Test
  void mutatedExportingComponentsEndInCortadosOwnExceptions() {
    assertEquals(
        List.of(), mutate(Greeter.binary(), TextMutations.seed(2), TextMutations.count(400), true));
  }
}
