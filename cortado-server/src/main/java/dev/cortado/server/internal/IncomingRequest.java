package dev.cortado.server.internal;

import java.util.List;

/**
 * What the executors need of an HTTP request, apart from the HTTP library's types.
 *
 * @param method the method
 * @param scheme {@code http} or {@code https}
 * @param protocol the protocol, as {@code HTTP/1.1}
 * @param host the {@code Host} the client named (or the server's address)
 * @param port the port the client named (or the server's)
 * @param rawPath the path, still percent-encoded
 * @param query the query string without {@code ?} ({@code ""} if none)
 * @param headers the request headers, name and value pairs, in order
 * @param remoteAddress the client's address
 * @param body the request body
 */
public record IncomingRequest(
    String method,
    String scheme,
    String protocol,
    String host,
    int port,
    String rawPath,
    String query,
    List<String[]> headers,
    String remoteAddress,
    byte[] body) {}
