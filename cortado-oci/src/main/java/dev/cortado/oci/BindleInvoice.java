package dev.cortado.oci;

import dev.cortado.oci.internal.bindle.InvoiceToml;
import dev.cortado.oci.internal.bindle.WagiHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bindle's invoice ({@code invoice.toml}): the bindle's name and version, its parcels (each
 * described by a label) and the groups that parcels are members of or require.
 *
 * @param bindleVersion the invoice format's version ({@code 1.0.0})
 * @param name the bindle's name (may hold {@code /}, as {@code example.com/hello})
 * @param version the bindle's version
 * @param authors its authors
 * @param description its description, if given
 * @param yanked whether the bindle has been yanked
 * @param annotations the invoice's {@code [annotations]}
 * @param parcels the {@code [[parcel]]} entries, in file order
 * @param groups the {@code [[group]]} entries, in file order
 * @see <a href="https://github.com/deislabs/bindle/blob/main/docs/invoice-spec.md">the invoice
 *     specification</a>
 */
public record BindleInvoice(
    String bindleVersion,
    String name,
    String version,
    List<String> authors,
    Optional<String> description,
    boolean yanked,
    Map<String, String> annotations,
    List<Parcel> parcels,
    List<Group> groups) {
  /** The media type of a parcel that is a WebAssembly module. */
  public static final String WASM_MEDIA_TYPE = "application/wasm";

  /** Checks every part is present and copies the collections. */
  public BindleInvoice {
    Objects.requireNonNull(bindleVersion, "bindleVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    authors = List.copyOf(authors);
    Objects.requireNonNull(description, "description");
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    parcels = List.copyOf(parcels);
    groups = List.copyOf(groups);
  }

  /**
   * Reads the invoice {@code toml}; {@code what} names it in messages (a file or URL).
   *
   * @throws OciException {@link OciException.Kind#MALFORMED_PACKAGE} naming {@code what} and, for a
   *     TOML syntax error, the line; {@link OciException.Kind#UNSAFE_ARCHIVE} for a parcel whose
   *     name would leave the folder it is mounted in
   */
  public static BindleInvoice parse(byte[] toml, String what) {
    return InvoiceToml.parse(toml, what);
  }

  /** Returns the bindle's id, {@code name/version}. */
  public String id() {
    return name + "/" + version;
  }

  /**
   * Returns the parcels WAGI serves: each parcel whose label has a {@code feature.wagi.route}, with
   * its WAGI settings and the asset files it is given, in invoice order.
   *
   * @throws OciException {@link OciException.Kind#MALFORMED_PACKAGE} if a routed parcel is not
   *     {@code application/wasm} or a group it requires is not declared
   */
  public List<WagiParcel> wagiParcels() {
    return WagiHandlers.of(this);
  }

  /**
   * One {@code [[parcel]]}: its label and the conditions placing it in groups.
   *
   * @param label the label
   * @param memberOf the groups it is a member of (empty: the global group)
   * @param requires the groups that must be satisfied when it is used
   */
  public record Parcel(Label label, List<String> memberOf, List<String> requires) {
    /** Checks every part is present and copies the collections. */
    public Parcel {
      Objects.requireNonNull(label, "label");
      memberOf = List.copyOf(memberOf);
      requires = List.copyOf(requires);
    }

    /** Returns whether the parcel is in the global group (a member of no named group). */
    public boolean isGlobal() {
      return memberOf.isEmpty();
    }

    /** Returns the value of {@code feature.<feature>.<key>} in its label, if set. */
    public Optional<String> feature(String feature, String key) {
      return Optional.ofNullable(label.features().getOrDefault(feature, Map.of()).get(key));
    }
  }

  /**
   * A parcel's label.
   *
   * @param sha256 the SHA-256 of the parcel's bytes, 64 lowercase hex digits
   * @param name the parcel's name (a relative path)
   * @param mediaType its media type
   * @param size its size in bytes
   * @param features the {@code feature.<name>.<key> = "value"} tables, by feature name
   * @param annotations the label's annotations
   */
  public record Label(
      String sha256,
      String name,
      String mediaType,
      long size,
      Map<String, Map<String, String>> features,
      Map<String, String> annotations) {
    /** Checks every part is present and copies the maps. */
    public Label {
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mediaType, "mediaType");
      Map<String, Map<String, String>> f = new LinkedHashMap<>();
      features.forEach(
          (k, v) -> f.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
      features = java.util.Collections.unmodifiableMap(f);
      annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** Returns the parcel's digest. */
    public Digest digest() {
      return new Digest("sha256", sha256);
    }
  }

  /**
   * A {@code [[group]]}.
   *
   * @param name its name
   * @param required whether it must always be processed
   * @param satisfiedBy {@code allOf} (the default), {@code oneOf} or {@code optional}
   */
  public record Group(String name, boolean required, String satisfiedBy) {
    /** Checks every part is present. */
    public Group {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(satisfiedBy, "satisfiedBy");
    }
  }
}
