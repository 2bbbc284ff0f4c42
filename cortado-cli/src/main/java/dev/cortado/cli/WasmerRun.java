package dev.cortado.cli;

import dev.cortado.oci.LocalStore;
import dev.cortado.oci.WasmerCommand;
import dev.cortado.oci.WasmerMount;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.oci.WasmerVolume;
import dev.cortado.wasi.Preopen;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command of a Wasmer package (a {@code .webc} file or a wapm tarball), ready for {@code cortado
 * run}: its atom written to the local store (by digest) as the module to run, its volumes written
 * to the store's {@code volumes/} folder (by digest) and mounted read-only where Wasmer mounts
 * them, its {@code main_args} before the user's arguments, its environment.
 *
 * @param module the atom's file in the store
 * @param programName the program's own name (argv[0]): the command's name
 * @param args the program's arguments after its name: the command's, then the user's
 * @param preopens the package's volumes, read-only, at their mount paths
 * @param env the command's environment variables
 */
record WasmerRun(
    Path module,
    String programName,
    List<String> args,
    List<Preopen> preopens,
    Map<String, String> env) {

  /** Returns whether {@code argument} names a Wasmer package file. */
  static boolean isPackage(String argument) {
    try {
      return WasmerPackage.isPackage(Path.of(argument));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Reads the package in {@code file} and prepares the command named by {@code commandOption}
   * (null: the entrypoint), or by a {@code --command NAME} right after the package in {@code
   * userArgs}, which is then not passed on.
   */
  static WasmerRun prepare(
      Path file, String commandOption, List<String> userArgs, PrintWriter err) {
    List<String> rest = new ArrayList<>(userArgs);
    String name = commandOption;
    if (rest.size() >= 2 && rest.get(0).equals("--command")) {
      name = rest.remove(1);
      rest.remove(0);
    } else if (!rest.isEmpty() && rest.get(0).startsWith("--command=")) {
      name = rest.remove(0).substring("--command=".length());
    }
    Optional<String> wanted = Optional.ofNullable(name);
    Activity.now("reading " + file);
    WasmerPackage pkg = OciSupport.call(() -> WasmerPackage.read(file));
    WasmerCommand command = OciSupport.call(() -> pkg.command(wanted));
    if (!command.isWasi()) {
      throw new UserException(
          file
              + ": command '"
              + command.name()
              + "' runs with "
              + command.runner()
              + "; Cortado runs WASI commands ("
              + WasmerCommand.WASI_RUNNER
              + ")");
    }
    if (command.atomDependency().isPresent()) {
      throw new UserException(
          file
              + ": command '"
              + command.name()
              + "' runs atom '"
              + command.atom()
              + "' of the dependency "
              + command.atomDependency().get()
              + ", which Cortado does not fetch");
    }
    Path root = LocalStore.defaultRoot();
    LocalStore store = OciSupport.call(() -> LocalStore.open(root));
    byte[] atom = pkg.atom(command.atom()).orElseThrow();
    Path module = OciSupport.call(() -> store.path(store.put(atom)));
    List<Preopen> preopens = new ArrayList<>();
    for (WasmerMount mount : pkg.mounts()) {
      if (mount.dependency().isPresent()) {
        err.println(
            "cortado run: not mounting "
                + mount.guestPath()
                + ": its volume comes from the dependency "
                + mount.dependency().get()
                + ", which Cortado does not fetch");
        continue;
      }
      WasmerVolume volume = pkg.volume(mount.volume()).orElseThrow();
      Activity.now("writing volume " + volume.name() + " of " + file);
      Path folder = OciSupport.call(() -> volume.extract(root));
      Path host = mount.pathInVolume().isEmpty() ? folder : folder.resolve(mount.pathInVolume());
      preopens.add(Preopen.readOnly(host, mount.guestPath()));
    }
    List<String> args = new ArrayList<>(command.mainArgs());
    args.addAll(rest);
    Map<String, String> env = new LinkedHashMap<>();
    for (String e : command.env()) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        env.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    return new WasmerRun(module, command.name(), List.copyOf(args), List.copyOf(preopens), env);
  }
}
