package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of {@code bin/cortado} in its own process, as a user would run it, and what the registry
 * commands' tests check of it.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {
  /** The repository's root. */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:java|javax|sun|jdk)\\.\\w|\\w(?:Exception|Error)\\b|\\bnull\\b");

  /**
   * Runs {@code bin/cortado args} in {@code dir} with {@code env} added to the environment and
   * {@code stdin} as its input; both output streams go to files (a pipe read after the other could
   * block a process that fills the other first).
   */
  static CliRun cortado(Path dir, Map<String, String> env, String stdin, String... args)
      throws Exception {
    return launch(REPO.resolve("bin/cortado"), dir, env, stdin, args);
  }

  /** Runs {@code launcher} (a copy of {@code bin/cortado}) as {@link #cortado} runs the repo's. */
  static CliRun launch(
      Path launcher, Path dir, Map<String, String> env, String stdin, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cortado did not finish");
    }
    return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  void assertOk() {
    assertEquals(0, status, "stdout: " + out + "\nstderr: " + err);
  }

  /** Checks that the command failed with one line saying {@code expected}, in words, not Java. */
  void assertOneLineError(String expected) {
    assertEquals(1, status, out + err);
    assertTrue(err.contains(expected), err);
    assertEquals(1, err.strip().lines().count(), "one line: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertFalse(JAVA_NAME.matcher(err).find(), "no Java class names: " + err);
  }
}
