package dev.cortado.cli;

import dev.cortado.oci.CredentialSource;
import dev.cortado.oci.Credentials;
import dev.cortado.oci.LoginStore;
import dev.cortado.oci.Reference;
import dev.cortado.oci.RegistryClient;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado login REGISTRY}: checks credentials with the registry, then saves them (owner-only
 * file in Cortado's config folder). The password is read without echo, or from standard input.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "login",
    description = {
      "Log in to an OCI registry, for push and pull.",
      "The credentials are checked, then saved in ~/.config/cortado/credentials.json (or"
          + " $CORTADO_CONFIG_DIR), readable by you alone."
    })
final class LoginCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REGISTRY", description = "e.g. ghcr.io or localhost:5000")
  String registry;

  @Option(
      names = {"-u", "--username"},
      paramLabel = "USER",
      description = "the user name (asked for when missing)")
  String username;

  @Option(
      names = "--password-stdin",
      description = "read the password (or token) from standard input")
  boolean passwordStdin;

  @Option(names = "--insecure", description = "use plain HTTP (loopback registries always do)")
  boolean insecure;

  @Override
  public Integer call() {
    Reference where = OciSupport.registry(registry);
    Console console = OciSupport.isTerminal() ? System.console() : null;
    String user = username;
    if (user == null) {
      if (console == null) {
        throw new UserException("no terminal to ask for the user name; pass -u USER");
      }
      user = console.readLine("Username: ");
    }
    if (user == null || user.isBlank()) {
      throw new UserException("a user name is required");
    }
    String password = passwordStdin ? readStdin() : prompt(console);
    if (password.isEmpty()) {
      throw new UserException("the password is empty");
    }
    Credentials credentials = new Credentials(user.strip(), password);
    RegistryClient client =
        RegistryClient.builder()
            .credentials(CredentialSource.of(Map.of(where.registry(), credentials)))
            .insecure(insecure)
            .build();
    OciSupport.call(
        () -> {
          client.authenticate(where);
          return null;
        });
    LoginStore store = LoginStore.defaultStore();
    OciSupport.call(
        () -> {
          store.save(where.registry(), credentials);
          return null;
        });
    PrintWriter out = spec.commandLine().getOut();
    out.println("logged in to " + where.registry() + " (saved in " + store.file() + ")");
    out.flush();
    return 0;
  }

  private static String readStdin() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line.strip();
    } catch (IOException e) {
      throw new UserException("cannot read the password from standard input: " + e.getMessage());
    }
  }

  private static String prompt(Console console) {
    if (console == null) {
      throw new UserException("no terminal to ask for the password; use --password-stdin");
    }
    char[] chars = console.readPassword("Password: ");
    return chars == null ? "" : new String(chars);
  }
}
