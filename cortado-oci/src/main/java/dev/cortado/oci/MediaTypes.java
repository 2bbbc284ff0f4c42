package dev.cortado.oci;

import java.util.Set;

/**
 * The media types Cortado writes and reads.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.0/media-types.md">image-spec
 *     media types</a>
 */
public final class MediaTypes {
  private MediaTypes() {}

  /** An OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  /** An OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /** A Docker image manifest, schema 2. */
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** A Docker manifest list. */
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";

  /** The config of the CNCF Wasm artifact layout. */
  public static final String WASM_CONFIG_V0 = "application/vnd.wasm.config.v0+json";

  /** The (empty) config of wasm-to-oci artifacts. */
  public static final String WASM_CONFIG_V1 = "application/vnd.wasm.config.v1+json";

  /** The module layer of the CNCF Wasm artifact layout. */
  public static final String WASM_LAYER = "application/wasm";

  /** An OCI image config (what Spin writes beside a locked app since Spin 2.0). */
  public static final String OCI_IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";

  /**
   * Spin's locked app: a layer of a Spin application since Spin 2.0, its config blob before.
   *
   * @see <a href="https://github.com/spinframework/spin/blob/main/crates/oci/src/client.rs">Spin's
   *     OCI client</a>
   */
  public static final String SPIN_APPLICATION =
      "application/vnd.fermyon.spin.application.v1+config";

  /** A component's Wasm in a Spin application. */
  public static final String SPIN_WASM_LAYER = "application/vnd.wasm.content.layer.v1+wasm";

  /** A static file of a Spin application. */
  public static final String SPIN_DATA_LAYER = "application/vnd.wasm.content.layer.v1+data";

  /** A gzipped tar of a Spin application's static files (not read by Cortado). */
  public static final String SPIN_ARCHIVE_LAYER = "application/vnd.wasm.content.bundle.v1.tar+gzip";

  /** Every layer media type that holds one Wasm module (oci.md §2). */
  public static final Set<String> WASM_LAYERS =
      Set.of(
          WASM_LAYER,
          "application/vnd.wasm.content.layer.v1+wasm",
          "application/vnd.module.wasm.content.layer.v1+wasm",
          "application/vnd.bytecodealliance.wasm.component.layer.v0+wasm");

  /** The manifests that list layers. */
  public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

  /** The manifests that list other manifests. */
  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

  /** The {@code Accept} header of manifest requests: every manifest type Cortado parses. */
  public static final String MANIFEST_ACCEPT =
      String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);
}
