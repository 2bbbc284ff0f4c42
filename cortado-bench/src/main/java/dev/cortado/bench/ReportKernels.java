package dev.cortado.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JMH JSON result of {@link KernelBenchmark} into a table of ms/op per kernel and runtime,
 * the speed-up of Cortado over Endive per kernel, and its geometric mean. Runs as a single-file
 * program: {@code java ReportKernels.java result.json}.
 */
public final class ReportKernels {
  private static final Pattern ENTRY =
      Pattern.compile(
          "\"benchmark\"\\s*:\\s*\"[^\"]*\\.(\\w+)\".*?\"kernel\"\\s*:\\s*\"(\\w+)\".*?"
              + "\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.Ee+-]+)\\s*,"
              + "\\s*\"scoreError\"\\s*:\\s*([0-9.Ee+-]+|\"NaN\")",
          Pattern.DOTALL);

  private ReportKernels() {}

  /** Prints the table. */
  public static void main(String[] args) throws IOException {
    Map<String, double[]> byKernel = new TreeMap<>();
    Matcher m = ENTRY.matcher(Files.readString(Path.of(args[0])));
    while (m.find()) {
      double[] row = byKernel.computeIfAbsent(m.group(2), k -> new double[4]);
      int column =
          switch (m.group(1)) {
            case "cortado" -> 0;
            case "endive" -> 1;
            case "cortadoCompiler" -> 3;
            default -> 2;
          };
      row[column] = Double.parseDouble(m.group(3));
    }
    System.out.printf(
        "%-10s %14s %14s %10s %16s %18s%n",
        "kernel", "cortado ms/op", "endive ms/op", "speed-up", "compiled ms/op", "with fuel ms/op");
    double logSum = 0;
    double logCompiled = 0;
    int n = 0;
    int withEndive = 0;
    for (var e : byKernel.entrySet()) {
      double[] r = e.getValue();
      if (r[1] == 0) {
        // Endive could not run this kernel (its benchmark failed): no ratio.
        System.out.printf(
            "%-10s %14.2f %14s %10s %16.2f %18.2f%n", e.getKey(), r[0], "n/a", "n/a", r[3], r[2]);
      } else {
        double ratio = r[1] / r[0];
        System.out.printf(
            "%-10s %14.2f %14.2f %9.2fx %16.2f %18.2f%n",
            e.getKey(), r[0], r[1], ratio, r[3], r[2]);
        logSum += Math.log(ratio);
        withEndive++;
      }
      logCompiled += Math.log(r[0] / r[3]);
      n++;
    }
    if (withEndive > 0) {
      System.out.printf(
          "geometric mean speed-up of Cortado's interpreter over Endive's (%d kernels): %.2fx%n",
          withEndive, Math.exp(logSum / withEndive));
    }
    System.out.printf(
        "geometric mean speed-up of Cortado's compiler over its interpreter: %.2fx%n",
        Math.exp(logCompiled / n));
  }
}
