package dev.cortado.oci;

import dev.cortado.oci.internal.DockerConfig;
import java.util.Map;
import java.util.Optional;

/** Finds the credentials for a registry. */
@FunctionalInterface
public interface CredentialSource {
  /**
   * Returns the credentials for {@code registry} (as written in references, e.g. {@code ghcr.io} or
   * {@code localhost:5000}), if there are some.
   */
  Optional<Credentials> find(String registry);

  /** Returns a source that asks this one first, then {@code next}. */
  default CredentialSource orElse(CredentialSource next) {
    return registry -> {
      Optional<Credentials> c = find(registry);
      return c.isPresent() ? c : next.find(registry);
    };
  }

  /** Returns a source without credentials: every request is anonymous. */
  static CredentialSource none() {
    return registry -> Optional.empty();
  }

  /** Returns a source with fixed credentials per registry. */
  static CredentialSource of(Map<String, Credentials> byRegistry) {
    Map<String, Credentials> copy = Map.copyOf(byRegistry);
    return registry -> Optional.ofNullable(copy.get(registry));
  }

  /**
   * Returns Docker's credentials: {@code $DOCKER_CONFIG/config.json} or {@code
   * ~/.docker/config.json}, with inline {@code auths} and the {@code credsStore}/{@code
   * credHelpers} programs ({@code docker-credential-NAME get}).
   */
  static CredentialSource docker() {
    return DockerConfig.fromEnvironment()::find;
  }

  /** Returns Cortado's own logins ({@link LoginStore#defaultStore()}), then Docker's. */
  static CredentialSource defaults() {
    LoginStore logins = LoginStore.defaultStore();
    return ((CredentialSource) logins::find).orElse(docker());
  }
}
