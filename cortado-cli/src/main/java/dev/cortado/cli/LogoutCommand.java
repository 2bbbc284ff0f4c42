package dev.cortado.cli;

import dev.cortado.oci.LoginStore;
import dev.cortado.oci.Reference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cortado logout REGISTRY}: forgets the credentials {@code cortado login} saved. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    description = "Forget the credentials saved by 'cortado login'.")
final class LogoutCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REGISTRY", description = "e.g. ghcr.io or localhost:5000")
  String registry;

  @Override
  public Integer call() {
    Reference where = OciSupport.registry(registry);
    boolean removed = OciSupport.call(() -> LoginStore.defaultStore().remove(where.registry()));
    PrintWriter out = spec.commandLine().getOut();
    out.println((removed ? "logged out of " : "not logged in to ") + where.registry());
    out.flush();
    return 0;
  }
}
