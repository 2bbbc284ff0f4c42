package dev.cortado.oci;

import java.util.List;
import java.util.Objects;

/**
 * A parcel of a bindle that WAGI serves, with the settings of its label's {@code
 * [parcel.label.feature.wagi]} table.
 *
 * @param parcel the module's parcel ({@code application/wasm})
 * @param route the route it answers ({@code feature.wagi.route})
 * @param entrypoint the function to call ({@code feature.wagi.entrypoint}, {@code _start} by
 *     default)
 * @param argv the program's arguments ({@code feature.wagi.argv}, {@code ${SCRIPT_NAME} ${ARGS}} by
 *     default)
 * @param allowedHosts the hosts it may send requests to ({@code feature.wagi.allowed_hosts}, comma
 *     separated)
 * @param assets the parcels it sees as files: members of the groups it requires (and of the groups
 *     those require) whose label has {@code feature.wagi.file = "true"}
 * @see <a href="https://github.com/deislabs/wagi/blob/main/docs/configuring_and_running.md">WAGI's
 *     bindle support</a>
 */
public record WagiParcel(
    BindleInvoice.Parcel parcel,
    String route,
    String entrypoint,
    String argv,
    List<String> allowedHosts,
    List<BindleInvoice.Parcel> assets) {
  /** WAGI's default entry point. */
  public static final String DEFAULT_ENTRYPOINT = "_start";

  /** WAGI's default arguments. */
  public static final String DEFAULT_ARGV = "${SCRIPT_NAME} ${ARGS}";

  /** Checks every part is present and copies the lists. */
  public WagiParcel {
    Objects.requireNonNull(parcel, "parcel");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(entrypoint, "entrypoint");
    Objects.requireNonNull(argv, "argv");
    allowedHosts = List.copyOf(allowedHosts);
    assets = List.copyOf(assets);
  }
}
