package dev.cortado.wasm.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.testing.SpecSuite;
import dev.cortado.wasm.text.Command;
import dev.cortado.wasm.text.ModuleSource;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import dev.cortado.wasm.valid.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder and validator mutated modules and random bytes: whatever the input, only {@link
 * MalformedException} or {@link InvalidException} may come out, never another exception, an error,
 * or a hang. The seeds are the valid modules of the Wasm 2.0 suite, and the binary modules and the
 * modules the scripts define of the Wasm 3.0 suite.
 *
 * <p>CI runs a bounded number of tries (junit-platform.properties); run more with {@code ./mvnw
 * test -pl cortado-wasm -Dtest=DecoderFuzzTest -DargLine=-Djqwik.tries.default=200000}.
 */
class DecoderFuzzTest {
  /** Any single input taking longer than this is treated as a hang. */
  private static final long MAX_NANOS = 10_000_000_000L;

  private static final List<byte[]> SEEDS = seeds();

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (Path file : SpecSuite.wasm2()) {
      for (Command c : TextParser.parseScript(SpecSuite.read(file), file.toString()).commands()) {
        if (c instanceof Command.DefineModule || c instanceof Command.AssertInvalid) {
          try {
            seeds.add(ModuleEncoder.encode(c.moduleSource().orElseThrow().module()));
          } catch (MalformedException e) {
            // Only well-formed modules are seeds.
          }
        }
      }
    }
    // The Wasm 3.0 suite's binary modules too (GC types, exceptions, memory64, ...): whatever the
    // front end does not support yet must come out as malformed or invalid as well.
    for (Path file : SpecSuite.wastFiles("")) {
      for (Command c : SpecSuite.commandsIfReadable(SpecSuite.read(file), file)) {
        if (c.moduleSource().orElse(null) instanceof ModuleSource.Binary b) {
          seeds.add(b.bytes().toArray());
        } else if (c instanceof Command.DefineModule) {
          // The text modules the scripts run: GC instructions, exceptions, memory64 in code.
          try {
            seeds.add(ModuleEncoder.encode(c.moduleSource().orElseThrow().module()));
          } catch (MalformedException e) {
            // Only well-formed modules are seeds.
          }
        }
      }
    }
    return seeds;
  }

  @Test
  void onlyMalformedOrInvalidComesOutOfTheSeedsThemselves() {
    SEEDS.forEach(DecoderFuzzTest::check);
  }

  @Property
  void onlyMalformedOrInvalidComesOutOfMutatedModules(@ForAll("mutatedModules") byte[] input) {
    check(input);
  }

  @Property
  void onlyMalformedOrInvalidComesOutOfRandomBytes(@ForAll("randomModules") byte[] input) {
    check(input);
  }

  @Provide
  Arbitrary<byte[]> mutatedModules() {
    return Arbitraries.randomValue(
        random -> mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
  }

  @Provide
  Arbitrary<byte[]> randomModules() {
    return Arbitraries.randomValue(
        random -> {
          byte[] b = new byte[random.nextInt(200)];
          random.nextBytes(b);
          // Half of them get a valid header, to get past the first check.
          if (random.nextBoolean() && b.length >= 8) {
            System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, b, 0, 8);
          }
          return b;
        });
  }

  private static void check(byte[] input) {
    long start = System.nanoTime();
    try {
      WasmModule m = ModuleDecoder.decode(input);
      // What decodes prints (`inspect --wat` prints modules that do not validate too), and what
      // validates prints as text the parser reads back.
      String text = TextPrinter.print(m);
      Validator.validate(m, false);
      try {
        TextParser.parseModule(text);
      } catch (MalformedException e) {
        fail("the printed text of a valid module does not parse: " + e.getMessage() + "\n" + text);
      }
    } catch (MalformedException | InvalidException e) {
      // The two outcomes a bad module may have.
    } catch (Throwable t) {
      fail("unexpected " + t + " for input " + HexFormat.of().formatHex(input), t);
    }
    long took = System.nanoTime() - start;
    if (took > MAX_NANOS) {
      fail("took " + took / 1_000_000 + " ms for input " + HexFormat.of().formatHex(input));
    }
  }

  /** Applies one to eight random edits: byte changes, interesting values, cuts, copies. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(7)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
        case 2 ->
            b[at] = (byte) new int[] {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x0B}[random.nextInt(7)];
        case 3 -> b = Arrays.copyOf(b, at);
        case 4 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
        }
        case 5 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] out = new byte[b.length + len];
          System.arraycopy(b, 0, out, 0, at + len);
          System.arraycopy(b, at, out, at + len, b.length - at);
          b = out;
        }
        default -> {
          // A LEB128 count or size made huge: 0xFFFFFFFF.
          byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
          byte[] out = new byte[b.length + 4];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(huge, 0, out, at, 5);
          System.arraycopy(
              b, Math.min(at + 1, b.length), out, at + 5, b.length - Math.min(at + 1, b.length));
          b = out;
        }
      }
    }
    return b;
  }
}
