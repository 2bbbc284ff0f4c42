package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuncLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T07:00:00.123Z"), ZoneOffset.UTC);

  @Test
  void aJsonRecordHasExactlyLevelMsgAndTime(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.json");
    RuncLog log = RuncLog.of(Optional.of(file), RuncLog.Format.JSON, System.err).withClock(CLOCK);
    log.error("bundle /b has no config.json");
    List<String> lines = Files.readAllLines(file);
    assertEquals(1, lines.size());
    JsonNode n = Json.MAPPER.readTree(lines.get(0));
    assertEquals(3, n.size(), lines.get(0));
    assertEquals("error", n.get("level").asText());
    assertEquals("bundle /b has no config.json", n.get("msg").asText());
    assertEquals(Instant.parse("2026-12-04T07:00:00.123Z"), Instant.parse(n.get("time").asText()));
  }

  @Test
  void recordsAreAppendedOneALine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.json");
    Files.writeString(file, "{\"level\":\"info\",\"msg\":\"from runc\",\"time\":\"t\"}\n");
    RuncLog log = RuncLog.of(Optional.of(file), RuncLog.Format.JSON, System.err);
    log.warn("first\nsecond line");
    log.error("quote \" and backslash \\");
    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertEquals("first\nsecond line", Json.MAPPER.readTree(lines.get(1)).get("msg").asText());
    assertEquals("warning", Json.MAPPER.readTree(lines.get(1)).get("level").asText());
    assertEquals(
        "quote \" and backslash \\", Json.MAPPER.readTree(lines.get(2)).get("msg").asText());
  }

  @Test
  void aTextRecordIsLogrusKeyValues() {
    RuncLog log = RuncLog.of(Optional.empty(), RuncLog.Format.TEXT, System.err).withClock(CLOCK);
    assertEquals(
        "time=\"2026-12-04T07:00:00.123Z\" level=error msg=\"container \\\"a\\\" does not exist\"",
        log.line("error", "container \"a\" does not exist"));
  }

  @Test
  void withoutALogFileRecordsGoToStandardError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RuncLog log =
        RuncLog.of(Optional.empty(), RuncLog.Format.JSON, new PrintStream(err, true))
            .withClock(CLOCK);
    log.error("no file");
    assertTrue(err.toString().contains("\"msg\":\"no file\""), err.toString());
  }

  @Test
  void anUnknownFormatIsRefused() {
    RuncException e = assertThrows(RuncException.class, () -> RuncLog.Format.parse("yaml"));
    assertTrue(e.getMessage().contains("json or text"), e.getMessage());
    assertEquals(RuncLog.Format.JSON, RuncLog.Format.parse("JSON"));
  }
}
