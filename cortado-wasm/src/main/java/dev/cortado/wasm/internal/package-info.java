/**
 * Internals of the front end shared between its packages and with other Cortado modules, never part
 * of the public API.
 */
package dev.cortado.wasm.internal;
