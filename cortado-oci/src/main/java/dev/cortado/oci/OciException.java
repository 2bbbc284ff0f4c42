package dev.cortado.oci;

/**
 * A failure to push, pull or resolve, with a message that says what happened and what to do. The
 * {@link #kind()} lets callers branch without reading messages.
 */
public class OciException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely. */
  public enum Kind {
    /** The reference string is not a valid image reference. */
    INVALID_REFERENCE,
    /** The registry wants credentials (none were found, or they were refused). */
    UNAUTHORIZED,
    /** The credentials are valid but do not allow the operation. */
    DENIED,
    /** The repository does not exist. */
    NAME_UNKNOWN,
    /** The tag, digest or blob does not exist. */
    NOT_FOUND,
    /** The artifact is not a Wasm module in a layout Cortado understands, or holds none. */
    NOT_WASM,
    /** A package holds several Wasm modules and the reference does not say which one. */
    AMBIGUOUS_MODULE,
    /** A package archive is unsafe (paths leaving its folder, links, devices) or too large. */
    UNSAFE_ARCHIVE,
    /**
     * A package file is not in its format: a wrong magic number or version, a truncated section,
     * offsets outside the file, a manifest that does not parse.
     */
    MALFORMED_PACKAGE,
    /** Downloaded bytes do not match their digest. */
    DIGEST_MISMATCH,
    /** The registry kept answering 429 Too Many Requests. */
    RATE_LIMITED,
    /** The registry failed (5xx) or answered something the protocol does not allow. */
    REGISTRY_ERROR,
    /** The registry could not be reached, or a transfer broke. */
    NETWORK,
    /** The local store or a credential file could not be read or written. */
    LOCAL_IO
  }

  private final Kind kind;

  /** Creates an exception of {@code kind} with {@code message}. */
  public OciException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Creates an exception of {@code kind} with {@code message} caused by {@code cause}. */
  public OciException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Returns what kind of failure this is. */
  public Kind kind() {
    return kind;
  }
}
