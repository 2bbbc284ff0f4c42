/**
 * The implementation of WASI preview1: one class per function group ({@code ArgsEnvFunctions},
 * {@code ClockFunctions}, {@code RandomFunctions}, {@code FdFunctions}, {@code PathFunctions},
 * {@code PollFunctions}, {@code ProcFunctions}, {@code SockFunctions}), the descriptor table and
 * descriptor kinds, the sandbox that keeps paths inside preopened directories, and the ABI's
 * constants and layouts. Not exported.
 */
package dev.cortado.wasi.internal;
