package dev.cortado.wasm.binary;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import java.util.ArrayList;
import java.util.List;

/** What the decoder carries between sections while it reads one module. */
final class Decoding {
  final WasmModule.Builder module = WasmModule.builder();

  /** The edition whose encoding the module must have. */
  final WasmVersion version;

  /** Type indices from the function section, paired with the code section's bodies. */
  int[] functionTypes = new int[0];

  /** Number of bodies in the code section, or -1 without a code section. */
  int codeCount = -1;

  /** Number of segments in the data section, or -1 without a data section. */
  int dataSectionCount = -1;

  /** The data count section's value, or -1 without one. */
  int dataCount = -1;

  /** The function bodies read so far, checked by {@link CodeBodies} after the sections. */
  final List<Expression> bodies = new ArrayList<>();

  /** Whether a data count section came before the code section. */
  boolean dataCountBeforeCode;

  Decoding(WasmVersion version) {
    this.version = version;
  }
}
