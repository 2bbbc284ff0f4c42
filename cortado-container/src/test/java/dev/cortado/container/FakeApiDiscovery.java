package dev.cortado.container;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The discovery part of a Kubernetes API server, on loopback: what {@code kubectl apply
 * --dry-run=client} asks before it prints an object (which resources the manifests' kinds are, and
 * a 404 for the object itself, so that it would be created). kubectl 1.32 cannot do even a
 * client-side dry run without a server to ask; there is no cluster here, so this stands in. It
 * serves no OpenAPI schema, hence {@code --validate=false}.
 */
final class FakeApiDiscovery implements AutoCloseable {
  private static final String NOT_FOUND =
      """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";

  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "/api",
          """
          {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":
           [{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""",
          "/apis",
          """
          {"kind":"APIGroupList","apiVersion":"v1","groups":[
           %s,%s,%s]}"""
              .formatted(group("apps"), group("node.k8s.io"), group("rbac.authorization.k8s.io")),
          "/api/v1",
          resources(
              "v1",
              resource("namespaces", "Namespace", false),
              resource("serviceaccounts", "ServiceAccount", true),
              resource("pods", "Pod", true)),
          "/apis/apps/v1",
          resources("apps/v1", resource("daemonsets", "DaemonSet", true)),
          "/apis/node.k8s.io/v1",
          resources("node.k8s.io/v1", resource("runtimeclasses", "RuntimeClass", false)),
          "/apis/rbac.authorization.k8s.io/v1",
          resources(
              "rbac.authorization.k8s.io/v1",
              resource("clusterroles", "ClusterRole", false),
              resource("clusterrolebindings", "ClusterRoleBinding", false)));

  private final HttpServer server;

  FakeApiDiscovery() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = DOCUMENTS.get(exchange.getRequestURI().getPath());
          byte[] bytes = (body != null ? body : NOT_FOUND).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** The server's URL, for {@code kubectl --server}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String group(String name) {
    String v = "{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}";
    return "{\"name\":\"" + name + "\",\"versions\":[" + v + "],\"preferredVersion\":" + v + "}";
  }

  private static String resource(String plural, String kind, boolean namespaced) {
    return """
        {"name":"%s","singularName":"","namespaced":%s,"kind":"%s",
         "verbs":["create","delete","get","list","patch","update","watch"]}"""
        .formatted(plural, namespaced, kind);
  }

  private static String resources(String groupVersion, String... resources) {
    return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\""
        + groupVersion
        + "\",\"resources\":["
        + String.join(",", resources)
        + "]}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
