package dev.cortado.oci.internal.bindle;

import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.BindleInvoice.Parcel;
import dev.cortado.oci.WagiParcel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an invoice as WAGI does: a parcel whose label has {@code feature.wagi.route} is a handler;
 * the parcels it may read are the members of the groups it requires, and of the groups those
 * members require in turn, that are marked {@code feature.wagi.file = "true"}.
 */
public final class WagiHandlers {
  private static final String WAGI = "wagi";

  private WagiHandlers() {}

  /** Returns the handlers of {@code invoice}, in invoice order. */
  public static List<WagiParcel> of(BindleInvoice invoice) {
    Map<String, List<Parcel>> members = new LinkedHashMap<>();
    for (Parcel p : invoice.parcels()) {
      for (String g : p.memberOf()) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
      }
    }
    List<WagiParcel> out = new ArrayList<>();
    for (Parcel p : invoice.parcels()) {
      if (p.feature(WAGI, "route").isEmpty()) {
        continue;
      }
      String route = p.feature(WAGI, "route").get();
      if (!p.label().mediaType().equals(BindleInvoice.WASM_MEDIA_TYPE)) {
        throw InvoiceToml.malformed(
            "bindle " + invoice.id(),
            "parcel "
                + p.label().name()
                + " has a WAGI route ("
                + route
                + ") but its media type is "
                + p.label().mediaType()
                + "; WAGI runs only "
                + BindleInvoice.WASM_MEDIA_TYPE
                + " parcels");
      }
      List<Parcel> assets =
          required(p, members).stream()
              .filter(a -> a.feature(WAGI, "file").map("true"::equals).orElse(false))
              .toList();
      out.add(
          new WagiParcel(
              p,
              route,
              p.feature(WAGI, "entrypoint").orElse(WagiParcel.DEFAULT_ENTRYPOINT),
              p.feature(WAGI, "argv").orElse(WagiParcel.DEFAULT_ARGV),
              p.feature(WAGI, "allowed_hosts").map(WagiHandlers::csv).orElse(List.of()),
              assets));
    }
    return out;
  }

  /** Returns the parcels {@code p} requires, through its groups and theirs, each once. */
  private static List<Parcel> required(Parcel p, Map<String, List<Parcel>> members) {
    Set<String> seen = new LinkedHashSet<>();
    Set<Parcel> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(p.requires());
    while (!todo.isEmpty()) {
      String group = todo.pop();
      if (!seen.add(group)) {
        continue;
      }
      for (Parcel m : members.getOrDefault(group, List.of())) {
        if (m != p && out.add(m)) {
          todo.addAll(m.requires());
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> csv(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
