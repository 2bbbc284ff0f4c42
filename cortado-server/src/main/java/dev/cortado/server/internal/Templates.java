package dev.cortado.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spin's templates: {@code {{ name }}} replaced by an application variable's value. */
public final class Templates {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^{}\\s]*)\\s*}}");

  private Templates() {}

  /** Returns the variable names {@code template} refers to, in order. */
  static List<String> references(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = REFERENCE.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Returns whether {@code template} has an unbalanced {@code {{} or {@code }}}. */
  static boolean malformed(String template) {
    String rest = REFERENCE.matcher(template).replaceAll("");
    return rest.contains("{{") || rest.contains("}}");
  }

  /** Returns {@code template} with every reference replaced by its value in {@code values}. */
  public static String render(String template, Map<String, String> values) {
    Matcher m = REFERENCE.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no variable \"" + m.group(1) + "\"");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(value));
    }
    m.appendTail(b);
    return b.toString();
  }
}
