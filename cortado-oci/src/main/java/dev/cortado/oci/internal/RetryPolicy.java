package dev.cortado.oci.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try an exchange again: after 429 (the registry did not process it) and, for requests that
 * are safe to repeat, after 5xx or a broken connection; waiting as {@code Retry-After} says, else
 * with exponential backoff.
 *
 * @param attempts how many times to try in all
 * @param baseDelay the first backoff delay, doubled each time
 * @param maxDelay the longest wait; a {@code Retry-After} beyond it makes the exchange fail
 */
public record RetryPolicy(int attempts, Duration baseDelay, Duration maxDelay) {
  /** Four attempts, starting at half a second, waiting at most a minute. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(60));

  /** Returns whether {@code status} may succeed if tried again. */
  public static boolean isTransient(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** Returns the wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt) {
    long millis = baseDelay.toMillis() << Math.min(attempt - 1, 16);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  /** Returns the wait the registry asked for in {@code Retry-After}, if it asked. */
  public static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException bad) {
        return Optional.empty();
      }
    }
  }
}
