package dev.cortado.oci;

/** What pushing one blob took. */
public enum BlobOutcome {
  /** The registry had it already ({@code HEAD} answered 200). */
  EXISTED,
  /** The registry mounted it from another repository without a transfer. */
  MOUNTED,
  /** Uploaded in one {@code PUT}. */
  UPLOADED,
  /** Uploaded in {@code PATCH} chunks. */
  UPLOADED_IN_CHUNKS
}
