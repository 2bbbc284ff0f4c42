/** The key-value stores behind {@link dev.cortado.component.WasiKeyValue}: in memory, in a file. */
package dev.cortado.component.internal.keyvalue;
