package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A component instance's table of resource handles, with the canonical ABI's rules: handle 0 is
 * never valid, freed slots are reused, an owned handle moves out when it is passed on, a borrowed
 * one lives within the call that lent it, and a resource cannot be dropped or moved while it is
 * lent. A resource type is any object compared by identity; a representation any object (an {@code
 * i32} for a resource the component implements, a Java object for one the host does). Violations
 * trap ({@link AbiException}). Not thread-safe: one instance runs one call at a time.
 */
public final class HandleTable {
  private static final class Entry {
    final Object type;
    final Object rep;
    final boolean owned;
    final Call scope; // the call a borrowed handle lives in
    int lends;

    Entry(Object type, Object rep, boolean owned, Call scope) {
      this.type = type;
      this.rep = rep;
      this.owned = owned;
      this.scope = scope;
    }
  }

  /**
   * One call across the canonical ABI: the handles it borrowed (which must be dropped before it
   * returns) and the owned handles it lent out (which are freed for moving and dropping when it
   * returns).
   */
  public static final class Call {
    private int borrows;
    private final List<Entry> lenders = new ArrayList<>();

    /** Ends the call: returns what it lent; traps if a handle it borrowed was not dropped. */
    public void end() {
      for (Entry e : lenders) {
        e.lends--;
      }
      lenders.clear();
      if (borrows != 0) {
        throw new AbiException(borrows + " borrowed handles not dropped before the call returned");
      }
    }
  }

  /**
   * What {@link #drop} removed: the representation, and whether the handle owned the resource (then
   * its destructor is due).
   *
   * @param rep the representation
   * @param owned whether the dropped handle owned it
   */
  public record Dropped(Object rep, boolean owned) {}

  private final List<Entry> slots = new ArrayList<>();
  private final List<Integer> free = new ArrayList<>();

  /** Creates an empty table, slot 0 reserved. */
  public HandleTable() {
    slots.add(null);
  }

  private int add(Entry e) {
    if (!free.isEmpty()) {
      int i = free.remove(free.size() - 1);
      slots.set(i, e);
      return i;
    }
    slots.add(e);
    return slots.size() - 1;
  }

  private Entry get(int handle, Object type) {
    Entry e = handle > 0 && handle < slots.size() ? slots.get(handle) : null;
    if (e == null) {
      throw new AbiException("unknown handle " + Integer.toUnsignedString(handle));
    }
    if (e.type != type) {
      throw new AbiException("handle " + handle + " is of another resource type");
    }
    return e;
  }

  private Entry remove(int handle, Object type) {
    Entry e = get(handle, type);
    slots.set(handle, null);
    free.add(handle);
    return e;
  }

  /** Adds an owned handle to {@code rep} ({@code own} lowered, or {@code resource.new}). */
  public int addOwn(Object type, Object rep) {
    return add(new Entry(Objects.requireNonNull(type), rep, true, null));
  }

  /** Adds a handle to {@code rep} borrowed for the duration of {@code call}. */
  public int addBorrow(Object type, Object rep, Call call) {
    call.borrows++;
    return add(new Entry(Objects.requireNonNull(type), rep, false, call));
  }

  /** Moves the resource of owned handle {@code handle} out of the table ({@code own} lifted). */
  public Object liftOwn(int handle, Object type) {
    Entry e = get(handle, type);
    if (!e.owned) {
      throw new AbiException("handle " + handle + " is borrowed, not owned");
    }
    if (e.lends != 0) {
      throw new AbiException("handle " + handle + " is lent out and cannot move");
    }
    remove(handle, type);
    return e.rep;
  }

  /** Lends handle {@code handle}'s resource to {@code call} ({@code borrow} lifted). */
  public Object liftBorrow(int handle, Object type, Call call) {
    Entry e = get(handle, type);
    e.lends++;
    call.lenders.add(e);
    return e.rep;
  }

  /** Returns the representation of handle {@code handle} ({@code resource.rep}). */
  public Object rep(int handle, Object type) {
    return get(handle, type).rep;
  }

  /** Drops handle {@code handle} ({@code resource.drop}). */
  public Dropped drop(int handle, Object type) {
    Entry e = get(handle, type);
    if (e.owned && e.lends != 0) {
      throw new AbiException("handle " + handle + " is lent out and cannot be dropped");
    }
    remove(handle, type);
    if (!e.owned) {
      e.scope.borrows--;
    }
    return new Dropped(e.rep, e.owned);
  }
}
