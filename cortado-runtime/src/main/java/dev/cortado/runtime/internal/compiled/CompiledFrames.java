package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.wasm.WasmModule;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the Java frames of compiled functions back to WebAssembly frames. Generated classes of one
 * module share a package (their class-name prefix); a function's method is named {@code f<defined
 * index>}, and the pieces a large function is cut into {@code f<defined index>_<offset>_<id>}; the
 * line number of each instruction that can trap or call is its offset in the function body, less
 * the method's offset, plus one (0 and values beyond the table's 65,535 mean unknown). A piece's
 * frame stands for its function's activation: the frames of the methods that led to it within that
 * activation, down to the function's own method, are not repeated.
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
    // Set while skipping the callers of a piece within its function's activation.
    String pieceOf = null;
    for (StackTraceElement e : trace) {
      if (e.getClassName().equals(INVOKE_CLASS) && e.getMethodName().equals("invoke")) {
        if (boundaries++ == skip) {
          break;
        }
        continue;
      }
      if (boundaries == skip && LOADER_NAME.equals(e.getClassLoaderName())) {
        String method = e.getMethodName();
        int cut = method.indexOf('_');
        String function = cut < 0 ? method : method.substring(0, cut);
        if (pieceOf != null && pieceOf.equals(packageOf(e) + "." + function)) {
          if (cut < 0) {
            pieceOf = null;
          }
          continue;
        }
        pieceOf = cut < 0 ? null : packageOf(e) + "." + function;
        WasmStackFrame f = frame(e);
        if (f != null) {
          frames.add(f);
        }
      }
    }
    return frames;
  }

  private static String packageOf(StackTraceElement e) {
    String cls = e.getClassName();
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? "" : cls.substring(0, dot);
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
    String[] parts = method.substring(1).split("_", -1);
    int defined;
    int base;
    try {
      defined = Integer.parseInt(parts[0]);
      base = parts.length == 3 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException notAFunction) {
      return null;
    }
    if (parts.length != 1 && parts.length != 3 || defined >= module.functions().size()) {
      return null;
    }
    int index = module.importedFunctionCount() + defined;
    int line = e.getLineNumber();
    long offset =
        line > 0 && line < 65535
            ? module.functions().get(defined).body().sourceOffset() + base + line - 1
            : -1;
    return new WasmStackFrame(
        module.names().moduleName().orElse(""),
        index,
        module.names().functionName(index).orElse(""),
        offset);
  }
}
