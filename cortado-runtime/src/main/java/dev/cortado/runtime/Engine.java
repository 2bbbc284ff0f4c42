package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.MemoryPool;
import dev.cortado.runtime.internal.store.RuntimeType;
import dev.cortado.runtime.internal.store.TypeRegistry;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.valid.TypeKeys;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared, thread-safe part of Cortado: configuration and what all modules compiled with it
 * share (function type identities). Create one per application and compile every module with it.
 */
public final class Engine {
  private final EngineConfig config;
  // Canonical type keys (TypeKeys) to ids: equivalent types of any two modules share an id.
  private final ConcurrentHashMap<String, Integer> typeIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextTypeId = new AtomicInteger();
  // The id of each function type met outside a module (host functions), by the type itself: a host
  // function made per instantiation (canonical lowering) finds its id without building a key.
  private final ConcurrentHashMap<FuncType, Integer> funcTypeIds = new ConcurrentHashMap<>();

  // Ids of function types met lately, by the type object: direct-mapped by identity, a slot
  // overwritten on collision; racy but safe, since entries are immutable. 65,536 slots (256 KiB):
  // a served component makes a host function for each of its hundreds of canon lowers at every
  // instantiation, and with 4,096 slots their colliding types missed, each a hash of the type's
  // lists, at every request (RATIONALE.md, "The type-id cache of host functions").
  private record RecentType(FuncType type, int id) {}

  private final RecentType[] recentTypes = new RecentType[65536];
  // The runtime form of each id's type, which casts compare.
  private final TypeRegistry runtimeTypes = new TypeRegistry();
  // Memories of closed stores, for new stores' memories of the same size: up to an eighth of the
  // heap (at most 256 MiB), and a few arrays per size for each processor.
  private final MemoryPool memoryPool =
      new MemoryPool(
          Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8),
          4 * Runtime.getRuntime().availableProcessors());

  private Engine(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns an engine with the default configuration. */
  public static Engine create() {
    return new Engine(EngineConfig.defaults());
  }

  /** Returns an engine configured by {@code config}. */
  public static Engine create(EngineConfig config) {
    return new Engine(config);
  }

  /** Returns the configuration. */
  public EngineConfig config() {
    return config;
  }

  /**
   * Returns the engine-wide id of {@code type}: equal types get equal ids, so {@code call_indirect}
   * compares two ints.
   */
  int typeId(FuncType type) {
    // The same type object again (a host function made per instantiation from a type kept by its
    // caller): found by identity, without hashing the type's lists.
    int slot = System.identityHashCode(type) & (recentTypes.length - 1);
    RecentType recent = recentTypes[slot];
    if (recent != null && recent.type() == type) {
      return recent.id();
    }
    int id = typeIdByValue(type);
    recentTypes[slot] = new RecentType(type, id);
    return id;
  }

  private int typeIdByValue(FuncType type) {
    Integer known = funcTypeIds.get(type);
    if (known != null) {
      return known;
    }
    int id = typeId(TypeKeys.key(type));
    runtimeTypes.get(id, i -> new RuntimeType(i, type, null));
    funcTypeIds.putIfAbsent(type, id);
    return id;
  }

  /** Returns the runtime types of a module's types, by type index, whose ids are {@code ids}. */
  RuntimeType[] runtimeTypes(List<RecGroup> groups, int[] ids) {
    RuntimeType[] types = new RuntimeType[ids.length];
    int index = 0;
    for (RecGroup g : groups) {
      for (SubType t : g.types()) {
        RuntimeType supertype = t.supertypes().isEmpty() ? null : types[t.supertypes().get(0)];
        types[index] =
            runtimeTypes.get(ids[index], id -> new RuntimeType(id, t.composite(), supertype));
        index++;
      }
    }
    return types;
  }

  /** Returns where memories of closed stores wait for new ones. */
  MemoryPool memoryPool() {
    return memoryPool;
  }

  /** Returns the runtime types by engine-wide id. */
  TypeRegistry typeRegistry() {
    return runtimeTypes;
  }

  /** Returns the engine-wide ids of a module's types, by type index. */
  int[] typeIds(List<RecGroup> groups) {
    return TypeKeys.ids(groups, this::typeId);
  }

  private int typeId(String key) {
    return typeIds.computeIfAbsent(key, k -> nextTypeId.getAndIncrement());
  }
}
