package dev.cortado.oci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.AtomicFiles;
import dev.cortado.oci.internal.Authenticator;
import dev.cortado.oci.internal.Call;
import dev.cortado.oci.internal.Json;
import dev.cortado.oci.internal.NetworkErrors;
import dev.cortado.oci.internal.RetryPolicy;
import dev.cortado.oci.internal.Transfer;
import dev.cortado.oci.internal.Transport;
import dev.cortado.oci.internal.WasmLayout;
import dev.cortado.oci.internal.npm.Integrity;
import dev.cortado.oci.internal.npm.PackageArchive;
import dev.cortado.oci.internal.npm.Packument;
import dev.cortado.oci.internal.npm.Semver;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Wasm modules from npm packages, kept in the same {@link LocalStore} as OCI pulls: the version a
 * {@link NpmReference} means is chosen from the registry's package document, the tarball is
 * downloaded and checked against its {@code dist.integrity} before any of its bytes is used, and
 * the module is taken out of it without trusting the archive (see {@code PackageArchive}).
 *
 * <pre>{@code
 * Npm npm = Npm.create(NpmSettings.fromEnvironment(Path.of("")), LocalStore.defaultStore());
 * Path module = npm.resolve(NpmReference.parse("npm:tree-sitter-json@0.24.8"));
 * }</pre>
 */
public final class Npm {
  private static final long MAX_PACKUMENT = 64L << 20;
  private static final String ACCEPT =
      "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

  private final NpmSettings settings;
  private final LocalStore store;
  private final Transport transport;

  private Npm(NpmSettings settings, LocalStore store) {
    this.settings = settings;
    this.store = store;
    HttpClient http = Transport.newHttpClient();
    this.transport =
        new Transport(
            http,
            new Authenticator(http, CredentialSource.none(), Clock.systemUTC()),
            new RetryPolicy(settings.attempts(), settings.firstBackoff(), Duration.ofSeconds(60)));
  }

  /** Returns an instance reading packages as {@code settings} say into {@code store}. */
  public static Npm create(NpmSettings settings, LocalStore store) {
    return new Npm(settings, store);
  }

  /** Returns the store. */
  public LocalStore store() {
    return store;
  }

  /**
   * Pulls the module {@code ref} names into the store and records it under the exact version and
   * path ({@code npm:name@1.2.3/dist/x.wasm}), and under {@code ref} as written when that differs.
   *
   * @throws OciException {@link Kind#NOT_FOUND} for an unknown package, version, tag or path;
   *     {@link Kind#UNAUTHORIZED} / {@link Kind#DENIED} when the registry wants a token or refuses
   *     it; {@link Kind#DIGEST_MISMATCH} when the tarball does not match its integrity; {@link
   *     Kind#UNSAFE_ARCHIVE} for a hostile tarball; {@link Kind#NOT_WASM} / {@link
   *     Kind#AMBIGUOUS_MODULE} when the package holds no or several modules; {@link Kind#NETWORK}
   *     when the registry cannot be reached after retries
   */
  public StoredImage pull(NpmReference ref, Progress progress) {
    URI registry = settings.registryFor(ref.packageName());
    Packument packument =
        Packument.parse(ref.packageName(), fetchPackument(ref, registry), registry.toString());
    Packument.Chosen chosen = packument.choose(ref);
    String what = ref.packageName() + "@" + chosen.version();
    PackageArchive.Kept module = fetchModule(ref, chosen, what, progress);
    if (!WasmLayout.hasMagic(module.bytes())) {
      throw new OciException(
          Kind.NOT_WASM, what + ": " + module.path() + " is not a WebAssembly binary");
    }
    Digest moduleDigest = store.put(module.bytes());
    ObjectNode record = Json.object();
    record.put("source", "npm");
    record.put("registry", registry.toString());
    record.put("package", ref.packageName());
    record.put("version", chosen.version());
    record.put("path", module.path());
    record.put("tarball", chosen.tarball().toString());
    record.put("integrity", chosen.integrity().text());
    record.put("module", moduleDigest.toString());
    Digest manifest = store.put(Json.bytes(record));
    NpmReference exact = ref.resolved(chosen.version(), module.path());
    StoredImage image =
        new StoredImage(
            exact,
            manifest,
            moduleDigest,
            module.bytes().length,
            chosen.published(),
            store.path(moduleDigest));
    store.record(image);
    if (!exact.equals(ref)) {
      store.record(
          new StoredImage(
              ref, manifest, moduleDigest, image.size(), image.created(), image.path()));
    }
    return image;
  }

  /**
   * Returns the path of the module {@code ref} names, pulling through the store: an exact version
   * the store holds needs no network (npm never changes a published version); a tag or range is
   * resolved at the registry each time, and when the registry cannot be reached the module last
   * pulled under that reference is used.
   */
  public Path resolve(NpmReference ref) {
    boolean exact = ref.spec().flatMap(Semver::parse).isPresent();
    return store.pullThrough(ref, exact, () -> pull(ref, Progress.none()));
  }

  private byte[] fetchPackument(NpmReference ref, URI registry) {
    String name = ref.packageName();
    URI uri = URI.create(registry + name.replace("/", "%2f"));
    Call call =
        authorized(Call.of(uri.getAuthority(), "GET", uri, "fetch npm package " + name), uri)
            .header("Accept", ACCEPT);
    Transport.Response<byte[]> r = transport.sendForBytes(call, MAX_PACKUMENT);
    if (r.status() == 404) {
      throw new OciException(
          Kind.NOT_FOUND,
          "npm package "
              + name
              + " does not exist on "
              + registry
              + " (check the name; a private package also needs a token in .npmrc)");
    }
    checkAccess(r.status(), uri, name);
    return r.body();
  }

  private Call authorized(Call call, URI uri) {
    call.followRedirects().allow(401, 403, 404);
    settings.authorizationFor(uri).ifPresent(h -> call.header("Authorization", h));
    return call;
  }

  private void checkAccess(int status, URI uri, String name) {
    String host = uri.getAuthority();
    String key = NpmSettings.nerfDart(uri.resolve("/"));
    boolean token = settings.authorizationFor(uri).isPresent();
    if (status == 401) {
      throw new OciException(
          Kind.UNAUTHORIZED,
          token
              ? host
                  + " refused the token .npmrc gives for "
                  + name
                  + "; renew it ('npm login') and check its "
                  + key
                  + ":_authToken line"
              : host
                  + " requires authentication for "
                  + name
                  + "; add '"
                  + key
                  + ":_authToken=TOKEN' to ~/.npmrc or the project's .npmrc");
    }
    if (status == 403) {
      throw new OciException(
          Kind.DENIED,
          host
              + " denied access to "
              + name
              + (token ? "; the token in .npmrc may not read this package" : "; it needs a token"));
    }
  }

  private PackageArchive.Kept fetchModule(
      NpmReference ref, Packument.Chosen chosen, String what, Progress progress) {
    Path tarball = null;
    try {
      tarball = AtomicFiles.createTemp(store.root().resolve("npm.tgz"), false);
      download(chosen, tarball, what, progress);
      Optional<String> path = ref.path();
      Predicate<String> keep = path.isPresent() ? path.get()::equals : p -> p.endsWith(".wasm");
      PackageArchive.Contents contents =
          PackageArchive.read(
              tarball,
              "tarball of " + what,
              new PackageArchive.Limits(
                  settings.maxFileBytes(), settings.maxTotalBytes(), settings.maxEntries()),
              keep);
      return choose(contents, what, path);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, "cannot download " + what + ": " + e, e);
    } finally {
      if (tarball != null) {
        try {
          Files.deleteIfExists(tarball);
        } catch (IOException e) {
          // A leftover temporary file is harmless: it never has a digest name.
        }
      }
    }
  }

  private static PackageArchive.Kept choose(
      PackageArchive.Contents contents, String what, Optional<String> path) {
    List<String> wasm = contents.files().stream().filter(p -> p.endsWith(".wasm")).toList();
    if (path.isPresent()) {
      return contents
          .kept()
          .orElseThrow(
              () ->
                  new OciException(
                      Kind.NOT_FOUND,
                      what
                          + " has no file "
                          + path.get()
                          + (wasm.isEmpty()
                              ? " (and no .wasm file)"
                              : " (its .wasm files: " + String.join(", ", wasm) + ")")));
    }
    if (wasm.isEmpty()) {
      throw new OciException(
          Kind.NOT_WASM,
          what + " holds no .wasm file (it has " + contents.files().size() + " files)");
    }
    if (wasm.size() > 1) {
      throw new OciException(
          Kind.AMBIGUOUS_MODULE,
          what
              + " holds several .wasm files: "
              + String.join(", ", wasm)
              + "; name one, e.g. npm:"
              + what
              + "/"
              + wasm.get(0));
    }
    return contents.kept().orElseThrow();
  }

  private void download(Packument.Chosen chosen, Path target, String what, Progress progress)
      throws IOException {
    URI uri = chosen.tarball();
    Call call = authorized(Call.of(uri.getAuthority(), "GET", uri, "download " + what), uri);
    HttpResponse<InputStream> r = transport.send(call);
    if (r.statusCode() == 404) {
      Transport.discard(r);
      throw new OciException(
          Kind.NOT_FOUND, "the tarball of " + what + " is missing from the registry (" + uri + ")");
    }
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      Transport.discard(r);
      checkAccess(r.statusCode(), uri, what);
    }
    Integrity integrity = chosen.integrity();
    MessageDigest md = integrity.newDigest();
    long limit = settings.maxTotalBytes();
    Transfer transfer =
        new Transfer(
            md,
            "npm:" + what,
            r.headers().firstValueAsLong("Content-Length").orElse(-1),
            limit,
            () ->
                new OciException(
                    Kind.UNSAFE_ARCHIVE,
                    "the tarball of " + what + " is larger than " + limit + " bytes; not used"),
            progress);
    try (InputStream in = r.body();
        OutputStream file = Files.newOutputStream(target)) {
      // A full disk is not a network failure (which would let resolve fall back to a stale copy).
      OutputStream out =
          new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) {
              try {
                file.write(b, off, len);
              } catch (IOException e) {
                throw new OciException(
                    Kind.LOCAL_IO, target + ": cannot write the tarball of " + what + ": " + e, e);
              }
            }
          };
      try {
        transfer.copy(in, out);
      } catch (IOException e) {
        throw new OciException(
            Kind.NETWORK,
            "the download of "
                + what
                + " broke after "
                + transfer.done()
                + " bytes: "
                + NetworkErrors.reason(e, uri),
            e);
      }
    }
    if (!integrity.matches(md)) {
      throw new OciException(
          Kind.DIGEST_MISMATCH,
          "the tarball of "
              + what
              + " does not match its integrity "
              + integrity.text()
              + " ("
              + transfer.done()
              + " bytes from "
              + uri.getAuthority()
              + "); it was not used. Try again; if it persists, the registry or a proxy is"
              + " serving altered content");
    }
  }
}
