package dev.cortado.oci.internal.suborbital;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.oci.internal.wasmer.PackagePaths;
import dev.cortado.wasm.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a bundle zip into memory without trusting it: the central directory is checked for links
 * first ({@link ZipLinks}), then each entry is unpacked counting the bytes it really yields (not
 * the sizes it claims) against the per-entry and total limits; names must be plain relative paths
 * and appear once. Nothing is written to disk.
 */
public final class BundleZip {
  private static final String DIRECTIVE = "Directive.yaml";
  private static final String STATIC = "static/";

  private BundleZip() {}

  /** Reads {@code zip}. */
  public static SuborbitalBundle read(Path zip) {
    String what = zip.toString();
    try {
      if (!Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS)) {
        throw new OciException(
            Kind.NOT_FOUND, zip + ": no such file (a Suborbital bundle, runnables.wasm.zip)");
      }
      if (Files.size(zip) > SuborbitalBundle.MAX_TOTAL) {
        throw PackagePaths.unsafe(
            what, "it is larger than the " + SuborbitalBundle.MAX_TOTAL + " bytes a bundle may be");
      }
      ZipLinks.refuseLinks(zip, what);
      Map<String, byte[]> entries = unpack(zip, what);
      byte[] directive = entries.get(DIRECTIVE);
      if (directive == null) {
        throw malformed(what, "it holds no Directive.yaml at its root; is it a Suborbital bundle?");
      }
      SuborbitalDirective d = DirectiveYaml.parse(directive, what + "!" + DIRECTIVE);
      Map<String, Bytes> runnables = new LinkedHashMap<>();
      Map<String, Bytes> statics = new LinkedHashMap<>();
      entries.forEach(
          (name, bytes) -> {
            if (name.startsWith(STATIC)) {
              statics.put(name.substring(STATIC.length()), Bytes.of(bytes));
            } else if (name.endsWith(".wasm") && name.indexOf('/') < 0) {
              runnables.put(name.substring(0, name.length() - 5), Bytes.of(bytes));
            }
          });
      DirectiveYaml.checkRunnables(d, runnables.keySet(), what);
      return new SuborbitalBundle(zip, d, runnables, statics);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, what + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Map<String, byte[]> unpack(Path zip, String what) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    long total = 0;
    int count = 0;
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (++count > SuborbitalBundle.MAX_ENTRIES) {
          throw PackagePaths.unsafe(
              what, "it has more than " + SuborbitalBundle.MAX_ENTRIES + " entries");
        }
        String name = e.getName();
        if (e.isDirectory()) {
          checkName(name.substring(0, Math.max(0, name.length() - 1)), what, true);
          continue;
        }
        checkName(name, what, false);
        byte[] bytes = readLimited(in, name, SuborbitalBundle.MAX_TOTAL - total, what);
        total += bytes.length;
        if (out.put(name, bytes) != null) {
          throw PackagePaths.unsafe(what, "entry " + name + " appears twice");
        }
      }
    } catch (ZipException e) {
      throw malformed(what, "it is not a valid zip (" + e.getMessage() + ")");
    }
    return out;
  }

  private static void checkName(String name, String what, boolean directory) {
    if (directory && name.isEmpty()) {
      return;
    }
    if (!PackagePaths.isPlain(name)) {
      throw PackagePaths.unsafe(
          what,
          "entry \""
              + name.replaceAll("\\p{Cntrl}", "?")
              + "\" is not a plain relative path (no leading /, no '..', no '\\')");
    }
  }

  private static byte[] readLimited(InputStream in, String name, long left, String what)
      throws IOException {
    long limit = Math.min(SuborbitalBundle.MAX_ENTRY, left);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) {
      if (out.size() + (long) n > limit) {
        throw PackagePaths.unsafe(
            what,
            "entry "
                + name
                + " unpacks to more than "
                + limit
                + " bytes (limits: "
                + SuborbitalBundle.MAX_ENTRY
                + " per entry, "
                + SuborbitalBundle.MAX_TOTAL
                + " in all)");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static OciException malformed(String what, String why) {
    return new OciException(Kind.MALFORMED_PACKAGE, what + " is not a valid bundle: " + why);
  }
}
