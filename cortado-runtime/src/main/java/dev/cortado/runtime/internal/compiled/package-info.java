/**
 * The seam between the runtime and code compiled to JVM bytecode: the service a compiler provides
 * ({@link dev.cortado.runtime.internal.compiled.ModuleCompiler}), what it produces ({@link
 * dev.cortado.runtime.internal.compiled.CompiledModule}), and the run-time support that generated
 * code calls ({@link dev.cortado.runtime.internal.compiled.Support}), and the lookup of classes
 * compiled ahead of time on the class path ({@link
 * dev.cortado.runtime.internal.compiled.Precompiled}). Exported only to {@code
 * dev.cortado.compiler}, and at run time to the class loaders holding generated classes.
 */
package dev.cortado.runtime.internal.compiled;
