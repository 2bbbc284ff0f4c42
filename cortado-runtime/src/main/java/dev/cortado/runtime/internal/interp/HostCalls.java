package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.HostFunctionInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.wasm.ValType;
import java.util.List;

/** Calls from WebAssembly code to functions the host provides. */
final class HostCalls {
  private HostCalls() {}

  /**
   * Calls {@code host} with its arguments in slots from {@code argBase}, and leaves its results
   * there. The host writes results above {@link Machine#top}, where calls back into WebAssembly
   * would also go, so they move down afterwards.
   */
  static void call(Machine m, ModuleInstance caller, HostFunctionInstance host, int argBase) {
    List<ValType> results = host.type().results();
    int resultBase = m.top;
    m.ensureSlots(resultBase + results.size());
    m.top = resultBase + results.size();
    try {
      host.body.call(caller, m, argBase, resultBase);
    } finally {
      m.top = resultBase;
    }
    for (int i = 0; i < results.size(); i++) {
      int from = resultBase + i;
      int to = argBase + i;
      switch (Lowering.kind(results.get(i))) {
        case Lowering.VEC -> {
          m.lo[to] = m.lo[from];
          m.hi[to] = m.hi[from];
        }
        case Lowering.REF -> {
          m.refs[to] = m.refs[from];
          m.refs[from] = null;
        }
        default -> m.lo[to] = m.lo[from];
      }
    }
  }
}
