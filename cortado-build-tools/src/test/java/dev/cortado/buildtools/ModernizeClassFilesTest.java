package dev.cortado.buildtools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ModernizeClassFilesTest {
  @TempDir Path tmp;

  /**
   * A Java 5 class {@code old.Pick} with {@code static Object pick(int k)}: a branch whose arms
   * leave different types (a String, a StringBuilder) that meet as a CharSequence, so the frames a
   * Java 8 class needs take a common superclass to compute.
   */
  private static byte[] oldClass(boolean broken) {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "old/Pick", null, "java/lang/Object", null);
    MethodVisitor m =
        w.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "pick",
            "(I)Ljava/lang/CharSequence;",
            null,
            null);
    m.visitCode();
    Label other = new Label();
    Label join = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFEQ, other);
    m.visitLdcInsn("one");
    m.visitJumpInsn(Opcodes.GOTO, join);
    m.visitLabel(other);
    if (broken) {
      m.visitInsn(Opcodes.ICONST_0); // an int where a reference must be: no verifier accepts it
    } else {
      m.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
      m.visitInsn(Opcodes.DUP);
      m.visitLdcInsn("two");
      m.visitMethodInsn(
          Opcodes.INVOKESPECIAL,
          "java/lang/StringBuilder",
          "<init>",
          "(Ljava/lang/String;)V",
          false);
    }
    m.visitLabel(join);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  private Path jar(byte[] pick) throws IOException {
    Path jar = tmp.resolve("old.jar");
    try (OutputStream os = Files.newOutputStream(jar);
        ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      z.write("Manifest-Version: 1.0\r\n\r\n".getBytes());
      z.putNextEntry(new ZipEntry("old/Pick.class"));
      z.write(pick);
      z.putNextEntry(new ZipEntry("old/data.txt"));
      z.write("kept".getBytes());
    }
    return jar;
  }

  private static byte[] entry(Path jar, String name) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getInputStream(j.getEntry(name)).readAllBytes();
    }
  }

  @Test
  void anOldClassBecomesAJava8ClassThatRunsTheSame() throws Exception {
    Path jar = jar(oldClass(false));
    assertEquals(1, ModernizeClassFiles.modernize(jar));
    byte[] pick = entry(jar, "old/Pick.class");
    assertEquals(Opcodes.V1_8, new ClassReader(pick).readShort(6));
    assertArrayEquals("kept".getBytes(), entry(jar, "old/data.txt"));
    try (URLClassLoader l =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      var method = Class.forName("old.Pick", true, l).getMethod("pick", int.class);
      assertEquals("one", method.invoke(null, 1).toString());
      assertEquals("two", method.invoke(null, 0).toString());
    }
  }

  @Test
  void aJarWithNoOldClassIsLeftAsItIs() throws Exception {
    Path jar = jar(oldClass(false));
    ModernizeClassFiles.modernize(jar);
    byte[] once = Files.readAllBytes(jar);
    assertEquals(0, ModernizeClassFiles.modernize(jar));
    assertArrayEquals(once, Files.readAllBytes(jar));
  }

  @Test
  void aClassTheVerifierRefusesFailsAndLeavesTheJarUntouched() throws Exception {
    Path jar = jar(oldClass(true));
    byte[] before = Files.readAllBytes(jar);
    Exception e = assertThrows(Exception.class, () -> ModernizeClassFiles.modernize(jar));
    assertTrue(e.getMessage().contains("old.Pick"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(jar));
    try (var left = Files.list(tmp)) {
      assertEquals(1, left.count(), "no temporary file left");
    }
  }
}
