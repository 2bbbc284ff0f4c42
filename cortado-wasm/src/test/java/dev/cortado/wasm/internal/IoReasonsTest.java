package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoReasonsTest {
  @Test
  void theKindOfAFileExceptionIsItsReasonInWords() {
    assertEquals(
        "permission denied (/a/b.jar)", IoReasons.of(new AccessDeniedException("/a/b.jar")));
    assertEquals(
        "no such file or folder (/a/b.jar)", IoReasons.of(new NoSuchFileException("/a/b.jar")));
    assertEquals(
        "Is a directory (/tmp -> /x)",
        IoReasons.of(new FileSystemException("/tmp", "/x", "Is a directory")));
  }

  @Test
  void thePathTheMessageNamesAlreadyIsNotRepeated() {
    NoSuchFileException missing = new NoSuchFileException("/a/b.pem");
    assertEquals("no such file or folder", IoReasons.of(missing, Path.of("/a/b.pem")));
    assertEquals("no such file or folder (/a/b.pem)", IoReasons.of(missing, Path.of("/a")));
    FileSystemException moved = new FileSystemException("/a/b", "/c", "Is a directory");
    assertEquals("Is a directory (/a/b -> /c)", IoReasons.of(moved, Path.of("/a/b")));
    assertEquals("disk full", IoReasons.of(new IOException("disk full"), Path.of("/a")));
  }

  @Test
  void anotherExceptionGivesItsMessageOrItsKind() {
    assertEquals("disk full", IoReasons.of(new IOException("disk full")));
    assertEquals("IOException", IoReasons.of(new IOException()));
  }
}
