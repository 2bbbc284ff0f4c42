package dev.cortado.oci.internal.wasmer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Parses a webc index or manifest (CBOR) into a tree, with Jackson's limits tightened for input
 * from strangers: nesting depth and string lengths bounded. Trailing bytes (the index's padding)
 * are ignored.
 */
final class Cbor {
  private static final ObjectMapper MAPPER =
      new CBORMapper(
          CBORFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(200)
                      .maxStringLength(16 << 20)
                      .build())
              .build());

  private Cbor() {}

  static JsonNode parse(Cursor data, String part, String what) {
    ByteBuffer b = data.buffer();
    try (InputStream in = new ByteBufferInput(b)) {
      JsonNode node = MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw data.malformed(part + " is empty");
      }
      return node;
    } catch (IOException | RuntimeException e) {
      if (e instanceof dev.cortado.oci.OciException oe) {
        throw oe;
      }
      // The parser's own words, without the location it appends: that names our input stream.
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      int at = why == null ? -1 : why.indexOf(" (start token at ");
      throw data.malformed(
          part + " is not valid CBOR (" + firstLine(at < 0 ? why : why.substring(0, at)) + ")");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** An input stream over a buffer, without copying it. */
  private static final class ByteBufferInput extends InputStream {
    private final ByteBuffer b;

    ByteBufferInput(ByteBuffer b) {
      this.b = b.duplicate();
    }

    @Override
    public int read() {
      return b.hasRemaining() ? b.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (!b.hasRemaining()) {
        return -1;
      }
      int n = Math.min(len, b.remaining());
      b.get(dst, off, n);
      return n;
    }
  }
}
