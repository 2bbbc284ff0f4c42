package dev.cortado.runtime;

/**
 * One frame of a WebAssembly stack trace: which function was running and where.
 *
 * @param moduleName the module's name from its name section, or empty
 * @param functionIndex the function's index in its module
 * @param functionName the function's name from the name section, or empty
 * @param offset the byte offset of the instruction in the module's binary (or in the function body,
 *     for modules not decoded from a binary), or -1 if unknown
 */
public record WasmStackFrame(
    String moduleName, int functionIndex, String functionName, long offset) {
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!moduleName.isEmpty()) {
      b.append(moduleName).append('!');
    }
    b.append(functionName.isEmpty() ? "function[" + functionIndex + "]" : functionName);
    if (offset >= 0) {
      b.append(" @ 0x").append(Long.toHexString(offset));
    }
    return b.toString();
  }
}
