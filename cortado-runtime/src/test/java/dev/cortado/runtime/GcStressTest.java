package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection under load: a program that allocates ten million short-lived structs and
 * arrays, twenty times the JVM's heap, runs to the right result: the JVM's collector reclaims what
 * the program dropped (Cortado's objects are Java objects).
 */
class GcStressTest {
  static final String CHURN =
      """
      (module
        (type $node (struct (field $value i64) (field $next (ref null $node))))
        (type $buffer (array (mut i64)))
        (func $round (param $n i32) (result i64)
          (local $list (ref null $node))
          (local $total i64)
          (local $buf (ref $buffer))
          (block $built
            (loop $build
              (br_if $built (i32.eqz (local.get $n)))
              ;; 64 bytes of array per node, garbage as soon as the node holds its sum.
              (local.set $buf (array.new $buffer (i64.extend_i32_u (local.get $n)) (i32.const 8)))
              (local.set $list
                (struct.new $node
                  (i64.add
                    (array.get $buffer (local.get $buf) (i32.const 0))
                    (array.get $buffer (local.get $buf) (i32.const 7)))
                  (local.get $list)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $build)))
          (block $end
            (loop $walk
              (local.set $total
                (i64.add (local.get $total)
                  (struct.get $node $value (br_on_null $end (local.get $list)))))
              (local.set $list (struct.get $node $next (local.get $list)))
              (br $walk)))
          (local.get $total))
        (func (export "churn") (param $rounds i32) (param $n i32) (result i64)
          (local $total i64)
          (block $done
            (loop $again
              (br_if $done (i32.eqz (local.get $rounds)))
              (local.set $total (i64.add (local.get $total) (call $round (local.get $n))))
              (local.set $rounds (i32.sub (local.get $rounds) (i32.const 1)))
              (br $again)))
          (local.get $total)))
      """;

  /** The JVM heap the churn runs in: a few rounds' live objects fit, all of them do not. */
  private static final String HEAP = "-Xmx48m";

  @Test
  void tenMillionDroppedObjectsRunInAFixedHeap() throws Exception {
    int rounds = 100;
    int n = 50_000;
    // 10 million objects (a struct and an array per node), about 1 GB allocated in all: 20 times
    // the heap. One round's 10 MB is alive at a time.
    String java = ProcessHandle.current().info().command().orElseThrow();
    String classPath =
        String.join(
            File.pathSeparator,
            System.getProperty("java.class.path", ""),
            System.getProperty("jdk.module.path", ""));
    Process p =
        new ProcessBuilder(
                java,
                HEAP,
                "-cp",
                classPath,
                GcStressMain.class.getName(),
                Integer.toString(rounds),
                Integer.toString(n))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the churn did not finish");
    assertEquals(0, p.exitValue(), output);
    // Each node holds 2 * its index.
    assertEquals(Long.toString(rounds * (long) n * (n + 1)), output);
  }
}
