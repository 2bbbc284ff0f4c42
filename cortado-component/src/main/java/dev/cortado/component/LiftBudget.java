package dev.cortado.component;

/**
 * The memory a value is lifted from into the host, counting what the lift reads: a guest must not
 * make the host hold much more than its own memory. A list of strings that all point at the same
 * large run of bytes lifts to a copy of it for each element (a list of a million entries over 64 MB
 * would be 64 TB), and every lifted element is a Java object of a dozen bytes or more. The lift
 * traps once it has read more than twice the memory's size (at least {@link #FLOOR}), counting
 * {@link #PER_READ} bytes of overhead for each element and string.
 */
final class LiftBudget implements AbiMemory {
  /** The bytes a lift may always read, whatever the memory's size. */
  static final long FLOOR = 256L << 20;

  /** What each read (an element, a string) is counted as beyond its bytes: its object. */
  static final long PER_READ = 16;

  private final AbiMemory memory;
  private final long budget;
  private long left;

  private LiftBudget(AbiMemory memory, long budget) {
    this.memory = memory;
    this.budget = budget;
    this.left = budget;
  }

  /** Returns {@code memory} counting one lift's reads. */
  static AbiMemory of(AbiMemory memory) {
    return memory instanceof LiftBudget
        ? memory
        : new LiftBudget(memory, Math.max(FLOOR, 2 * memory.size()));
  }

  @Override
  public long size() {
    return memory.size();
  }

  @Override
  public byte[] read(int address, int length) {
    left -= length + PER_READ;
    if (left < 0) {
      throw new AbiException(
          "the value passed to the host lifts to more than "
              + budget
              + " bytes (twice the memory it comes from, counting an object per element): a list"
              + " whose strings or lists share their bytes?");
    }
    return memory.read(address, length);
  }

  @Override
  public void write(int address, byte[] bytes) {
    memory.write(address, bytes);
  }

  @Override
  public int realloc(int oldPtr, int oldSize, int align, int newSize) {
    return memory.realloc(oldPtr, oldSize, align, newSize);
  }

  @Override
  public CanonicalFunction.Encoding encoding() {
    return memory.encoding();
  }
}
