package dev.cortado.wasm.text;

import dev.cortado.wasm.WasmVersion;

/**
 * What a module's fields and code refer to: every index space of the module, and whether code uses
 * a data segment index (then the binary needs a data count section).
 */
final class ModuleContext {
  final WasmVersion version;
  final TypeTable types = new TypeTable();
  final IdSpace funcs = new IdSpace("func");
  final IdSpace tables = new IdSpace("table");
  final IdSpace memories = new IdSpace("memory");
  final IdSpace globals = new IdSpace("global");
  final IdSpace tags = new IdSpace("tag");
  final IdSpace elems = new IdSpace("elem");
  final IdSpace datas = new IdSpace("data");
  boolean codeUsesDataIndex;

  ModuleContext(WasmVersion version) {
    this.version = version;
  }
}
