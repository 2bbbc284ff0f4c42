/**
 * The server's insides: route matching, the WAGI executor (CGI environment, response parsing), the
 * Jetty handler, static files, the access log and metrics. Not exported.
 */
package dev.cortado.server.internal;
