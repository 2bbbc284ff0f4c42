package dev.cortado.wasm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The front end's expected-failure lists ({@code src/test/resources/conformance}): what the front
 * end cannot do yet, by script ({@code file.wast reason}) or command ({@code file.wast:line
 * reason}).
 */
public final class FrontEndGaps {
  /** The list of the Wasm 3.0 suite (the top level). */
  public static final String WASM3 = "/conformance/frontend-wasm3-expected-failures.txt";

  /** The list of the Wasm 2.0 suite ({@code pre-3.0}). */
  public static final String WASM2 = "/conformance/frontend-expected-failures.txt";

  private FrontEndGaps() {}

  /** Returns the entries of list {@code resource}: location to reason. */
  public static Map<String, String> read(String resource) {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = FrontEndGaps.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no expected-failure list " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          int space = l.indexOf(' ');
          if (space < 0 || l.substring(space + 1).isBlank()) {
            throw new IllegalStateException(resource + ": entry without a reason: " + l);
          }
          map.put(l.substring(0, space), l.substring(space + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  /** Returns the Wasm 3.0 scripts the front end cannot handle whole yet. */
  public static Set<String> wasm3Scripts() {
    return read(WASM3).keySet().stream()
        .filter(k -> !k.contains(":"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
