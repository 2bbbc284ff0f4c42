package dev.cortado.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the raw measurements of {@code programs-bench.sh} into a table of median wall times per
 * program and runtime, the ratio of each to node's time, and the geometric mean of the ratios per
 * runtime; writes the same as CSV and JSON. Runs as a single-file program: {@code java
 * ReportPrograms.java raw.tsv out-dir runs runtime...}; a raw line is {@code program runtime run
 * status seconds}, status {@code ok}, {@code fail} (crashed, non-zero exit, or output different
 * from node's) or {@code timeout}. A runtime with any run not {@code ok} gets that word, not a
 * time.
 */
public final class ReportPrograms {
  private static final String REFERENCE = "node";

  private ReportPrograms() {}

  /** A runtime's result on one program: the median time, or why there is none. */
  private record Cell(String status, double seconds) {
    boolean ok() {
      return status.equals("ok");
    }
  }

  /** Prints the table and writes programs-bench.csv and programs-bench.json to out-dir. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<String> runtimes = List.of(args).subList(3, args.length);
    Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
    Map<String, Map<String, String>> status = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t");
      if (f.length < 5) {
        continue;
      }
      times.computeIfAbsent(f[0], k -> new LinkedHashMap<>());
      status.computeIfAbsent(f[0], k -> new LinkedHashMap<>());
      if (f[3].equals("ok")) {
        times.get(f[0]).computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.valueOf(f[4]));
        status.get(f[0]).putIfAbsent(f[1], "ok");
      } else {
        status.get(f[0]).put(f[1], f[3]);
      }
    }
    Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
    for (String program : status.keySet()) {
      Map<String, Cell> row = new LinkedHashMap<>();
      for (String runtime : runtimes) {
        String s = status.get(program).getOrDefault(runtime, "-");
        List<Double> t = times.get(program).getOrDefault(runtime, List.of());
        row.put(runtime, s.equals("ok") ? new Cell("ok", median(t)) : new Cell(s, Double.NaN));
      }
      cells.put(program, row);
    }
    print(cells, runtimes, runs);
    writeCsv(out.resolve("programs-bench.csv"), cells, runtimes);
    writeJson(out.resolve("programs-bench.json"), cells, runtimes, runs);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double ratio(Map<String, Cell> row, String runtime) {
    Cell ref = row.get(REFERENCE);
    Cell cell = row.get(runtime);
    return ref != null && ref.ok() && cell.ok() ? cell.seconds() / ref.seconds() : Double.NaN;
  }

  /** Geometric mean of the ratios to node over the programs where both have a time. */
  private static double[] geomean(Map<String, Map<String, Cell>> cells, String runtime) {
    double logSum = 0;
    int n = 0;
    for (Map<String, Cell> row : cells.values()) {
      double r = ratio(row, runtime);
      if (!Double.isNaN(r)) {
        logSum += Math.log(r);
        n++;
      }
    }
    return new double[] {n == 0 ? Double.NaN : Math.exp(logSum / n), n};
  }

  private static void print(Map<String, Map<String, Cell>> cells, List<String> runtimes, int runs) {
    StringBuilder header = new StringBuilder(String.format("%-14s", "program"));
    for (String runtime : runtimes) {
      header.append(String.format(" %21s", runtime));
    }
    System.out.println(header);
    for (var e : cells.entrySet()) {
      StringBuilder line = new StringBuilder(String.format("%-14s", e.getKey()));
      for (String runtime : runtimes) {
        Cell cell = e.getValue().get(runtime);
        double r = ratio(e.getValue(), runtime);
        String text =
            !cell.ok()
                ? cell.status()
                : String.format(Locale.ROOT, "%.2f s", cell.seconds())
                    + (Double.isNaN(r) ? "" : String.format(Locale.ROOT, " %7.2fx", r));
        line.append(String.format(" %21s", text));
      }
      System.out.println(line);
    }
    StringBuilder mean = new StringBuilder(String.format("%-14s", "geomean/node"));
    for (String runtime : runtimes) {
      double[] g = geomean(cells, runtime);
      String text =
          Double.isNaN(g[0])
              ? "-"
              : String.format(Locale.ROOT, "%.2fx", g[0])
                  + (g[1] < cells.size()
                      ? String.format(" (%d of %d)", (int) g[1], cells.size())
                      : "");
      mean.append(String.format(" %21s", text));
    }
    System.out.println(mean);
    System.out.printf(
        "(median of %d whole-process wall times; ratio = time / node's time, lower is faster)%n",
        runs);
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.4f", x);
  }

  private static void writeCsv(
      Path file, Map<String, Map<String, Cell>> cells, List<String> runtimes) throws IOException {
    StringBuilder csv = new StringBuilder("program,runtime,status,median_seconds,ratio_to_node\n");
    for (var e : cells.entrySet()) {
      for (String runtime : runtimes) {
        Cell cell = e.getValue().get(runtime);
        csv.append(
            String.join(
                    ",",
                    e.getKey(),
                    runtime,
                    cell.status(),
                    number(cell.seconds()),
                    number(ratio(e.getValue(), runtime)))
                + "\n");
      }
    }
    for (String runtime : runtimes) {
      csv.append("geomean," + runtime + ",," + "," + number(geomean(cells, runtime)[0]) + "\n");
    }
    Files.writeString(file, csv);
  }

  private static String jsonNumber(double x) {
    return Double.isNaN(x) ? "null" : String.format(Locale.ROOT, "%.4f", x);
  }

  private static void writeJson(
      Path file, Map<String, Map<String, Cell>> cells, List<String> runtimes, int runs)
      throws IOException {
    StringBuilder json = new StringBuilder("{\n  \"runs\": " + runs + ",\n  \"reference\": \"");
    json.append(REFERENCE).append("\",\n  \"programs\": {\n");
    int i = 0;
    for (var e : cells.entrySet()) {
      json.append("    \"").append(e.getKey()).append("\": {");
      int j = 0;
      for (String runtime : runtimes) {
        Cell cell = e.getValue().get(runtime);
        json.append(j++ == 0 ? "\n" : ",\n")
            .append("      \"")
            .append(runtime)
            .append("\": {\"status\": \"")
            .append(cell.status())
            .append("\", \"seconds\": ")
            .append(jsonNumber(cell.seconds()))
            .append(", \"ratio\": ")
            .append(jsonNumber(ratio(e.getValue(), runtime)))
            .append("}");
      }
      json.append("\n    }").append(++i < cells.size() ? ",\n" : "\n");
    }
    json.append("  },\n  \"geomean\": {");
    int k = 0;
    for (String runtime : runtimes) {
      double[] g = geomean(cells, runtime);
      json.append(k++ == 0 ? "\n" : ",\n")
          .append("    \"")
          .append(runtime)
          .append("\": {\"ratio\": ")
          .append(jsonNumber(g[0]))
          .append(", \"programs\": ")
          .append((int) g[1])
          .append("}");
    }
    json.append("\n  }\n}\n");
    Files.writeString(file, json);
  }
}
