package dev.cortado.oci.internal.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "^1.2.3          ; 1.2.3, 1.9.0                 ; 1.2.2, 2.0.0, 2.0.0-rc.1, 1.3.0-beta",
        "^0.2.3          ; 0.2.3, 0.2.9                 ; 0.3.0, 0.2.2",
        "^0.0.3          ; 0.0.3                        ; 0.0.4",
        "^1.2            ; 1.2.0, 1.99.0                ; 1.1.9, 2.0.0",
        "~1.2.3          ; 1.2.3, 1.2.9                 ; 1.3.0",
        "~1              ; 1.0.0, 1.9.9                 ; 2.0.0",
        "1.x             ; 1.0.0, 1.5.5                 ; 2.0.0, 0.9.0",
        "1.2             ; 1.2.0, 1.2.7                 ; 1.3.0",
        "*               ; 0.0.1, 9.9.9                 ; 1.0.0-alpha",
        ">=1.0.0 <1.5.0  ; 1.0.0, 1.4.9                 ; 1.5.0, 0.9.9",
        ">1.0.0 <=1.2.0  ; 1.0.1, 1.2.0                 ; 1.0.0, 1.2.1",
        "1.0.0 - 1.2     ; 1.0.0, 1.2.9                 ; 1.3.0",
        "^1.0.0 || ^3.0.0 ; 1.5.0, 3.1.0                ; 2.0.0",
        "1.2.3-rc.1      ; 1.2.3-rc.1                   ; 1.2.3",
        ">=1.2.3-rc.1    ; 1.2.3-rc.2, 1.2.3, 2.0.0     ; 1.2.4-rc.1, 1.2.3-rc.0",
      })
  void rangesMatchAsNodeSemverDoes(String range, String in, String out) {
    Semver.Range r = Semver.range(range).orElseThrow();
    for (String v : in.split(",\\s*")) {
      assertTrue(r.test(Semver.parse(v).orElseThrow()), range + " should match " + v);
    }
    for (String v : out.split(",\\s*")) {
      assertTrue(!r.test(Semver.parse(v).orElseThrow()), range + " should not match " + v);
    }
  }

  @Test
  void versionsOrderAsTheSpecSays() {
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.2.0",
            "1.10.0");
    for (int i = 1; i < ordered.size(); i++) {
      Semver.Version a = Semver.parse(ordered.get(i - 1)).orElseThrow();
      Semver.Version b = Semver.parse(ordered.get(i)).orElseThrow();
      assertTrue(a.compareTo(b) < 0, a + " < " + b);
    }
  }

  @Test
  void tagsAreNeitherVersionsNorRanges() {
    assertTrue(Semver.parse("latest").isEmpty());
    assertTrue(Semver.range("latest").isEmpty());
    assertTrue(Semver.range("next").isEmpty());
    assertEquals(true, Semver.parse("1.0.0+build.5").isPresent());
  }
}
