package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store: atomic, verified blob writes, the reference index, and concurrent users. */
class LocalStoreTest {
  @TempDir Path dir;

  @Test
  void storesBlobsUnderTheirDigest() throws Exception {
    LocalStore store = LocalStore.open(dir);
    byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
    Digest d = store.put(bytes);
    assertEquals(dir.resolve("blobs/sha256/" + d.hex()), store.path(d));
    assertArrayEquals(bytes, store.read(d).orElseThrow());
    StoreAssertions.assertIntact(store);
  }

  @Test
  void blobsGetThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
    // A blob is what `pull -o` copies out (Files.copy keeps its mode): it must not be rw-------
    // when the umask would let others read a new file.
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain"));
    LocalStore store = LocalStore.open(dir);
    Digest d = store.put("shared".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(store.path(d)));
  }

  @Test
  void aDamagedIndexSaysWhatIsWrongAndWhatToDo() throws Exception {
    Files.writeString(dir.resolve("index.json"), "{garbage");
    OciException e = assertThrows(OciException.class, () -> LocalStore.open(dir).images());
    assertTrue(e.getMessage().contains("index.json is not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("move it aside to start an empty index"), e.getMessage());
    Files.writeString(dir.resolve("index.json"), "[1]");
    OciException notObject = assertThrows(OciException.class, () -> LocalStore.open(dir).images());
    assertTrue(notObject.getMessage().contains("move it aside"), notObject.getMessage());
    // Moved aside, the store starts over and works.
    Files.move(dir.resolve("index.json"), dir.resolve("index.json.damaged"));
    assertEquals(List.of(), LocalStore.open(dir).images());
  }

  @Test
  void aDigestMismatchKeepsNothing() throws Exception {
    LocalStore store = LocalStore.open(dir);
    Digest claimed = Digest.sha256("expected".getBytes(StandardCharsets.UTF_8));
    OciException e =
        assertThrows(
            OciException.class,
            () -> store.write(claimed, out -> out.write("other".getBytes(StandardCharsets.UTF_8))));
    assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind());
    assertFalse(store.contains(claimed));
    StoreAssertions.assertIntact(store);
  }

  @Test
  void aWriterThatFailsHalfwayKeepsNothing() throws Exception {
    LocalStore store = LocalStore.open(dir);
    Digest d = Digest.sha256(new byte[100]);
    assertThrows(
        OciException.class,
        () ->
            store.write(
                d,
                out -> {
                  out.write(new byte[50]);
                  throw new IOException("connection reset");
                }));
    assertFalse(store.contains(d));
    StoreAssertions.assertIntact(store);
  }

  @Test
  void recordsAndListsImagesWhoseModulesAreStored() {
    LocalStore store = LocalStore.open(dir);
    Digest module = store.put(TestModules.core("a"));
    Digest missing = Digest.sha256(new byte[3]);
    Digest manifest = Digest.sha256(new byte[4]);
    Reference a = Reference.parse("example.com/a:1");
    Reference b = Reference.parse("example.com/b:1");
    store.record(
        new StoredImage(a, manifest, module, 10, "2024-01-01T00:00:00Z", store.path(module)));
    store.record(new StoredImage(b, manifest, missing, 10, "", store.path(missing)));
    assertEquals(List.of(a), store.images().stream().map(StoredImage::reference).toList());
    assertEquals(module, store.find(a).orElseThrow().module());
    assertTrue(store.find(b).isEmpty(), "a record whose module is gone is not offered");
    assertTrue(store.forget(a));
    assertTrue(store.find(a).isEmpty());
  }

  @Test
  void concurrentIndexUpdatesLoseNothing() throws Exception {
    Digest module = LocalStore.open(dir).put(TestModules.core("many"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Reference ref = Reference.parse("example.com/r" + i + ":1");
        LocalStore own = LocalStore.open(dir);
        futures.add(
            pool.submit(
                () -> own.record(new StoredImage(ref, module, module, 1, "", own.path(module)))));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40, LocalStore.open(dir).images().size());
  }

  @Test
  void twoStoresPullingTheSameReferenceAtOnceBothSucceed() throws Exception {
    try (RegistryDouble registry = new RegistryDouble()) {
      byte[] module = TestModules.core("race", 2_000_000);
      Reference ref = push(registry, module, "acme/race:1");
      registry.throttleMillis = 10;
      Path shared = dir.resolve("shared");
      CountDownLatch go = new CountDownLatch(1);
      Callable<StoredImage> pull =
          () -> {
            Oci oci = Oci.create(RegistryClient.builder().build(), LocalStore.open(shared));
            go.await();
            return oci.pull(ref, Progress.none());
          };
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<StoredImage>> results =
            List.of(pool.submit(pull), pool.submit(pull), pool.submit(pull));
        go.countDown();
        for (Future<StoredImage> f : results) {
          assertArrayEquals(module, Files.readAllBytes(f.get(60, TimeUnit.SECONDS).path()));
        }
      } finally {
        pool.shutdownNow();
      }
      StoreAssertions.assertIntact(LocalStore.open(shared));
      assertEquals(1, LocalStore.open(shared).images().size());
      assertTrue(registry.maxConcurrentBlobGets.get() >= 2, "the downloads overlapped");
    }
  }

  @Test
  void anotherProcessPullingTheSameReferenceAtOnceBothSucceed() throws Exception {
    try (RegistryDouble registry = new RegistryDouble()) {
      byte[] module = TestModules.core("process-race", 3_000_000);
      Reference ref = push(registry, module, "acme/race:2");
      registry.throttleMillis = 15;
      Path shared = dir.resolve("shared");
      String moduleGet = "GET /v2/acme/race/blobs/" + Digest.sha256(module);
      Process child =
          new ProcessBuilder(
                  javaCommand(StorePullMain.class.getName(), shared.toString(), ref.toString()))
              .redirectErrorStream(true)
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (registry.log.stream().noneMatch(l -> l.startsWith(moduleGet))
          && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      StoredImage mine =
          Oci.create(RegistryClient.builder().build(), LocalStore.open(shared))
              .pull(ref, Progress.none());
      String childOut = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), childOut);
      assertEquals(mine.module().toString(), childOut.strip());
      assertArrayEquals(module, Files.readAllBytes(mine.path()));
      StoreAssertions.assertIntact(LocalStore.open(shared));
      assertTrue(registry.maxConcurrentBlobGets.get() >= 2, "the downloads overlapped");
    }
  }

  private Reference push(RegistryDouble registry, byte[] module, String repoTag) {
    Reference ref = registry.ref(repoTag);
    Oci.create(RegistryClient.builder().build(), LocalStore.open(dir.resolve("pusher")))
        .push(module, ref, Map.of(), Progress.none());
    return ref;
  }

  /** A command running {@code mainClass} in a new JVM on this test's classes and dependencies. */
  private static List<String> javaCommand(String mainClass, String... args) throws Exception {
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        path.add(value);
      }
    }
    path.add(
        Path.of(StorePullMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, path));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}
