/** Cortado's embedding API: engines, modules, stores, linkers, instances and their exports. */
package dev.cortado.runtime;
