package dev.cortado.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code src/it/sample} with this plugin, as a user's build would, then runs the sample's
 * jar with the runtime but without the compiler. The build uses a local repository of its own under
 * {@code target/} holding this build's Cortado artifacts; everything else comes from the user's
 * repository through a {@code file:} mirror, so nothing is installed into it and nothing is
 * downloaded.
 */
class CompileMojoIT {
  private static final Path ROOT = Path.of(System.getProperty("cortado.root"));
  private static final String VERSION = System.getProperty("cortado.version");
  private static final Path WORK = ROOT.resolve("cortado-maven-plugin/target/it");

  /** add(a, b) = a + b, in the binary format. */
  private static final byte[] ADD = {
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // header
    0x01,
    0x07,
    0x01,
    0x60,
    0x02,
    0x7f,
    0x7f,
    0x01,
    0x7f, // type (i32 i32) -> i32
    0x03,
    0x02,
    0x01,
    0x00, // one function of type 0
    0x07,
    0x07,
    0x01,
    0x03,
    0x61,
    0x64,
    0x64,
    0x00,
    0x00, // export "add"
    0x0a,
    0x09,
    0x01,
    0x07,
    0x00,
    0x20,
    0x00,
    0x20,
    0x01,
    0x6a,
    0x0b // local.get 0 1; i32.add
  };

  @Test
  void aUsersBuildShipsCompiledCodeItsApplicationRunsWithoutTheCompiler() throws Exception {
    deleteTree(WORK);
    Path repo = WORK.resolve("repo");
    install(repo, "cortado-parent", ROOT.resolve("pom.xml"), null, "pom");
    for (String m : List.of("cortado-wasm", "cortado-runtime", "cortado-compiler")) {
      install(repo, m, ROOT.resolve(m).resolve("pom.xml"), jarOf(m), "jar");
    }
    install(
        repo,
        "cortado-maven-plugin",
        ROOT.resolve("cortado-maven-plugin/pom.xml"),
        Path.of(System.getProperty("cortado.plugin.jar")),
        "jar");
    Path settings =
        Files.writeString(
            WORK.resolve("settings.xml"),
            """
            <settings>
              <mirrors>
                <mirror>
                  <id>users-repository</id>
                  <mirrorOf>*</mirrorOf>
                  <url>%s</url>
                </mirror>
              </mirrors>
            </settings>
            """
                .formatted(Path.of(System.getProperty("user.home"), ".m2", "repository").toUri()));

    Path sample = WORK.resolve("sample");
    copyTree(ROOT.resolve("cortado-maven-plugin/src/it/sample"), sample);
    Path pom = sample.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@cortado.version@", VERSION));
    Files.createDirectories(sample.resolve("src/main/resources"));
    Files.write(sample.resolve("src/main/resources/add.wasm"), ADD);

    Path log = WORK.resolve("build.log");
    Process build =
        new ProcessBuilder(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + repo,
                "-f",
                pom.toString(),
                "package",
                "-DskipTests")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the sample build did not finish");
    String output = Files.readString(log);
    assertEquals(0, build.exitValue(), output);
    assertTrue(output.contains("cortado: add.wasm: "), output);

    Path jar = sample.resolve("target/sample.jar");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ADD));
    try (JarFile j = new JarFile(jar.toFile())) {
      assertNotNull(j.getEntry("META-INF/cortado/compiled/" + sha), "the index is in the jar");
      assertTrue(j.stream().anyMatch(e -> e.getName().endsWith("/Entry.class")));
      assertNull(j.getEntry("org/objectweb/asm/ClassWriter.class"));
    }

    String classPath =
        String.join(
            File.pathSeparator,
            jar.toString(),
            jarOf("cortado-runtime").toString(),
            jarOf("cortado-wasm").toString());
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + logging(),
                "-cp",
                classPath,
                "sample.App")
            .redirectErrorStream(true)
            .start();
    String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(app.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, app.exitValue(), out);
    assertTrue(out.contains("42"), out);
    assertTrue(
        out.contains("precompiled code from"), "the runtime said where its code came from: " + out);
  }

  /** A logging configuration that shows the runtime's debug messages. */
  private static Path logging() throws IOException {
    return Files.writeString(
        WORK.resolve("logging.properties"),
        """
        handlers=java.util.logging.ConsoleHandler
        java.util.logging.ConsoleHandler.level=ALL
        dev.cortado.level=ALL
        """);
  }

  private static Path jarOf(String module) {
    return ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
  }

  private static void install(Path repo, String artifact, Path pom, Path jar, String kind)
      throws IOException {
    Path dir = repo.resolve("dev/cortado").resolve(artifact).resolve(VERSION);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"));
    if (jar != null) {
      assertTrue(Files.exists(jar), jar + " is built");
      Files.copy(jar, dir.resolve(artifact + "-" + VERSION + "." + kind));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
