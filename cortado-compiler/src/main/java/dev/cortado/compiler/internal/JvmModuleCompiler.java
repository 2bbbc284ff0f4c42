package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.runtime.internal.compiled.CompileRequest;
import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.ModuleCompiler;
import dev.cortado.runtime.internal.compiled.Support;
import dev.cortado.wasm.internal.LazyLogger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The compiler service: a validated module to JVM classes, loaded in a class loader of its own.
 * With a cache folder in the request, the classes come from the {@link CodeCache} when it holds
 * them for this module and this build, and go there when they had to be generated.
 */
public final class JvmModuleCompiler implements ModuleCompiler {
  private static final System.Logger LOG = LazyLogger.of(JvmModuleCompiler.class);

  /** Creates the compiler; {@link java.util.ServiceLoader} calls this. */
  public JvmModuleCompiler() {}

  @Override
  public CompiledModule compile(CompileRequest request) {
    if (request.cacheDir().isEmpty()) {
      CacheStats.MISSES.incrementAndGet();
      return define(ModuleClasses.emit(request.module(), request.sha256()));
    }
    CodeCache cache = new CodeCache(request.cacheDir().get());
    CacheKey key = CacheKey.of(request.sha256());
    Optional<ModuleClasses> cached = cache.load(key);
    if (cached.isPresent()) {
      try {
        return define(cached.get());
      } catch (CompilationException e) {
        // Intact but unloadable (a contract change without a version bump): rebuild it.
        CacheStats.REJECTED.incrementAndGet();
        LOG.log(
            Level.WARNING,
            "code cache entry {0} does not load ({1}); rebuilding it",
            cache.entryFile(key),
            e.getMessage());
      }
    }
    CacheStats.MISSES.incrementAndGet();
    ModuleClasses generated = ModuleClasses.emit(request.module(), request.sha256());
    cache.storeQuietly(key, generated);
    return define(generated);
  }

  /** Loads {@code classes} in a class loader of their own and returns the module's code. */
  static CompiledModule define(ModuleClasses classes) {
    ModuleClassLoader loader =
        new ModuleClassLoader(classes.classes(), JvmModuleCompiler.class.getClassLoader());
    Support.exportInternalsTo(loader.getUnnamedModule());
    try {
      return CompiledModule.instantiate(
          loader, classes.entryClass().replace('/', '.'), classes.compiled());
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      throw new CompilationException("the compiled module's classes do not load: " + e, e);
    }
  }
}
