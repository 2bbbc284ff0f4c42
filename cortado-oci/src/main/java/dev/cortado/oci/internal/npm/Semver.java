package dev.cortado.oci.internal.npm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic versions and the npm range syntax that picks among them: exact versions, comparators
 * ({@code >=1.2.0 <2}), caret and tilde ranges, x-ranges ({@code 1.x}, {@code 1.2}, {@code *}),
 * hyphen ranges and {@code ||}. As node-semver does, a pre-release version satisfies a range only
 * when a comparator names a pre-release of the same major.minor.patch.
 *
 * @see <a href="https://github.com/npm/node-semver#ranges">node-semver ranges</a>
 */
public final class Semver {
  private static final Pattern VERSION =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final Pattern PARTIAL =
      Pattern.compile(
          "v?([0-9]+|[xX*])(?:\\.([0-9]+|[xX*])(?:\\.([0-9]+|[xX*])"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?)?)?");
  private static final Pattern COMPARATOR =
      Pattern.compile("(<=|>=|<|>|=|\\^|~>?)?\\s*([0-9vVxX*]\\S*)");

  private Semver() {}

  /** A version: numbers and pre-release identifiers (build metadata does not count). */
  public record Version(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre)
      implements Comparable<Version> {
    @Override
    public int compareTo(Version o) {
      int c = major.compareTo(o.major);
      c = c != 0 ? c : minor.compareTo(o.minor);
      c = c != 0 ? c : patch.compareTo(o.patch);
      if (c != 0) {
        return c;
      }
      if (pre.isEmpty() || o.pre.isEmpty()) {
        return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
      }
      for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
        c = comparePart(pre.get(i), o.pre.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(pre.size(), o.pre.size());
    }

    boolean sameTuple(Version o) {
      return major.equals(o.major) && minor.equals(o.minor) && patch.equals(o.patch);
    }
  }

  private static int comparePart(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    return na ? -1 : nb ? 1 : a.compareTo(b);
  }

  /** Parses an exact version ({@code 1.2.3}, {@code 1.0.0-rc.1+build}). */
  public static Optional<Version> parse(String text) {
    Matcher m = VERSION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Version(
            new BigInteger(m.group(1)),
            new BigInteger(m.group(2)),
            new BigInteger(m.group(3)),
            m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."))));
  }

  /** One bound: {@code op} is one of {@code < <= > >= =}. */
  private record Bound(String op, Version v) {
    boolean test(Version x) {
      int c = x.compareTo(v);
      return switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> c == 0;
      };
    }
  }

  /** A parsed range: alternatives, each a set of bounds that must all hold. */
  public static final class Range {
    private final List<List<Bound>> alternatives;

    private Range(List<List<Bound>> alternatives) {
      this.alternatives = alternatives;
    }

    /** Returns whether {@code v} satisfies the range. */
    public boolean test(Version v) {
      for (List<Bound> set : alternatives) {
        if (set.stream().allMatch(b -> b.test(v))
            && (v.pre().isEmpty()
                || set.stream().anyMatch(b -> !b.v().pre().isEmpty() && b.v().sameTuple(v)))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Parses a range, or returns empty when {@code text} is not one. */
  public static Optional<Range> range(String text) {
    List<List<Bound>> alternatives = new ArrayList<>();
    try {
      for (String alt : text.strip().split("\\|\\|", -1)) {
        alternatives.add(comparatorSet(alt.strip()));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Range(alternatives));
  }

  private static List<Bound> comparatorSet(String text) {
    List<Bound> bounds = new ArrayList<>();
    String[] hyphen = text.split("\\s+-\\s+", -1);
    if (hyphen.length == 2) {
      Partial from = partial(hyphen[0]);
      Partial to = partial(hyphen[1]);
      bounds.add(new Bound(">=", from.floor()));
      to.upper(true).ifPresent(bounds::add);
      return bounds;
    }
    if (text.isEmpty()) {
      return bounds;
    }
    Matcher m = COMPARATOR.matcher(text);
    int end = 0;
    while (m.find()) {
      if (!text.substring(end, m.start()).isBlank()) {
        throw new IllegalArgumentException(text);
      }
      end = m.end();
      String op = m.group(1) == null ? "" : m.group(1);
      Partial p = partial(m.group(2));
      switch (op) {
        case "^" -> {
          bounds.add(new Bound(">=", p.floor()));
          bounds.add(new Bound("<", p.caretCeiling()));
        }
        case "~", "~>" -> {
          bounds.add(new Bound(">=", p.floor()));
          bounds.add(new Bound("<", p.tildeCeiling()));
        }
        case ">=" -> bounds.add(new Bound(">=", p.floor()));
        case "<" -> bounds.add(new Bound("<", p.floor()));
        case ">" ->
            bounds.add(
                p.exact()
                    ? new Bound(">", p.floor())
                    : p.upper(true)
                        .map(b -> new Bound(">=", b.v()))
                        .orElse(new Bound("<", version(ZERO, ZERO, ZERO))));
        case "<=" -> p.upper(true).ifPresent(bounds::add);
        default -> {
          if (p.exact()) {
            bounds.add(new Bound("=", p.floor()));
          } else {
            bounds.add(new Bound(">=", p.floor()));
            p.upper(true).ifPresent(bounds::add);
          }
        }
      }
    }
    if (!text.substring(end).isBlank()) {
      throw new IllegalArgumentException(text);
    }
    return bounds;
  }

  /** A version with possibly missing or wildcard parts (null = wildcard). */
  private record Partial(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre) {
    boolean exact() {
      return patch != null;
    }

    Version floor() {
      return new Version(
          orZero(major), orZero(minor), orZero(patch), patch == null ? List.of() : pre);
    }

    /** The first version above the partial ({@code 1.2} → {@code <1.3.0-0}), if it has one. */
    Optional<Bound> upper(boolean inclusive) {
      if (major == null) {
        return Optional.empty();
      }
      if (minor == null) {
        return Optional.of(new Bound("<", version(major.add(BigInteger.ONE), ZERO, ZERO)));
      }
      if (patch == null) {
        return Optional.of(new Bound("<", version(major, minor.add(BigInteger.ONE), ZERO)));
      }
      Version v = new Version(major, minor, patch, pre);
      return Optional.of(inclusive ? new Bound("<=", v) : new Bound(">", v));
    }

    Version caretCeiling() {
      if (major == null) {
        return version(BigInteger.valueOf(Long.MAX_VALUE), ZERO, ZERO);
      }
      if (major.signum() != 0 || minor == null) {
        return version(major.add(BigInteger.ONE), ZERO, ZERO);
      }
      if (minor.signum() != 0 || patch == null) {
        return version(major, minor.add(BigInteger.ONE), ZERO);
      }
      return version(major, minor, patch.add(BigInteger.ONE));
    }

    Version tildeCeiling() {
      if (major == null) {
        return version(BigInteger.valueOf(Long.MAX_VALUE), ZERO, ZERO);
      }
      return minor == null
          ? version(major.add(BigInteger.ONE), ZERO, ZERO)
          : version(major, minor.add(BigInteger.ONE), ZERO);
    }
  }

  private static final BigInteger ZERO = BigInteger.ZERO;

  /** A ceiling below every pre-release of the version ({@code <2.0.0-0}). */
  private static Version version(BigInteger major, BigInteger minor, BigInteger patch) {
    return new Version(major, minor, patch, List.of("0"));
  }

  private static BigInteger orZero(BigInteger b) {
    return b == null ? ZERO : b;
  }

  private static Partial partial(String text) {
    Matcher m = PARTIAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(text);
    }
    BigInteger major = number(m.group(1));
    BigInteger minor = major == null ? null : number(m.group(2));
    BigInteger patch = minor == null ? null : number(m.group(3));
    List<String> pre =
        patch == null || m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new Partial(major, minor, patch, pre);
  }

  private static BigInteger number(String s) {
    return s == null || s.equalsIgnoreCase("x") || s.equals("*") ? null : new BigInteger(s);
  }
}
