package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.testing.ExternalTool;
import dev.cortado.wasm.testing.FrontEndGaps;
import dev.cortado.wasm.testing.SpecSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares our parser with wabt's (1.0.32, default features): for every module of the Wasm 2.0
 * suite, the model we parse must equal the model decoded from the binary wabt writes for it. Ours
 * is encoded and decoded again first, so both sides went through the same decoder. Binary and
 * quoted modules are compared by their bytes, which checks how strings are read.
 *
 * <p>wast2json converts whole scripts. For the files it cannot read (listed in {@code
 * WAST2JSON-wabt-1.0.32.txt} beside the suite), each text module is cut out of the script and given
 * to wat2wasm on its own; modules wat2wasm cannot read either are counted, not compared.
 * Differences wabt is known to get wrong are excused only as {@link WabtQuirks} explains them.
 */
class Wat2WasmDifferentialTest {
  private static final AtomicInteger COMPARED = new AtomicInteger();
  private static final AtomicInteger EXCUSED = new AtomicInteger();
  private static final AtomicInteger UNREADABLE = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyModuleMatchesWat2Wasm() throws IOException {
    return suite(SpecSuite.wasm2(), "pre-3.0/", List.of(), Set.of());
  }

  /**
   * The Wasm 3.0 suite (the top level) against wabt with {@code --enable-all}, where wabt can
   * follow (its 1.0.32 predates GC, typed function references and the new exception handling: the
   * files it cannot read go module by module, and the modules wat2wasm rejects are counted). The
   * scripts Cortado's own front end cannot handle yet are left out, as the front-end conformance
   * test lists them.
   */
  @TestFactory
  Stream<DynamicTest> everyModuleOfTheWasm3SuiteMatchesWat2Wasm() throws IOException {
    Set<String> leftOut = new HashSet<>(FrontEndGaps.wasm3Scripts());
    WABT_OBSOLETE.forEach(
        (file, why) -> {
          System.out.println(file + ": not compared: " + why);
          leftOut.add(file);
        });
    return suite(SpecSuite.wastFiles(""), "", List.of("--enable-all"), leftOut);
  }

  /**
   * The 3.0 scripts wabt 1.0.32 writes differently from the final spec: its typed function
   * references follow an early draft of the proposal ({@code (ref $t)} as 0x6b, block types of
   * reference types as type indices).
   */
  private static final Map<String, String> WABT_OBSOLETE =
      Map.of(
          "array.wast", "wabt encodes (ref $t) as the draft's 0x6b",
          "func.wast", "wabt encodes (ref $t) as the draft's 0x6b",
          "struct.wast", "wabt encodes (ref $t) as the draft's 0x6b",
          "ref.wast", "wabt encodes (ref $t) types and block types by the draft",
          "select.wast", "wabt encodes (ref $t) as the draft's 0x6b",
          "type-equivalence.wast", "wabt encodes (ref $t) as the draft's 0x6b",
          "type-rec.wast", "wabt encodes (ref $t) types by the draft");

  private static Stream<DynamicTest> suite(
      List<Path> files, String listPrefix, List<String> features, Set<String> leftOut)
      throws IOException {
    Path wast2json = ExternalTool.require("wast2json", "wabt");
    Path wat2wasm = ExternalTool.require("wat2wasm", "wabt");
    Set<String> unreadable = wast2jsonFailures(listPrefix);
    return files.stream()
        .filter(p -> !leftOut.contains(p.getFileName().toString()))
        .map(
            p ->
                DynamicTest.dynamicTest(
                    listPrefix + p.getFileName(),
                    () -> {
                      Path dir = Files.createTempDirectory("cortado-wabt");
                      try {
                        if (unreadable.contains(p.getFileName().toString())) {
                          moduleByModule(wat2wasm, features, p, dir);
                        } else {
                          wholeScript(wast2json, features, p, dir);
                        }
                      } finally {
                        delete(dir);
                      }
                    }));
  }

  /** The suite files wast2json cannot read, as listed beside the suite, in one folder. */
  private static Set<String> wast2jsonFailures(String folder) throws IOException {
    Path list = SpecSuite.root().resolve("WAST2JSON-wabt-1.0.32.txt");
    String prefix = "FAIL " + folder;
    return Files.readAllLines(list).stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).split(" ")[0])
        .filter(name -> !name.contains("/"))
        .collect(Collectors.toSet());
  }

  /** Counts and failures of one file. */
  private static final class Tally {
    final String file;
    final List<String> failures = new ArrayList<>();
    int compared;
    int excused;
    int unreadable;

    Tally(String file) {
      this.file = file;
    }

    void add(Outcome outcome, String where) {
      switch (outcome) {
        case Outcome.Same s -> compared++;
        case Outcome.Excused e -> {
          compared++;
          excused++;
          System.out.println(where + ": excused: " + e.reason());
        }
        case Outcome.Different d -> failures.add(where + ": " + d.description());
      }
    }

    void finish(String how) {
      System.out.println(
          file + ": " + compared + " modules compared, " + excused + " excused" + how);
      COMPARED.addAndGet(compared);
      EXCUSED.addAndGet(excused);
      UNREADABLE.addAndGet(unreadable);
      if (!failures.isEmpty()) {
        fail(failures.size() + " differences from wabt:\n" + String.join("\n", failures));
      }
    }
  }

  private static void wholeScript(Path tool, List<String> features, Path file, Path dir)
      throws Exception {
    String name = file.getFileName().toString();
    String stem = name.replace(".wast", "");
    List<String> args = new ArrayList<>(features);
    args.addAll(List.of(file.toString(), "-o", stem + ".json"));
    run(tool, dir, args.toArray(String[]::new));
    List<Map<String, Object>> theirs = moduleCommands(dir.resolve(stem + ".json"));
    List<Command> ours =
        TextSuiteTest.parse(file).commands().stream()
            .filter(c -> c.moduleSource().isPresent())
            .toList();
    if (ours.size() != theirs.size()) {
      fail(name + ": " + ours.size() + " module commands, wast2json has " + theirs.size());
    }
    Tally tally = new Tally(name);
    for (int i = 0; i < ours.size(); i++) {
      Command command = ours.get(i);
      Path theirFile = dir.resolve((String) theirs.get(i).get("filename"));
      tally.add(compare(command.moduleSource().get(), theirFile), name + ":" + command.line());
    }
    tally.finish("");
  }

  private static void moduleByModule(Path tool, List<String> features, Path file, Path dir)
      throws Exception {
    String name = file.getFileName().toString();
    List<Optional<String>> slices = ModuleSlices.of(Files.readString(file));
    List<Command> commands = TextSuiteTest.parse(file).commands();
    Tally tally = new Tally(name);
    for (int i = 0; i < commands.size(); i++) {
      Optional<ModuleSource> source = commands.get(i).moduleSource();
      if (slices.get(i).isEmpty() || !(source.orElse(null) instanceof ModuleSource.Text)) {
        continue;
      }
      Path wat = dir.resolve(i + ".wat");
      Files.writeString(wat, slices.get(i).get());
      String where = name + ":" + commands.get(i).line();
      List<String> args = new ArrayList<>(features);
      args.addAll(List.of("--no-check", wat.toString(), "-o", i + ".wasm"));
      if (run(tool, dir, args.toArray(String[]::new)).isPresent()) {
        tally.unreadable++;
        continue;
      }
      tally.add(compare(source.get(), dir.resolve(i + ".wasm")), where);
    }
    tally.finish(
        ", "
            + tally.unreadable
            + " wat2wasm cannot read (module by module: wast2json cannot read"
            + " the file)");
  }

  /** Runs a tool in {@code dir}; returns its output if it failed. */
  private static Optional<String> run(Path tool, Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(tool.toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(tool.getFileName() + " did not finish: " + String.join(" ", args));
    }
    if (p.exitValue() != 0 && tool.getFileName().toString().equals("wast2json")) {
      fail("wast2json failed on " + String.join(" ", args) + ":\n" + output);
    }
    return p.exitValue() == 0 ? Optional.empty() : Optional.of(output);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> moduleCommands(Path json) throws IOException {
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(json));
    List<Map<String, Object>> withModules = new ArrayList<>();
    for (Object c : (List<Object>) root.get("commands")) {
      Map<String, Object> command = (Map<String, Object>) c;
      if (command.containsKey("filename")) {
        withModules.add(command);
      }
    }
    return withModules;
  }

  /** How our module compares with wabt's. */
  sealed interface Outcome {
    record Same() implements Outcome {}

    record Excused(String reason) implements Outcome {}

    record Different(String description) implements Outcome {}
  }

  private static Outcome compare(ModuleSource source, Path theirFile) throws IOException {
    byte[] their = Files.readAllBytes(theirFile);
    switch (source) {
      case ModuleSource.Binary b -> {
        return bytes(b.bytes(), their);
      }
      case ModuleSource.Quote q when theirFile.toString().endsWith(".wat") -> {
        return bytes(q.text(), their);
      }
      default -> {}
    }
    WasmModule ours;
    try {
      ours = ModuleDecoder.decode(ModuleEncoder.encode(source.module()));
    } catch (MalformedException e) {
      return new Outcome.Different("we reject a module wabt accepts: " + e.getMessage());
    }
    String difference;
    try {
      difference = ModuleDiff.firstDifference(ours, ModuleDecoder.decode(their)).orElse("");
    } catch (MalformedException e) {
      difference = "wabt's binary does not decode: " + e.getMessage();
    }
    if (difference.isEmpty()) {
      return new Outcome.Same();
    }
    String described = difference;
    return WabtQuirks.explain(ours, their)
        .<Outcome>map(q -> new Outcome.Excused(q.reason()))
        .orElseGet(() -> new Outcome.Different("ours vs wabt's: " + described));
  }

  private static Outcome bytes(Bytes ours, byte[] theirs) {
    return ours.equals(Bytes.of(theirs))
        ? new Outcome.Same()
        : new Outcome.Different("bytes differ: " + ours + " vs " + Bytes.of(theirs));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterAll
  static void printTotal() {
    System.out.println(
        "total: "
            + COMPARED.get()
            + " modules compared with wabt, "
            + EXCUSED.get()
            + " excused, "
            + UNREADABLE.get()
            + " that wat2wasm cannot read");
  }
}
