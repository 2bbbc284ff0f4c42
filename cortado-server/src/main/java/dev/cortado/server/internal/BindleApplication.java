package dev.cortado.server.internal;

import dev.cortado.oci.Bindle;
import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.WagiParcel;
import dev.cortado.server.Component;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.OutboundHost;
import dev.cortado.server.Route;
import dev.cortado.server.ServeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bindle as an application, as WAGI serves one: each parcel with a {@code feature.wagi.route}
 * becomes a WAGI trigger on that route (with its {@code argv} and {@code entrypoint}), its module
 * the stored parcel (its digest checked again when loaded), its files the asset parcels it
 * requires, each mounted read-only at {@code /<label name>}. Unlike WAGI, which mounts every asset
 * of the invoice for any module that requires one group, a module sees only its own assets.
 */
public final class BindleApplication {
  private BindleApplication() {}

  /**
   * Returns the application serving {@code bindle}.
   *
   * @throws ServeException if it has no routed parcel, or a route or allowed host is not valid
   */
  public static Manifest of(Bindle bindle) {
    BindleInvoice invoice = bindle.invoice();
    String what = "bindle " + invoice.id() + " (" + bindle.source() + ")";
    List<WagiParcel> handlers = invoice.wagiParcels();
    if (handlers.isEmpty()) {
      throw new ServeException(
          what
              + " has no parcel with a WAGI route: WAGI serves the application/wasm parcels"
              + " whose label has [parcel.label.feature.wagi] route = \"/...\"");
    }
    Map<String, Component> components = new LinkedHashMap<>();
    List<HttpTrigger> triggers = new ArrayList<>();
    Set<String> routes = new HashSet<>();
    for (WagiParcel h : handlers) {
      BindleInvoice.Label label = h.parcel().label();
      String id = uniqueId(ManifestParser.componentIdFor(label.name()), components);
      Route route;
      try {
        route = Route.parse(h.route());
      } catch (IllegalArgumentException e) {
        throw new ServeException(what + ": parcel " + label.name() + ": " + e.getMessage(), e);
      }
      if (!routes.add(route.pattern())) {
        throw new ServeException(
            what + ": two parcels take route " + route.pattern() + "; a route answers once");
      }
      List<Component.FileMount> files = new ArrayList<>();
      for (BindleInvoice.Parcel asset : h.assets()) {
        files.add(new Component.FileMount.Mapping(bindle.file(asset), "/" + asset.label().name()));
      }
      List<OutboundHost> hosts = new ArrayList<>();
      for (String host : h.allowedHosts()) {
        try {
          hosts.add(OutboundHosts.parse(host));
        } catch (IllegalArgumentException e) {
          throw new ServeException(
              what + ": parcel " + label.name() + ": allowed_hosts: " + e.getMessage(), e);
        }
      }
      components.put(
          id,
          new Component(
              id,
              new Component.Source(bindle.file(h.parcel()), Optional.of(label.sha256())),
              files,
              List.of(),
              Map.of(),
              Map.of(),
              hosts));
      triggers.add(
          new HttpTrigger(
              route,
              Optional.of(id),
              new Executor.Wagi(h.argv(), h.entrypoint()),
              Optional.empty()));
    }
    return new Manifest(
        bindle.invoiceFile(),
        new Manifest.Application(
            invoice.id(), Optional.of(invoice.version()), invoice.description(), "/"),
        List.of(),
        triggers,
        components);
  }

  private static String uniqueId(String id, Map<String, Component> taken) {
    String candidate = id;
    for (int n = 2; taken.containsKey(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }
}
