package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.testing.ExternalTool;
import dev.cortado.wasm.testing.SpecSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares our parser with wabt's: for every module of the Wasm 2.0 suite, the model we parse must
 * equal the model decoded from the binary wast2json (wabt 1.0.32, default features) writes for it.
 * Ours is encoded and decoded again first, so both sides went through the same decoder. Binary and
 * quoted modules are compared by their bytes, which checks how strings are read.
 */
class Wat2WasmDifferentialTest {
  private static final AtomicInteger COMPARED = new AtomicInteger();
  private static final AtomicInteger EXCUSED = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyModuleMatchesWat2Wasm() throws IOException {
    Path tool = ExternalTool.require("wast2json", "wabt");
    Set<String> unreadable = wast2jsonFailures();
    return SpecSuite.wasm2().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(), () -> compareFile(tool, p, unreadable)));
  }

  /** The suite files wast2json cannot read, as listed beside the suite. */
  private static Set<String> wast2jsonFailures() throws IOException {
    Path list = SpecSuite.root().resolve("WAST2JSON-wabt-1.0.32.txt");
    return Files.readAllLines(list).stream()
        .filter(l -> l.startsWith("FAIL pre-3.0/"))
        .map(l -> l.substring("FAIL pre-3.0/".length()).split(" ")[0])
        .collect(Collectors.toSet());
  }

  private static void compareFile(Path tool, Path file, Set<String> unreadable) throws Exception {
    String name = file.getFileName().toString();
    Assumptions.assumeFalse(
        unreadable.contains(name),
        "wast2json 1.0.32 cannot read " + name + " (WAST2JSON-wabt-1.0.32.txt)");
    Path dir = Files.createTempDirectory("cortado-wast2json");
    try {
      List<Map<String, Object>> theirs = runWast2Json(tool, file, dir);
      List<Command> ours = moduleCommands(TextSuiteTest.parse(file));
      if (ours.size() != theirs.size()) {
        fail(name + ": " + ours.size() + " module commands, wast2json has " + theirs.size());
      }
      List<String> failures = new ArrayList<>();
      int compared = 0;
      int excused = 0;
      for (int i = 0; i < ours.size(); i++) {
        Command command = ours.get(i);
        Map<String, Object> their = theirs.get(i);
        String where = name + ":" + command.line();
        Path theirFile = dir.resolve((String) their.get("filename"));
        Outcome outcome = compare(command.moduleSource().get(), theirFile, where);
        switch (outcome) {
          case Outcome.Same s -> compared++;
          case Outcome.Excused e -> {
            compared++;
            excused++;
            System.out.println(where + ": excused: " + e.reason());
          }
          case Outcome.Different d -> failures.add(d.description());
        }
      }
      System.out.println(name + ": " + compared + " modules compared, " + excused + " excused");
      COMPARED.addAndGet(compared);
      EXCUSED.addAndGet(excused);
      if (!failures.isEmpty()) {
        fail(failures.size() + " differences from wat2wasm:\n" + String.join("\n", failures));
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runWast2Json(Path tool, Path file, Path dir)
      throws Exception {
    String stem = file.getFileName().toString().replace(".wast", "");
    Process p =
        new ProcessBuilder(tool.toString(), file.toString(), "-o", stem + ".json")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("wast2json failed on " + file.getFileName() + ":\n" + output);
    }
    Map<String, Object> json =
        (Map<String, Object>) MiniJson.parse(Files.readString(dir.resolve(stem + ".json")));
    List<Map<String, Object>> withModules = new ArrayList<>();
    for (Object c : (List<Object>) json.get("commands")) {
      Map<String, Object> command = (Map<String, Object>) c;
      if (command.containsKey("filename")) {
        withModules.add(command);
      }
    }
    return withModules;
  }

  private static List<Command> moduleCommands(Script script) {
    return script.commands().stream().filter(c -> c.moduleSource().isPresent()).toList();
  }

  /** How our module compares with wabt's. */
  sealed interface Outcome {
    record Same() implements Outcome {}

    record Excused(String reason) implements Outcome {}

    record Different(String description) implements Outcome {}
  }

  private static Outcome compare(ModuleSource source, Path theirFile, String where)
      throws IOException {
    byte[] their = Files.readAllBytes(theirFile);
    switch (source) {
      case ModuleSource.Binary b -> {
        return bytes(b.bytes(), their, where);
      }
      case ModuleSource.Quote q when theirFile.toString().endsWith(".wat") -> {
        return bytes(q.text(), their, where);
      }
      default -> {}
    }
    WasmModule ours;
    try {
      ours = ModuleDecoder.decode(ModuleEncoder.encode(source.module()));
    } catch (MalformedException e) {
      return new Outcome.Different(where + ": we reject a module wabt accepts: " + e.getMessage());
    }
    WasmModule theirs;
    try {
      theirs = ModuleDecoder.decode(their);
    } catch (MalformedException e) {
      return WabtQuirks.explain(ours, their)
          .<Outcome>map(q -> new Outcome.Excused(q.reason()))
          .orElseGet(
              () ->
                  new Outcome.Different(
                      where + ": wabt's binary does not decode: " + e.getMessage()));
    }
    Optional<String> difference = ModuleDiff.firstDifference(ours, theirs);
    if (difference.isEmpty()) {
      return new Outcome.Same();
    }
    return WabtQuirks.explain(ours, their)
        .<Outcome>map(q -> new Outcome.Excused(q.reason()))
        .orElseGet(() -> new Outcome.Different(where + ": ours vs wabt's: " + difference.get()));
  }

  private static Outcome bytes(Bytes ours, byte[] theirs, String where) {
    return ours.equals(Bytes.of(theirs))
        ? new Outcome.Same()
        : new Outcome.Different(where + ": bytes differ: " + ours + " vs " + Bytes.of(theirs));
  }

  @AfterAll
  static void printTotal() {
    System.out.println(
        "total: "
            + COMPARED.get()
            + " modules compared with wat2wasm, "
            + EXCUSED.get()
            + " excused");
  }
}
