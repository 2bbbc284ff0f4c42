package dev.cortado.buildtools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files of a jar compiled for Java 5 (picocli's, for one) as Java 8 class files
 * with stack map frames: the same code, which the JVM can then keep in its class-data-sharing
 * archive. HotSpot refuses to archive classes older than Java 6 once linked ("Old class has been
 * linked"), so every start of {@code cortado} loaded and verified picocli's 170 classes from the
 * jar again, with the old inference verifier: about 60 ms of each start (RATIONALE.md, "picocli's
 * class files are made Java 8 ones").
 *
 * <p>A jar whose classes are all Java 8 or newer is left as it is, so running this again changes
 * nothing. Every rewritten class is then loaded and initialized from the new jar, so a class the
 * JVM's verifier would refuse fails the build, not a user's command; only then does the new jar
 * replace the old one. Entries other than old classes are copied byte for byte.
 *
 * <p>Usage: {@code ModernizeClassFiles JAR...}
 */
public final class ModernizeClassFiles {
  /** The class file version written: Java 8's. */
  static final int TARGET = Opcodes.V1_8;

  private ModernizeClassFiles() {}

  /**
   * Modernizes each jar named on the command line.
   *
   * @throws IllegalStateException if one cannot be read, written or rewritten (the build fails)
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ModernizeClassFiles JAR...");
    }
    for (String a : args) {
      int n = modernize(Path.of(a));
      System.out.println(
          n == 0 ? a + ": no class older than Java 8" : a + ": " + n + " classes made Java 8");
    }
  }

  /**
   * Rewrites the classes of {@code jar} older than Java 8 in place and returns how many there were.
   *
   * @throws IllegalStateException if a rewritten class fails to load
   */
  public static int modernize(Path jar) throws IOException {
    Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".modernize", ".jar");
    try {
      List<String> rewritten = rewrite(jar, tmp);
      if (rewritten.isEmpty()) {
        return 0;
      }
      check(tmp, rewritten);
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rewritten.size();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Copies {@code in} to {@code out}, old classes rewritten; returns their names. */
  private static List<String> rewrite(Path in, Path out) throws IOException {
    List<String> rewritten = new ArrayList<>();
    try (URLClassLoader resolver = loader(in);
        ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
        OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zout = new ZipOutputStream(os)) {
      for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
        byte[] bytes = zin.readAllBytes();
        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
          ClassReader r = new ClassReader(bytes);
          if (r.readShort(6) < TARGET) {
            bytes = upgrade(r, resolver);
            rewritten.add(r.getClassName().replace('/', '.'));
          }
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        zout.putNextEntry(copy);
        zout.write(bytes);
        zout.closeEntry();
      }
    }
    return rewritten;
  }

  /**
   * Returns class {@code r} as a Java 8 class file: frames computed afresh (the old ones, if any,
   * dropped), common superclasses found among the jar's own classes and the JDK's.
   */
  static byte[] upgrade(ClassReader r, ClassLoader resolver) {
    ClassWriter w =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return resolver;
          }
        };
    r.accept(
        new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(TARGET, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return w.toByteArray();
  }

  /** Loads, verifies and initializes each of {@code classes} from {@code jar}. */
  private static void check(Path jar, List<String> classes) throws IOException {
    try (URLClassLoader l = loader(jar)) {
      for (String c : classes) {
        try {
          Class.forName(c, true, l);
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("the rewritten class " + c + " does not load: " + e, e);
        }
      }
    }
  }

  private static URLClassLoader loader(Path jar) {
    try {
      URL url = jar.toUri().toURL();
      // Over the platform loader only: the build's own class path may hold the original jar.
      return new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
