package dev.cortado.wasm.binary;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.Chunks;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.List;

/**
 * Checks that function bodies are well-formed ({@link CodeScanner}) once the module's sections have
 * been read: bodies do not depend on each other, so a large code section is checked on several
 * cores.
 */
final class CodeBodies {
  private CodeBodies() {}

  /**
   * Checks {@code bodies}, in parallel if {@code parallel} and they are large enough.
   *
   * @param dataCountKnown whether a data count section came before the code section
   * @param version the edition whose encoding the bodies must have
   * @throws MalformedException for the first malformed body
   */
  static void check(
      List<Expression> bodies, boolean dataCountKnown, boolean parallel, WasmVersion version) {
    Chunks.run(
        bodies.size(),
        i -> bodies.get(i).code().length(),
        parallel,
        () -> i -> check(bodies.get(i), dataCountKnown, version));
  }

  private static void check(Expression body, boolean dataCountKnown, WasmVersion version) {
    Bytes code = body.code();
    int from = ModelAccess.bytes().offset(code);
    ByteReader in =
        new ByteReader(
            ModelAccess.bytes().array(code),
            from,
            from + code.length(),
            body.sourceOffset() - from,
            SectionId.CODE.text());
    CodeScanner.body(in, dataCountKnown, version);
  }
}
