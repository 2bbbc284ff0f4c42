/**
 * The {@code cortado} command: one class per subcommand, plus the shared pieces (loading modules
 * from files, reporting errors the way a person can act on them).
 */
package dev.cortado.cli;
