package dev.cortado.server.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, written in Prometheus' text format: requests by component and status,
 * request latency and instantiation time histograms, instantiations, failures by kind, requests in
 * flight.
 */
public final class Metrics {
  private static final double[] BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Histogram latency = new Histogram();
  private final Histogram instantiation = new Histogram();
  private final AtomicLong inFlight = new AtomicLong();

  /** A histogram of durations with fixed buckets. */
  static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final LongAdder sumNanos = new LongAdder();
    final LongAdder count = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void record(long nanos) {
      double seconds = nanos / 1e9;
      int i = 0;
      while (i < BUCKETS.length && seconds > BUCKETS[i]) {
        i++;
      }
      counts[i].increment();
      sumNanos.add(nanos);
      count.increment();
    }

    void write(StringBuilder b, String name, String help) {
      b.append("# HELP ").append(name).append(' ').append(help).append('\n');
      b.append("# TYPE ").append(name).append(" histogram\n");
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += counts[i].sum();
        b.append(name).append("_bucket{le=\"").append(BUCKETS[i]).append("\"} ");
        b.append(cumulative).append('\n');
      }
      cumulative += counts[BUCKETS.length].sum();
      b.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
      b.append(name).append("_sum ").append(sumNanos.sum() / 1e9).append('\n');
      b.append(name).append("_count ").append(count.sum()).append('\n');
    }
  }

  /** Counts a request that started. */
  public void started() {
    inFlight.incrementAndGet();
  }

  /** Counts a finished request of {@code component} with {@code status}, taking {@code nanos}. */
  public void finished(String component, int status, long nanos) {
    inFlight.decrementAndGet();
    requests
        .computeIfAbsent(
            "component=\"" + component + "\",status=\"" + status + "\"", k -> new LongAdder())
        .increment();
    latency.record(nanos);
  }

  /** Counts an instantiation that took {@code nanos}. */
  public void instantiated(long nanos) {
    instantiation.record(nanos);
  }

  /** Counts a failed request of {@code component} by {@code kind} (trap, timeout, ...). */
  public void failed(String component, String kind) {
    failures
        .computeIfAbsent(
            "component=\"" + component + "\",kind=\"" + kind + "\"", k -> new LongAdder())
        .increment();
  }

  /** Returns the number of instantiations so far. */
  public long instantiations() {
    return instantiation.count.sum();
  }

  /** Returns the mean instantiation time so far, in nanoseconds (0 before the first). */
  public long meanInstantiationNanos() {
    long n = instantiation.count.sum();
    return n == 0 ? 0 : instantiation.sumNanos.sum() / n;
  }

  /** Returns every metric in Prometheus' text exposition format. */
  public String prometheus() {
    StringBuilder b = new StringBuilder();
    b.append("# HELP cortado_requests_total Requests answered, by component and status.\n");
    b.append("# TYPE cortado_requests_total counter\n");
    requests.forEach(
        (labels, n) ->
            b.append("cortado_requests_total{")
                .append(labels)
                .append("} ")
                .append(n.sum())
                .append('\n'));
    b.append("# HELP cortado_failures_total Requests whose component failed, by kind.\n");
    b.append("# TYPE cortado_failures_total counter\n");
    failures.forEach(
        (labels, n) ->
            b.append("cortado_failures_total{")
                .append(labels)
                .append("} ")
                .append(n.sum())
                .append('\n'));
    b.append("# HELP cortado_requests_in_flight Requests being answered now.\n");
    b.append("# TYPE cortado_requests_in_flight gauge\n");
    b.append("cortado_requests_in_flight ").append(inFlight.get()).append('\n');
    latency.write(b, "cortado_request_duration_seconds", "Time from request to response.");
    instantiation.write(
        b,
        "cortado_instantiation_duration_seconds",
        "Time to create a fresh instance for a request.");
    b.append("# HELP cortado_instantiations_total Fresh instances created.\n");
    b.append("# TYPE cortado_instantiations_total counter\n");
    b.append("cortado_instantiations_total ").append(instantiations()).append('\n');
    return b.toString();
  }
}
