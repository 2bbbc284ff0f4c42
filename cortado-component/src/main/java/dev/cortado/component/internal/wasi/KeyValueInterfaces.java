package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.ResourceType;
import dev.cortado.component.WasiKeyValue;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Spin's {@code fermyon:spin/key-value@2.0.0} and {@code wasi:keyvalue/{store,atomics,batch}} at
 * {@code 0.2.0-draft2}, over {@link WasiKeyValue.Store}s. Both name their errors alike: Spin's
 * {@code store-table-full, no-such-store, access-denied, other(string)}, wasi:keyvalue's the same
 * without the first.
 */
public final class KeyValueInterfaces {
  private KeyValueInterfaces() {}

  static final ResourceType SPIN_STORE = ResourceType.host("store", rep -> {});
  static final ResourceType BUCKET = ResourceType.host("bucket", rep -> {});
  static final ResourceType CAS = ResourceType.host("cas", rep -> {});

  /** The most keys one {@code list-keys} page holds. */
  static final int PAGE = 1000;

  /** A {@code cas} handle: a key and the value it had when the handle was made. */
  private record Cas(WasiKeyValue.Store store, String key, Optional<byte[]> seen) {}

  /** The error cases, as Spin numbers them; wasi:keyvalue's are one less. */
  private static final int ACCESS_DENIED = 2;

  private static final int OTHER = 3;

  /**
   * Defines both interfaces in {@code l}; opening label {@code L} gives {@code stores.apply(L)} or
   * {@code access-denied}.
   */
  public static void define(
      ComponentLinker l, Function<String, Optional<WasiKeyValue.Store>> stores) {
    defineSpin(l, stores);
    String version = "@" + WasiKeyValue.WASI_KEYVALUE_VERSION;
    defineStore(l, "wasi:keyvalue/store" + version, stores);
    defineAtomics(l, "wasi:keyvalue/atomics" + version);
    defineBatch(l, "wasi:keyvalue/batch" + version);
  }

  private static void defineSpin(
      ComponentLinker l, Function<String, Optional<WasiKeyValue.Store>> stores) {
    String i = WasiKeyValue.SPIN_KEY_VALUE;
    String m = "[method]store.";
    l.defineResource(i, SPIN_STORE);
    l.defineFunction(
        i,
        "[static]store.open",
        args ->
            of(
                stores
                    .apply(Cv.string(args.get(0)))
                    .map(s -> Cv.ok(Cv.resource(SPIN_STORE, s)))
                    .orElse(Cv.err(Cv.variant(ACCESS_DENIED)))));
    l.defineFunction(i, m + "get", args -> spin(() -> value(store(args).get(key(args)))));
    l.defineFunction(i, m + "set", args -> spin(() -> set(args)));
    l.defineFunction(i, m + "delete", args -> spin(() -> delete(args)));
    l.defineFunction(i, m + "exists", args -> spin(() -> Cv.bool(store(args).exists(key(args)))));
    l.defineFunction(
        i,
        m + "get-keys",
        args ->
            spin(
                () -> {
                  List<ComponentValue> keys = new ArrayList<>();
                  WasiKeyValue.Store s = store(args);
                  Optional<String> after = Optional.empty();
                  for (List<String> page; !(page = s.keys(after, PAGE)).isEmpty(); ) {
                    page.forEach(k -> keys.add(Cv.str(k)));
                    after = Optional.of(page.get(page.size() - 1));
                  }
                  return Cv.list(keys);
                }));
  }

  private static void defineStore(
      ComponentLinker l, String i, Function<String, Optional<WasiKeyValue.Store>> stores) {
    String m = "[method]bucket.";
    l.defineResource(i, BUCKET);
    l.defineFunction(
        i,
        "open",
        args ->
            of(
                stores
                    .apply(Cv.string(args.get(0)))
                    .map(s -> Cv.ok(Cv.resource(BUCKET, s)))
                    .orElse(Cv.err(Cv.variant(ACCESS_DENIED - 1)))));
    l.defineFunction(i, m + "get", args -> wasi(() -> value(store(args).get(key(args)))));
    l.defineFunction(i, m + "set", args -> wasi(() -> set(args)));
    l.defineFunction(i, m + "delete", args -> wasi(() -> delete(args)));
    l.defineFunction(i, m + "exists", args -> wasi(() -> Cv.bool(store(args).exists(key(args)))));
    l.defineFunction(
        i,
        m + "list-keys",
        args ->
            wasi(
                () -> {
                  Optional<String> after =
                      ((ComponentValue.OptionV) args.get(1)).value().map(Cv::string);
                  List<String> page = store(args).keys(after, PAGE + 1);
                  boolean more = page.size() > PAGE;
                  List<ComponentValue> keys = new ArrayList<>();
                  page.stream().limit(PAGE).forEach(k -> keys.add(Cv.str(k)));
                  return Cv.record(
                      Cv.list(keys), more ? Cv.some(Cv.str(page.get(PAGE - 1))) : Cv.none());
                }));
  }

  private static void defineAtomics(ComponentLinker l, String i) {
    l.defineResource(i, CAS);
    l.defineFunction(
        i,
        "increment",
        args ->
            wasi(
                () ->
                    new ComponentValue.Int(
                        PrimitiveType.S64,
                        store(args).increment(key(args), Cv.integer(args.get(2))))));
    l.defineFunction(
        i,
        "[static]cas.new",
        args ->
            wasi(
                () -> {
                  WasiKeyValue.Store s = store(args);
                  String key = key(args);
                  return Cv.resource(CAS, new Cas(s, key, s.get(key)));
                }));
    l.defineFunction(
        i, "[method]cas.current", args -> wasi(() -> value(Cv.rep(args.get(0), Cas.class).seen)));
    l.defineFunction(
        i,
        "swap",
        args -> {
          Cas cas = Cv.rep(args.get(0), Cas.class);
          try {
            if (cas.store.replace(cas.key, cas.seen, Cv.bytes(args.get(1)))) {
              return of(Cv.ok());
            }
            Cas fresh = new Cas(cas.store, cas.key, cas.store.get(cas.key));
            return of(Cv.err(Cv.variant(1, Cv.resource(CAS, fresh))));
          } catch (WasiKeyValue.StoreException | UncheckedIOException e) {
            return of(Cv.err(Cv.variant(0, other(e, false))));
          }
        });
  }

  private static void defineBatch(ComponentLinker l, String i) {
    l.defineFunction(
        i,
        "get-many",
        args ->
            wasi(
                () -> {
                  WasiKeyValue.Store s = store(args);
                  List<ComponentValue> out = new ArrayList<>();
                  for (ComponentValue k : ((ComponentValue.ListV) args.get(1)).elements()) {
                    String key = Cv.string(k);
                    out.add(Cv.tuple(Cv.str(key), value(s.get(key))));
                  }
                  return Cv.list(out);
                }));
    l.defineFunction(
        i,
        "set-many",
        args ->
            wasi(
                () -> {
                  WasiKeyValue.Store s = store(args);
                  for (ComponentValue e : ((ComponentValue.ListV) args.get(1)).elements()) {
                    List<ComponentValue> pair = ((ComponentValue.TupleV) e).elements();
                    s.set(Cv.string(pair.get(0)), Cv.bytes(pair.get(1)));
                  }
                  return null;
                }));
    l.defineFunction(
        i,
        "delete-many",
        args ->
            wasi(
                () -> {
                  WasiKeyValue.Store s = store(args);
                  for (ComponentValue k : ((ComponentValue.ListV) args.get(1)).elements()) {
                    s.delete(Cv.string(k));
                  }
                  return null;
                }));
  }

  private static WasiKeyValue.Store store(List<ComponentValue> args) {
    return Cv.rep(args.get(0), WasiKeyValue.Store.class);
  }

  private static String key(List<ComponentValue> args) {
    return Cv.string(args.get(1));
  }

  private static ComponentValue set(List<ComponentValue> args) {
    store(args).set(key(args), Cv.bytes(args.get(2)));
    return null;
  }

  private static ComponentValue delete(List<ComponentValue> args) {
    store(args).delete(key(args));
    return null;
  }

  private static ComponentValue value(Optional<byte[]> v) {
    return new ComponentValue.OptionV(v.map(ComponentValue.Bytes::new));
  }

  /** Runs a Spin operation: its value (none for {@code null}) or its error as {@code other}. */
  private static Optional<ComponentValue> spin(Supplier<ComponentValue> op) {
    return result(op, true);
  }

  /** Runs a wasi:keyvalue operation, as {@link #spin}. */
  private static Optional<ComponentValue> wasi(Supplier<ComponentValue> op) {
    return result(op, false);
  }

  private static Optional<ComponentValue> result(Supplier<ComponentValue> op, boolean spin) {
    try {
      ComponentValue v = op.get();
      return of(v == null ? Cv.ok() : Cv.ok(v));
    } catch (WasiKeyValue.StoreException | UncheckedIOException e) {
      return of(Cv.err(other(e, spin)));
    }
  }

  private static ComponentValue other(RuntimeException e, boolean spin) {
    return Cv.variant(spin ? OTHER : OTHER - 1, Cv.str(String.valueOf(e.getMessage())));
  }
}
