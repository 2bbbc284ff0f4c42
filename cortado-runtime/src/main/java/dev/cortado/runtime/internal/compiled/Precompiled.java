package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds a module's classes compiled ahead of time ({@code cortado compile -o}, the Maven plugin) on
 * the class path, so that an application runs compiled code without the compiler: the index
 * resource ({@link PrecompiledIndex}) names the entry class, which is loaded by the class loader
 * that holds the resource.
 */
public final class Precompiled {
  private static final System.Logger LOG = LazyLogger.of(Precompiled.class);
  private static final AtomicLong LOADED = new AtomicLong();

  private Precompiled() {}

  /**
   * Returns the precompiled code of the module with SHA-256 {@code sha256}, or empty when the class
   * path has none usable by this runtime.
   */
  public static Optional<CompiledModule> find(String sha256) {
    String name = PrecompiledIndex.resourceName(sha256);
    for (ClassLoader loader : loaders()) {
      URL url = loader.getResource(name);
      if (url == null) {
        continue;
      }
      Optional<PrecompiledIndex> index = read(url);
      if (index.isEmpty()) {
        LOG.log(Level.WARNING, "ignoring unreadable precompiled module index {0}", url);
        continue;
      }
      PrecompiledIndex ix = index.get();
      if (!ix.usableHere()) {
        LOG.log(
            Level.WARNING,
            "ignoring precompiled code at {0}: compiled by Cortado {1} (code contract {2}), this is"
                + " {3} ({4}); recompile it",
            url,
            ix.cortado(),
            ix.abi(),
            CodeVersion.CORTADO,
            CodeVersion.ABI);
        continue;
      }
      Optional<CompiledModule> code = load(loader, ix, url);
      if (code.isPresent()) {
        LOADED.incrementAndGet();
        LOG.log(Level.DEBUG, "module {0}: precompiled code from {1}", sha256, url);
        return code;
      }
    }
    return Optional.empty();
  }

  /** Returns how many modules this JVM has loaded from precompiled classes (for tests). */
  public static long loadedCount() {
    return LOADED.get();
  }

  private static List<ClassLoader> loaders() {
    List<ClassLoader> loaders = new ArrayList<>(2);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    ClassLoader own = Precompiled.class.getClassLoader();
    if (own != null && own != context) {
      loaders.add(own);
    }
    return loaders;
  }

  private static Optional<PrecompiledIndex> read(URL url) {
    try (InputStream in = url.openStream()) {
      return PrecompiledIndex.parse(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<CompiledModule> load(ClassLoader loader, PrecompiledIndex ix, URL url) {
    try {
      Support.exportInternalsTo(loader.getUnnamedModule());
      return Optional.of(CompiledModule.instantiate(loader, ix.entryClass(), ix.compiled()));
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      LOG.log(
          Level.WARNING, "ignoring precompiled code at {0}: its classes do not load: {1}", url, e);
      return Optional.empty();
    }
  }
}
