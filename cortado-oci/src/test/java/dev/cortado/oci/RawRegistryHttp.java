package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Pushes blobs and manifests with a bare HTTP client, independent of Cortado's, to put formats
 * Cortado never writes (legacy media types, images) into a registry without authentication.
 */
final class RawRegistryHttp {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RawRegistryHttp() {}

  static Digest blob(String host, String repo, byte[] bytes) throws Exception {
    Digest d = Digest.sha256(bytes);
    HttpResponse<String> start =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + host + "/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, start.statusCode(), start.body());
    String location = start.headers().firstValue("Location").orElseThrow();
    URI put =
        URI.create("http://" + host + "/")
            .resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + d);
    HttpResponse<String> done =
        HTTP.send(
            HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, done.statusCode(), done.body());
    return d;
  }

  static Digest manifest(String host, String repo, String tag, String mediaType, String json)
      throws Exception {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + host + "/v2/" + repo + "/manifests/" + tag))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return Digest.sha256(bytes);
  }

  /** A manifest with one config and one layer. */
  static String manifestJson(
      String mediaType, String configType, byte[] config, String layerType, byte[] layer) {
    return """
        {"schemaVersion":2,"mediaType":"%s",\
        "config":{"mediaType":"%s","digest":"%s","size":%d},\
        "layers":[{"mediaType":"%s","digest":"%s","size":%d}]}"""
        .formatted(
            mediaType,
            configType,
            Digest.sha256(config),
            config.length,
            layerType,
            Digest.sha256(layer),
            layer.length);
  }
}
