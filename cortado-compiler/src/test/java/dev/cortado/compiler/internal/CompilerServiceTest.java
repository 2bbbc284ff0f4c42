package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cortado.runtime.internal.compiled.Compilers;
import dev.cortado.runtime.internal.compiled.ModuleCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompilerServiceTest {
  @Test
  void theRuntimeFindsTheCompilerByTheNameItsServiceFileGives() throws IOException {
    String file = "META-INF/services/" + ModuleCompiler.class.getName();
    try (InputStream in = JvmModuleCompiler.class.getClassLoader().getResourceAsStream(file)) {
      assertEquals(
          Compilers.PROVIDER, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
    assertEquals(JvmModuleCompiler.class.getName(), Compilers.PROVIDER);
    assertInstanceOf(JvmModuleCompiler.class, Compilers.find());
  }
}
