package dev.cortado.cli;

import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.Bindles;
import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.oci.WagiParcel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cortado inspect} of the packages {@code cortado serve} serves besides manifests: a
 * standalone bindle folder (its invoice: parcels, groups, WAGI routes and their assets; nothing is
 * fetched or stored) and a Suborbital bundle (its Directive's handlers and steps, its runnables and
 * static files).
 */
final class BundleInspect {
  private BundleInspect() {}

  /** Returns whether {@code file} is a standalone bindle folder or a Suborbital bundle. */
  static boolean handles(Path file) {
    return isBindleFolder(file) || SuborbitalBundle.isBundleName(file);
  }

  private static boolean isBindleFolder(Path file) {
    return Files.isDirectory(file) && Files.isRegularFile(file.resolve("invoice.toml"));
  }

  static int print(PrintWriter out, Path file) {
    if (isBindleFolder(file)) {
      printBindle(out, file);
    } else {
      printBundle(out, OciSupport.call(() -> SuborbitalBundle.read(file)));
    }
    return 0;
  }

  private static void printBindle(PrintWriter out, Path folder) {
    BindleInvoice invoice = OciSupport.call(() -> Bindles.readStandaloneInvoice(folder));
    out.println(
        folder
            + ": bindle "
            + invoice.id()
            + invoice.description().map(d -> " (" + d + ")").orElse("")
            + (invoice.yanked() ? " [yanked]" : ""));
    out.println();
    out.println("parcels (" + invoice.parcels().size() + "):");
    for (BindleInvoice.Parcel p : invoice.parcels()) {
      BindleInvoice.Label l = p.label();
      out.printf(
          "  %-28s %-24s %10s  %s%n",
          l.name(),
          l.mediaType(),
          OciSupport.size(l.size()),
          p.isGlobal() ? "global" : "member of " + String.join(", ", p.memberOf()));
    }
    out.println();
    out.println("groups (" + invoice.groups().size() + "):");
    for (BindleInvoice.Group g : invoice.groups()) {
      out.printf(
          "  %-28s satisfied by %s%s%n",
          g.name(), g.satisfiedBy(), g.required() ? ", required" : "");
    }
    List<WagiParcel> routes = OciSupport.call(invoice::wagiParcels);
    out.println();
    out.println("WAGI routes (" + routes.size() + "):");
    for (WagiParcel w : routes) {
      List<String> assets = new ArrayList<>();
      w.assets().forEach(a -> assets.add("/" + a.label().name()));
      out.printf(
          "  %-28s %s, argv \"%s\"%s%n",
          w.route(),
          w.parcel().label().name(),
          w.argv(),
          assets.isEmpty() ? "" : ", files " + String.join(" ", assets));
    }
  }

  private static void printBundle(PrintWriter out, SuborbitalBundle b) {
    SuborbitalDirective d = b.directive();
    out.printf(
        "%s: Suborbital bundle %s %s (Atmo %s)%n",
        b.file(), d.identifier(), d.appVersion(), d.atmoVersion());
    out.println();
    out.println("handlers (" + d.handlers().size() + "):");
    for (SuborbitalDirective.Handler h : d.handlers()) {
      List<String> steps = new ArrayList<>();
      for (SuborbitalDirective.Step s : h.steps()) {
        steps.add(
            switch (s) {
              case SuborbitalDirective.Fn f -> step(f);
              case SuborbitalDirective.Group g -> {
                List<String> fns = new ArrayList<>();
                g.fns().forEach(f -> fns.add(step(f)));
                yield "group(" + String.join(", ", fns) + ")";
              }
            });
      }
      out.printf(
          "  %-7s %-24s %s%s%s%n",
          h.method(),
          h.resource(),
          h.type().equals("request") ? "" : "[" + h.type() + "] ",
          String.join(" -> ", steps),
          h.response().map(r -> ", response " + r).orElse(""));
    }
    out.println();
    out.println("runnables (" + b.runnables().size() + "):");
    b.runnables()
        .forEach(
            (name, bytes) -> out.printf("  %-28s %s%n", name, OciSupport.size(bytes.length())));
    out.println();
    out.println("static files: " + b.staticFiles().size());
  }

  private static String step(SuborbitalDirective.Fn f) {
    return f.fn() + (f.as().equals(f.fn()) ? "" : " as " + f.as());
  }
}
