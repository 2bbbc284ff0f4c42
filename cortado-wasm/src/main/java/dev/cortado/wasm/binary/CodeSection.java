package dev.cortado.wasm.binary;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;
import java.util.ArrayList;
import java.util.List;

/** The code section (id 10): locals and body of each function in the function section. */
final class CodeSection {
  /**
   * The most locals (beyond parameters) a function may declare. The spec allows 2^32-1; like
   * wasmtime and V8 we stop far lower, so a hostile module cannot make us allocate gigabytes.
   */
  static final int MAX_LOCALS = 50_000;

  private CodeSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    d.codeCount = n;
    if (n != d.functionTypes.length) {
      throw in.error(
          "function and code section have inconsistent lengths ("
              + d.functionTypes.length
              + " functions, "
              + n
              + " bodies)");
    }
    d.dataCountBeforeCode = d.dataCount >= 0;
    int sectionLimit = in.limit();
    for (int i = 0; i < n; i++) {
      int sizeAt = in.position();
      int size = in.u32();
      if (size < 0 || size > in.remaining()) {
        throw in.error("unexpected end of section or function: body size out of bounds", sizeAt);
      }
      int bodyEnd = in.position() + size;
      in.limit(bodyEnd);
      List<ValType> locals = locals(in);
      // Its instructions are checked with all the others once every section has been read.
      Expression body = CodeScanner.expression(in, in.position(), bodyEnd);
      d.bodies.add(body);
      in.position(bodyEnd);
      in.limit(sectionLimit);
      d.module.addFunction(new Function(d.functionTypes[i], locals, body));
    }
  }

  private static List<ValType> locals(ByteReader in) {
    int groups = in.count();
    List<ValType> locals = new ArrayList<>();
    long total = 0;
    for (int g = 0; g < groups; g++) {
      int at = in.position();
      long count = in.u32() & 0xFFFFFFFFL;
      total += count;
      if (total > MAX_LOCALS) {
        throw in.error(
            "too many locals: "
                + (total > 0xFFFFFFFFL ? "more than 2^32-1" : total)
                + " (this implementation allows "
                + MAX_LOCALS
                + ")",
            at);
      }
      ValType t = in.valType();
      for (long k = 0; k < count; k++) {
        locals.add(t);
      }
    }
    return locals;
  }

  static boolean isEmpty(WasmModule m) {
    return m.functions().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.functions().size());
    ByteWriter body = new ByteWriter(256);
    for (Function f : m.functions()) {
      body.reset();
      List<ValType> locals = f.locals();
      int groups = 0;
      for (int i = 0; i < locals.size(); i++) {
        if (i == 0 || !locals.get(i).equals(locals.get(i - 1))) {
          groups++;
        }
      }
      body.u32(groups);
      for (int i = 0; i < locals.size(); ) {
        int j = i;
        while (j < locals.size() && locals.get(j).equals(locals.get(i))) {
          j++;
        }
        body.u32(j - i).valType(locals.get(i));
        i = j;
      }
      body.bytes(f.body().code());
      out.u32(body.size()).bytes(body);
    }
  }
}
