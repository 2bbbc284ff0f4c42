package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jdk.sh}, which {@code bin/cortado} and {@code ./mvnw} source to find a JDK: run in
 * bash with a home folder and a PATH of the test's own, holding stand-in JDKs (a {@code release}
 * file and two executables) of feature versions no real JDK has yet.
 */
class JdkDiscoveryIT {
  private static final Path SCRIPT = CliRun.REPO.resolve("bin/jdk.sh");

  @TempDir Path dir;

  private Path fakeJdk(Path home, int feature) throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + feature + ".0.1\"\n");
    for (String tool : List.of("java", "javac")) {
      Path p = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }

  /** Returns {@code tool} as this JVM's PATH finds it. */
  private static Path onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(d.isEmpty() ? "." : d, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " is not on PATH (coreutils)");
  }

  /** Sources the script with {@code path} as PATH and no JAVA_HOME; returns what it found. */
  private String find(Path path) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/bash",
            "-c",
            "set -eu; . \"$0\"; cortado_find_jdk; echo \"$CORTADO_JAVA_HOME\"",
            SCRIPT.toString());
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().put("PATH", path.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void aJavacOnThePathLinkedIntoAKnownFolderIsFoundWithoutReadlink() throws Exception {
    Path jdk = fakeJdk(dir.resolve("home/.jdks/jdk-98"), 98);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("javac"), jdk.resolve("bin/javac"));
    // PATH holds no readlink: resolving the link would fail, and set -e end the script.
    assertEquals(jdk.toString(), find(bin));
  }

  @Test
  void aJavacOnThePathLinkedIntoAnUnknownFolderIsResolvedToItsJdk() throws Exception {
    Path jdk = fakeJdk(dir.resolve("elsewhere/jdk-99"), 99);
    fakeJdk(dir.resolve("home/.jdks/jdk-98"), 98);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("javac"), jdk.resolve("bin/javac"));
    Files.createSymbolicLink(bin.resolve("readlink"), onPath("readlink"));
    assertEquals(jdk.toRealPath().toString(), find(bin));
  }
}
