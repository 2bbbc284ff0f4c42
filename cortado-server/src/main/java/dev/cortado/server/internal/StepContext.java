package dev.cortado.server.internal;

import dev.cortado.runtime.Engine;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.wasm.Bytes;
import java.util.Map;

/**
 * What every runnable of one request shares: the engine and limits, the application's cache and
 * static files, the response headers the runnables set (a map safe for concurrent steps), the log
 * and the metrics (each runnable's instantiation is counted as a WAGI program's is).
 */
record StepContext(
    Engine engine,
    ServerConfig config,
    RunnableCache cache,
    Map<String, Bytes> staticFiles,
    Map<String, String> responseHeaders,
    ServerLog log,
    Metrics metrics) {}
