package dev.cortado.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A CGI program's output read as a response: header lines ({@code Name: value}, CR ignored) up to
 * an empty line, then the body. {@code Status: 404 Not Found} sets the status; {@code Location}
 * without a status makes it 302; at least one of {@code Content-Type}, {@code Location} and {@code
 * Status} must be there (RFC 3875 section 6, as WAGI reads it).
 *
 * @param status the HTTP status
 * @param headers the other headers, as name and value pairs, in order
 * @param body the body
 */
public record CgiResponse(int status, List<String[]> headers, byte[] body) {
  /** The output is not a CGI response; the message says why. */
  public static final class BadOutputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadOutputException(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code out}, the program's standard output.
   *
   * @throws BadOutputException if it has no blank line after the headers, a header line without a
   *     colon, a bad status, or none of the required headers
   */
  public static CgiResponse parse(byte[] out, int length) throws BadOutputException {
    int end = headerEnd(out, length);
    if (end < 0) {
      throw new BadOutputException(
          "the program's output has no empty line ending the CGI headers (it wrote "
              + length
              + " bytes"
              + (length == 0 ? "" : ", starting \"" + preview(out, length) + "\"")
              + ")");
    }
    int status = 200;
    boolean explicitStatus = false;
    boolean sufficient = false;
    List<String[]> headers = new ArrayList<>();
    String head = new String(out, 0, end, StandardCharsets.ISO_8859_1).replace("\r", "");
    for (String line : head.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadOutputException("not a CGI header line: \"" + line + "\"");
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (!isFieldName(name)) {
        throw new BadOutputException("not a header name: \"" + name + "\"");
      }
      if (!isFieldValue(value)) {
        throw new BadOutputException("a control character in the value of header " + name);
      }
      switch (name.toLowerCase(Locale.ROOT)) {
        case "status" -> {
          String code = value.split(" ", 2)[0];
          try {
            status = Integer.parseInt(code);
          } catch (NumberFormatException e) {
            status = -1;
          }
          if (!isFinal(status)) {
            throw new BadOutputException("not a final HTTP status (200 to 599): \"" + value + "\"");
          }
          explicitStatus = true;
          sufficient = true;
        }
        case "location" -> {
          sufficient = true;
          if (!explicitStatus) {
            status = 302;
          }
          headers.add(new String[] {"Location", value});
        }
        case "content-type" -> {
          sufficient = true;
          headers.add(new String[] {name, value});
        }
        default -> headers.add(new String[] {name, value});
      }
    }
    if (!sufficient) {
      throw new BadOutputException(
          "the program's CGI headers have none of Content-Type, Location and Status");
    }
    int bodyStart = end + bodySeparatorLength(out, end);
    return new CgiResponse(status, headers, Arrays.copyOfRange(out, bodyStart, length));
  }

  /**
   * Returns whether {@code status} may end an exchange: a 1xx would tell the client that more is to
   * come, or that the connection changes protocol, and HTTP has no status above 599.
   */
  static boolean isFinal(int status) {
    return status >= 200 && status <= 599;
  }

  /** Returns where the empty line starts (the index of its first CR or LF), or -1. */
  private static int headerEnd(byte[] out, int length) {
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      if (out[i] == '\n') {
        int content = i - lineStart;
        if (content == 0 || (content == 1 && out[lineStart] == '\r')) {
          return lineStart;
        }
        lineStart = i + 1;
      }
    }
    return -1;
  }

  private static int bodySeparatorLength(byte[] out, int end) {
    return out[end] == '\r' ? 2 : 1;
  }

  /** Returns whether {@code name} can name a header field: an RFC 9110 token. */
  static boolean isFieldName(String name) {
    return !name.isEmpty() && name.chars().allMatch(CgiResponse::isTokenChar);
  }

  /** Returns whether {@code value} can be a header field's value: no control character but tab. */
  static boolean isFieldValue(String value) {
    return value.chars().noneMatch(c -> (c < 32 && c != '\t') || c == 127);
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private static String preview(byte[] out, int length) {
    String s = new String(out, 0, Math.min(length, 40), StandardCharsets.UTF_8);
    return s.replace("\n", "\\n").replace("\r", "\\r") + (length > 40 ? "..." : "");
  }
}
