package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of embedding a component runs, and the README shows this code. */
class ReadmeExampleTest {
  @TempDir Path tmp;

  @Test
  void theReadmesComponentExampleRuns() throws IOException {
    Path path = Files.write(tmp.resolve("greeter.wasm"), Greeter.binary());
    Engine engine = Engine.create();
    // README: begin
    ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
    WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults().withInheritedStdio());
    linker.defineFunction(
        "log",
        args -> {
          System.out.println(((ComponentValue.Str) args.get(0)).value());
          return Optional.empty();
        });
    Store store = Store.create(engine);
    wasi.enter(store);
    ComponentInstance app = linker.instantiate(store, Component.decode(Bytes.read(path)));
    ComponentFunction greet = app.function("greet").orElseThrow();
    Optional<ComponentValue> hello = greet.call(new ComponentValue.Str("you"));
    // README: end
    assertEquals(Optional.of(new ComponentValue.Str("hello, you")), hello);
    wasi.close();
  }

  @Test
  void theReadmesWitExampleRuns() throws IOException {
    Path wit =
        Files.writeString(
            tmp.resolve("greeter.wit"),
            """
            package demo:greeter;
            world greeter {
              import log: func(msg: string);
              export greet: func(name: string) -> string;
            }
            """);
    Component component = Component.decode(Bytes.of(Greeter.binary()));
    // README-WIT: begin
    World world = Wit.read(wit).world("demo:greeter/greeter");
    System.out.println(WorldText.of(world));
    List<String> problems = Wit.check(component, world); // empty: the component fits
    // README-WIT: end
    assertEquals(List.of(), problems);
  }

  @Test
  void theReadmeShowsTheExamplesAsTheyAreHere() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/cortado/component/ReadmeExampleTest.java"));
    String readme = Files.readString(Path.of("../README.md"));
    for (String marker : List.of("README", "README-WIT")) {
      String begin = "// " + marker + ": begin\n";
      String example =
          source.substring(
              source.indexOf(begin) + begin.length(), source.indexOf("    // " + marker + ": end"));
      List<String> lines = example.lines().map(l -> l.substring(4)).toList();
      assertTrue(readme.contains(String.join("\n", lines)), "README.md shows:\n" + example);
    }
  }
}
