package dev.cortado.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.LockedApp;
import dev.cortado.oci.OciException;
import dev.cortado.server.Component;
import dev.cortado.server.Component.FileMount;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.OutboundHost;
import dev.cortado.server.ServeException;
import dev.cortado.server.StaticResponse;
import dev.cortado.server.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A manifest locked as Spin's loader locks it for {@code spin registry push}: every file a
 * component sees listed one by one at its path (globs and folders expanded, {@code exclude_files}
 * left out, matched against the path in the application's folder), triggers with Spin's ids ({@code
 * <component>-http-trigger}, else {@code http-trigger<n>}) and {@code trigger_config}.
 */
public final class ManifestLock {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestLock() {}

  /**
   * Returns {@code manifest} as a locked app whose content is in local files.
   *
   * @throws ServeException if a file cannot be read or a source does not match its digest
   */
  public static LockedApp of(Manifest manifest) {
    List<LockedApp.Variable> variables = new ArrayList<>();
    for (Variable v : manifest.variables()) {
      variables.add(
          new LockedApp.Variable(v.name(), v.defaultValue(), v.secret(), Optional.empty()));
    }
    List<LockedApp.Component> components = new ArrayList<>();
    try {
      for (Component c : manifest.components().values()) {
        components.add(component(c, manifest.folder()));
      }
    } catch (OciException | IOException | UncheckedIOException e) {
      throw new ServeException(manifest.file() + ": " + e.getMessage(), e);
    }
    return new LockedApp(
        manifest.application().name(),
        manifest.application().version(),
        manifest.application().description(),
        List.of(),
        Optional.of(manifest.file().toAbsolutePath().toUri().toString()),
        manifest.application().basePath(),
        variables,
        triggers(manifest.triggers()),
        components);
  }

  private static List<LockedApp.Trigger> triggers(List<HttpTrigger> triggers) {
    Set<String> ids = new HashSet<>();
    List<LockedApp.Trigger> out = new ArrayList<>();
    int counter = 1;
    for (HttpTrigger t : triggers) {
      String id = t.component().map(c -> c + "-http-trigger").orElse("");
      if (id.isEmpty() || !ids.add(id)) {
        do {
          id = "http-trigger" + counter++;
        } while (!ids.add(id));
      }
      out.add(new LockedApp.Trigger(id, "http", config(t).toString()));
    }
    return out;
  }

  private static ObjectNode config(HttpTrigger t) {
    ObjectNode o = MAPPER.createObjectNode();
    if (t.route().isPrivate()) {
      o.putObject("route").put("private", true);
    } else {
      o.put("route", t.route().pattern());
    }
    t.component().ifPresent(c -> o.put("component", c));
    if (t.executor() instanceof Executor.Wagi wagi) {
      ObjectNode e = o.putObject("executor");
      e.put("type", "wagi");
      e.put("argv", wagi.argv());
      e.put("entrypoint", wagi.entrypoint());
    }
    if (t.staticResponse().isPresent()) {
      StaticResponse r = t.staticResponse().get();
      ObjectNode s = o.putObject("static_response");
      s.put("status_code", r.status());
      ObjectNode headers = s.putObject("headers");
      r.headers().forEach(headers::put);
      r.body().ifPresent(b -> s.put("body", b));
    }
    return o;
  }

  private static LockedApp.Component component(Component c, Path folder) throws IOException {
    ComponentDownload.ensure(c);
    LockedApp.Content source = LockedApp.Content.of(c.source().file());
    if (c.source().sha256().isPresent()
        && !c.source().sha256().get().equals(source.digest().hex())) {
      throw new ServeException(
          "component \""
              + c.id()
              + "\": "
              + c.source().file()
              + " does not match its digest sha256:"
              + c.source().sha256().get());
    }
    List<String> hosts = new ArrayList<>();
    c.allowedOutboundHosts().forEach(h -> hosts.add(text(h)));
    hosts.addAll(c.outboundHostTemplates());
    return new LockedApp.Component(
        c.id(),
        Optional.empty(),
        source,
        c.environment(),
        c.variables(),
        hosts,
        files(c, folder),
        c.keyValueStores());
  }

  private static List<LockedApp.File> files(Component c, Path folder) throws IOException {
    List<PathMatcher> excluded = new ArrayList<>();
    c.excludeFiles().forEach(x -> excluded.add(FileStaging.glob(x)));
    Map<String, Path> files = new LinkedHashMap<>();
    for (FileMount m : c.files()) {
      switch (m) {
        case FileMount.Glob g -> {
          PathMatcher matcher = FileStaging.glob(g.pattern());
          for (Path p : regularFiles(folder)) {
            Path relative = folder.relativize(p);
            if (matcher.matches(relative) && !excludedIn(excluded, folder, p)) {
              files.put(portable(relative), p);
            }
          }
        }
        case FileMount.Mapping map -> {
          String destination = map.destination().replaceAll("^/+", "");
          if (Files.isDirectory(map.source())) {
            for (Path p : regularFiles(map.source())) {
              if (!excludedIn(excluded, folder, p)) {
                String relative = portable(map.source().relativize(p));
                files.put(destination.isEmpty() ? relative : destination + "/" + relative, p);
              }
            }
          } else {
            files.put(destination, map.source());
          }
        }
      }
    }
    List<LockedApp.File> out = new ArrayList<>();
    files.forEach((path, file) -> out.add(new LockedApp.File(path, LockedApp.Content.of(file))));
    return out;
  }

  private static boolean excludedIn(List<PathMatcher> excluded, Path folder, Path file) {
    Path relative = file.startsWith(folder) ? folder.relativize(file) : file;
    return excluded.stream().anyMatch(x -> x.matches(relative));
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String portable(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }

  /** Returns {@code host} as written in {@code allowed_outbound_hosts}. */
  static String text(OutboundHost host) {
    String port;
    if (host.fromPort() == 0 && host.toPort() == 65535) {
      port = "*";
    } else if (host.fromPort() == host.toPort()) {
      port = Integer.toString(host.fromPort());
    } else {
      port = host.fromPort() + ".." + (host.toPort() + 1);
    }
    return host.scheme() + "://" + host.host() + ":" + port;
  }
}
