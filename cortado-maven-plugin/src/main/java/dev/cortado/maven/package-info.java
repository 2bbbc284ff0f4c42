/**
 * The Cortado Maven plugin: {@link dev.cortado.maven.CompileMojo} ({@code cortado:compile})
 * compiles WebAssembly modules to JVM classes in a user's build, for the project's jar.
 */
package dev.cortado.maven;
