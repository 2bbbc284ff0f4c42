package dev.cortado.runtime.internal.store;

/**
 * A WebAssembly exception (Wasm 3.0): its tag and the values thrown with it, the referent of an
 * {@code exnref}. The values are kept as machine slots are (numbers and low vector halves, high
 * vector halves, references), so that moving them needs no knowledge of their types.
 */
public final class ExceptionInstance {
  /** The tag the exception was thrown with. */
  public final TagInstance tag;

  /** Numbers and the low 64 bits of vectors, one per value. */
  public final long[] lo;

  /** The high 64 bits of vectors, one per value. */
  public final long[] hi;

  /** References, one per value. */
  public final Object[] refs;

  /** Creates an exception of {@code tag} with the values in slots {@code from...} of the arrays. */
  public ExceptionInstance(TagInstance tag, long[] lo, long[] hi, Object[] refs, int from) {
    this.tag = tag;
    int n = tag.type().params().size();
    this.lo = new long[n];
    this.hi = new long[n];
    this.refs = new Object[n];
    System.arraycopy(lo, from, this.lo, 0, n);
    System.arraycopy(hi, from, this.hi, 0, n);
    System.arraycopy(refs, from, this.refs, 0, n);
  }

  /** Copies the values into slots {@code to...} of the arrays. */
  public void copyValuesTo(long[] lo, long[] hi, Object[] refs, int to) {
    int n = this.lo.length;
    System.arraycopy(this.lo, 0, lo, to, n);
    System.arraycopy(this.hi, 0, hi, to, n);
    System.arraycopy(this.refs, 0, refs, to, n);
  }
}
