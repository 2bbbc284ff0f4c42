package dev.cortado.wasm.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facts about this build that key Cortado's caches: its version and checksums of its classes.
 * Computing them opens three of Cortado's jars, about 4 ms of every start in the bytecode
 * interpreter, so the launcher's training run writes those it computed to a file ({@link #write})
 * that lives and is retired with the launcher's archive, and later starts name it with the system
 * property {@value #PROPERTY}. The launcher uses the archive, and so the file, only while every jar
 * has the time it had when the training began; anything else (an embedding application, a file that
 * cannot be read or lacks a fact) computes the fact from the jars, as before.
 */
public final class BuildFacts {
  /** The system property naming the file of facts. */
  public static final String PROPERTY = "cortado.buildFacts";

  private static final String HEADER = "cortado-build-facts 1";

  // The facts read from the file (empty without one), and those this process computed or read.
  private static final Map<String, String> READ = read(System.getProperty(PROPERTY));
  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

  private BuildFacts() {}

  /**
   * Returns the fact named {@code name}: from the file if it has it, else from {@code compute}
   * (which must depend on this build's jars alone), once per process.
   */
  public static String get(String name, Supplier<String> compute) {
    String known = KNOWN.get(name);
    if (known == null) {
      String read = READ.get(name);
      known = read != null ? read : compute.get();
      String first = KNOWN.putIfAbsent(name, known);
      known = first != null ? first : known;
    }
    return known;
  }

  /** Writes the facts this process knows to {@code file}, one {@code name=value} per line. */
  public static void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    new TreeMap<>(KNOWN).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Returns the facts in {@code file}, or none if there is no file, it cannot be read or it is not
   * a file of facts.
   */
  static Map<String, String> read(String file) {
    Map<String, String> facts = new TreeMap<>();
    if (file == null || file.isEmpty()) {
      return facts;
    }
    Optional<String> text;
    try {
      text = Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      text = Optional.empty();
    }
    if (text.isEmpty() || !text.get().startsWith(HEADER + "\n")) {
      return facts;
    }
    for (String line : text.get().substring(HEADER.length() + 1).split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        return new TreeMap<>(); // damaged: trust none of it
      }
      facts.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return facts;
  }
}
