package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.wasm.WasmModule;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the Java frames of compiled functions back to WebAssembly frames. Generated classes of one
 * module share a package (their class-name prefix); methods are named {@code f<defined index>}; the
 * line number of each instruction that can trap or call is its offset in the function body plus one
 * (0 and values beyond the table's 65,535 mean unknown).
 */
public final class CompiledFrames {
  /** The class loader name of generated classes, which tells their frames apart. */
  public static final String LOADER_NAME = "cortado-module";

  private static final String INVOKE_CLASS = "dev.cortado.runtime.internal.interp.Interpreter";
  private static final ConcurrentHashMap<String, WeakReference<WasmModule>> MODULES =
      new ConcurrentHashMap<>();

  private CompiledFrames() {}

  /** Records that classes named {@code packageName.*} hold compiled code of {@code module}. */
  public static void register(String packageName, WasmModule module) {
    MODULES.values().removeIf(r -> r.get() == null);
    MODULES.put(packageName, new WeakReference<>(module));
  }

  /**
   * Returns the WebAssembly frames of compiled code in {@code trace} (innermost first) between the
   * {@code skip}-th and the next entry into WebAssembly ({@code Interpreter.invoke}): the frames of
   * one level of host-to-WebAssembly nesting.
   */
  public static List<WasmStackFrame> of(StackTraceElement[] trace, int skip) {
    List<WasmStackFrame> frames = new ArrayList<>();
    int boundaries = 0;
    for (StackTraceElement e : trace) {
      if (e.getClassName().equals(INVOKE_CLASS) && e.getMethodName().equals("invoke")) {
        if (boundaries++ == skip) {
          break;
        }
        continue;
      }
      if (boundaries == skip && LOADER_NAME.equals(e.getClassLoaderName())) {
        WasmStackFrame f = frame(e);
        if (f != null) {
          frames.add(f);
        }
      }
    }
    return frames;
  }

  private static WasmStackFrame frame(StackTraceElement e) {
    String cls = e.getClassName();
    int dot = cls.lastIndexOf('.');
    WeakReference<WasmModule> ref = dot < 0 ? null : MODULES.get(cls.substring(0, dot));
    WasmModule module = ref == null ? null : ref.get();
    String method = e.getMethodName();
    if (module == null || !method.startsWith("f")) {
      return null;
    }
    int defined;
    try {
      defined = Integer.parseInt(method.substring(1));
    } catch (NumberFormatException notAFunction) {
      return null;
    }
    int index = module.importedFunctionCount() + defined;
    int line = e.getLineNumber();
    long offset =
        line > 0 && line < 65535
            ? module.functions().get(defined).body().sourceOffset() + line - 1
            : -1;
    return new WasmStackFrame(
        module.names().moduleName().orElse(""),
        index,
        module.names().functionName(index).orElse(""),
        offset);
  }
}
