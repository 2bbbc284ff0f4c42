package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.ExecutionInterruptedException.Reason;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A program blocked in a WASI call (reading a pipe that stays open and empty, accepting on a socket
 * nobody connects to, receiving from a silent peer, polling such a descriptor) stops at the store's
 * deadline or at {@link Store#interrupt()} within milliseconds, as a running loop does, and loses
 * no input by being stopped. Uses {@code wat/blocking_calls.wat}.
 */
class BlockingCallsStopTest {
  /** Longer than any call here may take; a call still blocked then is the bug. */
  private static final Duration HUNG = Duration.ofSeconds(6);

  /** How late a stop may come on a busy machine: "within milliseconds", with room for CI. */
  private static final long LATE_MILLIS = 500;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private WasiPreview1 wasi;
  private Linker linker;
  private Store store;
  private Instance instance;

  @AfterEach
  void tearDown() {
    timer.shutdownNow();
    if (wasi != null) {
      wasi.close();
    }
  }

  private void start(WasiConfig config) {
    wasi = WasiPreview1.create(config);
    store = Store.create(Programs.engine());
    linker = Linker.create();
    wasi.addTo(linker);
    instance = linker.instantiate(store, Programs.module("blocking_calls"));
  }

  private int call(String name, int fd) {
    return ((WasmValue.I32) instance.func(name).orElseThrow().call(WasmValue.i32(fd)).get(0))
        .value();
  }

  private byte[] memory(int address, int length) {
    Memory memory = instance.memory("memory").orElseThrow();
    return memory.read(address, length);
  }

  /** Calls {@code name(fd)}, which must be stopped; returns how it was stopped. */
  private ExecutionInterruptedException stopped(String name, int fd) {
    return assertTimeoutPreemptively(
        HUNG,
        () -> assertThrows(ExecutionInterruptedException.class, () -> call(name, fd)),
        name + " stayed blocked");
  }

  /** Interrupts the store after {@code millis}; returns when it did (System.nanoTime). */
  private AtomicLong interruptAfter(long millis) {
    AtomicLong at = new AtomicLong();
    timer.schedule(
        () -> {
          at.set(System.nanoTime());
          store.interrupt();
        },
        millis,
        TimeUnit.MILLISECONDS);
    return at;
  }

  /** Checks that a read of stdin is stopped by the interrupt made at {@code interruptedAt}. */
  private void assertReadStoppedSoonAfter(AtomicLong interruptedAt) {
    assertEquals(Reason.INTERRUPTED, stopped("read", 0).reason());
    long late = millisSince(interruptedAt.get());
    assertTrue(late < LATE_MILLIS, "stopped " + late + " ms after the interrupt");
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** Returns the helper threads reading input, now. */
  private static Set<Thread> inputThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("cortado-wasi-input"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static WasiConfig stdin(PipedInputStream pipe) {
    return WasiConfig.defaults().withStdin(WasiInput.from(pipe));
  }

  @Test
  void aDeadlineStopsAReadOfAPipeThatStaysOpenAndEmpty() throws IOException {
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    long begin = System.nanoTime(); // before the timeout starts, which a busy machine may delay
    store.setTimeout(Duration.ofMillis(200));
    assertEquals(Reason.DEADLINE, stopped("read", 0).reason());
    long took = millisSince(begin);
    assertTrue(took >= 190 && took < 200 + LATE_MILLIS, "stopped after " + took + " ms");
    writer.close();
  }

  @Test
  void anInterruptFromAnotherThreadStopsABlockedReadWithinMilliseconds() throws IOException {
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    AtomicLong interruptedAt = interruptAfter(200);
    assertReadStoppedSoonAfter(interruptedAt);
    writer.close();
  }

  @Test
  void aBlockedReadStopsWithItsOwnStoreWhileAnotherStoreCallsTheSameWasiWorld() throws IOException {
    // As with wasi-threads: two stores share one WASI world. The other one's call comes after the
    // read started blocking; the interrupt of the reading store must still stop the read.
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    Instance other =
        linker.instantiate(Store.create(Programs.engine()), Programs.module("blocking_calls"));
    timer.schedule(
        () ->
            other
                .func("sleep")
                .orElseThrow()
                .call(WasmValue.i32(1), WasmValue.i64(1), WasmValue.i32(0)),
        100,
        TimeUnit.MILLISECONDS);
    AtomicLong interruptedAt = interruptAfter(300);
    assertReadStoppedSoonAfter(interruptedAt);
    writer.close();
  }

  @Test
  void inputThatArrivesAfterAStopIsReadByTheNextCallAndThenEndOfInput() throws IOException {
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    interruptAfter(100);
    stopped("read", 0);
    writer.write("hello".getBytes(StandardCharsets.US_ASCII));
    writer.close();
    int n = assertTimeoutPreemptively(HUNG, () -> call("read", 0));
    assertEquals(5, n);
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), memory(100, 5));
    assertEquals(0, (int) assertTimeoutPreemptively(HUNG, () -> call("read", 0)), "end of input");
  }

  private int sleep(int clock, long timeout, int flags) {
    return ((WasmValue.I32)
            instance
                .func("sleep")
                .orElseThrow()
                .call(WasmValue.i32(clock), WasmValue.i64(timeout), WasmValue.i32(flags))
                .get(0))
        .value();
  }

  @Test
  void aTimeoutOf2To63NanosecondsOrMoreWaitsUntilTheDeadlineNotAtAll() {
    // u64 timeouts: relative on the monotonic clock (1), absolute on the real-time clock (0).
    long[][] sleeps = {{1, -1, 0}, {1, Long.MIN_VALUE, 0}, {0, -1, 1}, {1, Long.MAX_VALUE, 0}};
    for (long[] s : sleeps) {
      if (wasi != null) {
        wasi.close();
      }
      start(WasiConfig.defaults());
      store.setTimeout(Duration.ofMillis(200));
      ExecutionInterruptedException e =
          assertTimeoutPreemptively(
              HUNG,
              () ->
                  assertThrows(
                      ExecutionInterruptedException.class,
                      () -> sleep((int) s[0], s[1], (int) s[2])),
              Long.toUnsignedString(s[1]) + " ns did not wait");
      assertEquals(Reason.DEADLINE, e.reason());
    }
    wasi.close();
    start(WasiConfig.defaults());
    assertEquals(0, sleep(1, 1_000_000, 0), "a millisecond is a millisecond");
  }

  @Test
  void aDeadlineStopsAPollOnAnEmptyPipe() throws IOException {
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    store.setTimeout(Duration.ofMillis(200));
    assertEquals(Reason.DEADLINE, stopped("poll_read", 0).reason());
    writer.close();
  }

  @Test
  void pollReportsInputThatArrivesAndThenEndOfInputAsReadable() throws IOException {
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    store.setTimeout(Duration.ofSeconds(5));
    timer.schedule(
        () -> {
          writer.write('x');
          return null;
        },
        100,
        TimeUnit.MILLISECONDS);
    assertEquals(0, (int) assertTimeoutPreemptively(HUNG, () -> call("poll_read", 0)));
    assertEquals(1, call("read", 0));
    writer.close();
    // A pipe at its end has no bytes to count, yet reading it no longer blocks: poll says so.
    assertEquals(0, (int) assertTimeoutPreemptively(HUNG, () -> call("poll_read", 0)));
    assertEquals(0, call("read", 0));
  }

  @Test
  void inMemoryInputIsReadOnTheProgramsOwnThread() {
    Set<Thread> before = inputThreads();
    start(WasiConfig.defaults().withStdin(WasiInput.ofText("hi")));
    store.setTimeout(Duration.ofSeconds(5));
    assertEquals(0, (int) assertTimeoutPreemptively(HUNG, () -> call("poll_read", 0)));
    assertEquals(2, call("read", 0));
    assertEquals(0, call("read", 0));
    // At the end, nothing to count but nothing to wait for: readable.
    assertEquals(0, (int) assertTimeoutPreemptively(HUNG, () -> call("poll_read", 0)));
    assertTrue(before.containsAll(inputThreads()), "no helper thread for bytes already in memory");
  }

  @Test
  void noHelperThreadOutlivesTheInputItWaitsFor() throws Exception {
    Set<Thread> before = inputThreads();
    PipedOutputStream writer = new PipedOutputStream();
    start(stdin(new PipedInputStream(writer)));
    interruptAfter(100);
    stopped("read", 0);
    Set<Thread> helpers = inputThreads();
    helpers.removeAll(before);
    assertEquals(1, helpers.size(), "one helper thread reads the pipe");
    Thread helper = helpers.iterator().next();
    assertTrue(helper.isDaemon(), "the helper cannot keep the JVM alive");
    wasi.close();
    wasi = null;
    writer.close();
    helper.join(5_000);
    assertFalse(helper.isAlive(), "the helper thread still waits on an input that has ended");
  }

  @Test
  void aDeadlineStopsAnAcceptNobodyConnectsTo() throws IOException {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      start(WasiConfig.defaults().withListeningSocket(listener));
      store.setTimeout(Duration.ofMillis(200));
      long begin = System.nanoTime();
      assertEquals(Reason.DEADLINE, stopped("accept", 3).reason());
      assertTrue(millisSince(begin) < 200 + LATE_MILLIS, "stopped late");
    }
  }

  @Test
  void anInterruptStopsAReceiveFromASilentPeerAndAPollOnIt() throws IOException {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      start(WasiConfig.defaults().withListeningSocket(listener));
      try (Socket peer =
          new Socket(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort())) {
        int fd = assertTimeoutPreemptively(HUNG, () -> call("accept", 3));
        assertEquals(4, fd);
        AtomicLong interruptedAt = interruptAfter(200);
        assertEquals(Reason.INTERRUPTED, stopped("recv", fd).reason());
        assertTrue(millisSince(interruptedAt.get()) < LATE_MILLIS, "stopped late");
        interruptedAt = interruptAfter(200);
        assertEquals(Reason.INTERRUPTED, stopped("poll_read", fd).reason());
        assertTrue(millisSince(interruptedAt.get()) < LATE_MILLIS, "stopped late");
        peer.getOutputStream().write('y');
        assertEquals(1, (int) assertTimeoutPreemptively(HUNG, () -> call("recv", fd)));
        assertEquals('y', memory(100, 1)[0]);
      }
    }
  }
}
