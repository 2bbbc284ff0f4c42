package dev.cortado.compiler.internal;

/** The version of the code this compiler generates, part of every code cache key. */
final class CompilerVersion {
  /**
   * Bump with every change to the generated classes (an emitter, a naming scheme, {@link
   * ModuleContext#FUNCTIONS_PER_CLASS}), so that caches built by an older compiler are not used.
   */
  static final int CODEGEN = 3;

  /**
   * The options that change generated code, as text in the key. No engine option does yet; one that
   * does is added here (sorted {@code name=value} pairs), so caches of other settings stay apart.
   */
  static final String OPTIONS = "";

  private CompilerVersion() {}
}
