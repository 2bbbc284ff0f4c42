package dev.cortado.oci.internal.npm;

import dev.cortado.wasm.internal.LazyLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings lines of an {@code .npmrc} file: {@code key=value}, comments after {@code ;} or
 * {@code #}, values optionally quoted, {@code ${NAME}} replaced by the environment variable (a line
 * naming an unset variable is left out, with a warning, rather than sent with the placeholder).
 *
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/npmrc">npmrc</a>
 */
public final class NpmRc {
  private static final System.Logger LOG = LazyLogger.of(NpmRc.class);
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)\\}");

  private NpmRc() {}

  /** One setting. */
  public record Entry(String key, String value) {}

  /** Returns the settings of {@code text}, in order; {@code source} names it in warnings. */
  public static List<Entry> parse(String text, Map<String, String> env, String source) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = expand(line.substring(0, eq).strip(), env, source);
      String value = expand(unquote(line.substring(eq + 1).strip()), env, source);
      if (key != null && value != null) {
        entries.add(new Entry(key, value));
      }
    }
    return entries;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String expand(String s, Map<String, String> env, String source) {
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0}: ${{1}} is not set; the setting that uses it is ignored",
            source,
            m.group(1));
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
