package dev.cortado.compiler.internal;

import java.util.Map;

/**
 * Holds one compiled module's classes. A loader per module lets the JVM unload a module's code once
 * nothing refers to it, and lets its classes refer to each other by name. Its own classes come
 * first: names derive from the module's digest, so a parent may hold the same names (precompiled
 * classes of another Cortado version on the class path), which must not be mixed in.
 */
final class ModuleClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  ModuleClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("cortado-module", parent);
    this.classes = classes;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!classes.containsKey(name.replace('.', '/'))) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = findClass(name);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = classes.get(name.replace('.', '/'));
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }
}
