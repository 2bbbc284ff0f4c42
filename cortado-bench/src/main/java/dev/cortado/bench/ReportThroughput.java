package dev.cortado.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JMH JSON result of {@link DecodeValidateBenchmark} into MB/s per benchmark and file. Runs
 * as a single-file program: {@code java ReportThroughput.java result.json benchDir}.
 */
public final class ReportThroughput {
  private static final Pattern ENTRY =
      Pattern.compile(
          "\"benchmark\"\\s*:\\s*\"[^\"]*\\.(\\w+)\".*?\"file\"\\s*:\\s*\"([^\"]+)\".*?"
              + "\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.Ee+-]+)\\s*,"
              + "\\s*\"scoreError\"\\s*:\\s*([0-9.Ee+-]+|\"NaN\")",
          Pattern.DOTALL);

  private ReportThroughput() {}

  /** Prints one line per benchmark and file. */
  public static void main(String[] args) throws IOException {
    String json = Files.readString(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    System.out.printf("%-28s %-18s %10s %12s%n", "benchmark", "file", "ms/op", "MB/s");
    Matcher m = ENTRY.matcher(json);
    while (m.find()) {
      Path file = dir.resolve(m.group(2));
      double ms = Double.parseDouble(m.group(3));
      double mb = Files.size(file) / 1e6;
      System.out.printf(
          "%-28s %-18s %10.1f %12.0f%n", m.group(1), file.getFileName(), ms, mb / (ms / 1000));
    }
  }
}
