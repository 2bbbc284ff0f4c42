package dev.cortado.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WIT, the component model's interface language, parsed and resolved: packages of interfaces and
 * worlds, each world as a {@link World} (what a component of it imports and exports, every type
 * spelled out), which {@link WorldText} prints and {@link #check} compares a component against.
 *
 * <p>All of WIT's type and item forms are read: records, variants, enums, flags, type aliases,
 * resources with methods, static functions and constructors, {@code own}/{@code borrow} handles,
 * lists (fixed-length too), options, results, tuples, streams and futures, {@code use} across
 * interfaces and packages (top-level {@code use ... as} aliases too), inline interfaces and
 * functions in worlds, {@code include} (with renamings), nested packages, feature gates (read, not
 * applied).
 *
 * <pre>{@code
 * Wit wit = Wit.read(Path.of("wit"));               // a folder of .wit files, deps/ included
 * World world = wit.world("wasi:cli/command");
 * List<String> problems = Wit.check(Component.decode(bytes), world);
 * }</pre>
 */
public final class Wit {
  private final WitResolver resolver;

  private Wit(WitResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Parses and resolves WIT files given as text, by file name (the names only appear in messages);
   * a package may refer to the others.
   *
   * @throws WitException if a file does not parse (file, line and column named)
   */
  public static Wit parse(Map<String, String> files) {
    List<WitSyntax.Package> packages = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      packages.addAll(WitParser.parse(f.getKey(), f.getValue()));
    }
    return new Wit(new WitResolver(packages));
  }

  /** Parses and resolves one WIT text. */
  public static Wit parse(String text) {
    return parse(Map.of("<wit>", text));
  }

  /**
   * Reads a {@code .wit} file, or every {@code .wit} file under a folder (its {@code deps/}
   * included, as wit-bindgen lays packages out), and resolves them together.
   *
   * @throws WitException if one does not parse
   * @throws UncheckedIOException if the files cannot be read
   */
  public static Wit read(Path path) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> all = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
      for (Path p : all.filter(p -> p.toString().endsWith(".wit")).sorted().toList()) {
        files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WIT at " + path + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new WitException("no .wit file at " + path);
    }
    return parse(files);
  }

  /** Returns the qualified names of the worlds ({@code wasi:cli/command@0.2.0}). */
  public List<String> worlds() {
    return resolver.worldNames();
  }

  /**
   * Returns the world named {@code name}: qualified ({@code wasi:cli/command@0.2.0}), without its
   * version, or by its own name alone when only one package has such a world.
   *
   * @throws WitException if there is no such world, more than one, or a name in it does not resolve
   */
  public World world(String name) {
    return resolver.world(name);
  }

  /**
   * Returns how {@code component} departs from {@code world}, one line each; empty if it fits:
   * every import of the component is one the world has (an interface of a semver-compatible
   * version; each function the component imports of the same type), and every export of the world
   * is one the component has (each of the interface's functions, of the same type, where the
   * component declares its export's type; otherwise by name). Types compare as component validation
   * compares them: by structure (names of types aside), handles by own or borrow.
   */
  public static List<String> check(Component component, World world) {
    World c = World.of(component);
    List<String> problems = new ArrayList<>();
    for (World.Item imp : c.imports()) {
      Optional<World.Item> w = find(world.imports(), imp.name());
      if (w.isEmpty()) {
        problems.add("imports " + imp.name() + ", which the world does not");
      } else {
        compare(imp, w.get(), "import " + imp.name(), problems, false);
      }
    }
    for (World.Item exp : world.exports()) {
      Optional<World.Item> have = find(c.exports(), exp.name());
      if (have.isEmpty()) {
        problems.add("does not export " + exp.name());
      } else {
        compare(have.get(), exp, "export " + exp.name(), problems, true);
      }
    }
    return problems;
  }

  private static Optional<World.Item> find(List<World.Item> items, String name) {
    for (World.Item i : items) {
      if (i.name().equals(name)) {
        return Optional.of(i);
      }
    }
    for (World.Item i : items) {
      if (InterfaceNames.satisfies(i.name(), name) || InterfaceNames.satisfies(name, i.name())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Compares the component's item {@code have} with the world's {@code want}: for an import, each
   * function the component has must be the world's; for an export ({@code all}), each function the
   * world has must be the component's.
   */
  private static void compare(
      World.Item have, World.Item want, String what, List<String> problems, boolean all) {
    if (have.kind() != want.kind()) {
      problems.add(what + " is a " + kind(have) + ", not a " + kind(want));
      return;
    }
    if (have.function().isPresent() && want.function().isPresent()) {
      same(have.function().get(), want.function().get(), what, problems);
      return;
    }
    if (!have.declared()) {
      // The component does not spell out this instance's type (an exported instance of its
      // own): only its name can be checked.
      return;
    }
    Map<String, World.Function> ours = functions(have);
    Map<String, World.Function> theirs = functions(want);
    Map<String, World.Function> required = all ? theirs : ours;
    for (Map.Entry<String, World.Function> f : required.entrySet()) {
      World.Function h = ours.get(f.getKey());
      World.Function w = theirs.get(f.getKey());
      if (h == null) {
        problems.add(what + " lacks function " + f.getKey());
      } else if (w == null) {
        problems.add(what + " has function " + f.getKey() + ", which the world does not");
      } else {
        same(h, w, what + ", function " + f.getKey(), problems);
      }
    }
  }

  private static String kind(World.Item i) {
    return i.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static void same(World.Function h, World.Function w, String what, List<String> p) {
    if (!Shapes.sameType(h, w)) {
      p.add(what + " has type " + Shapes.describe(h) + ", the world's is " + Shapes.describe(w));
    }
  }

  private static Map<String, World.Function> functions(World.Item item) {
    Map<String, World.Function> m = new LinkedHashMap<>();
    for (World.Member x : item.members()) {
      if (x instanceof World.Function f) {
        m.put(f.name(), f);
      }
    }
    return m;
  }
}
