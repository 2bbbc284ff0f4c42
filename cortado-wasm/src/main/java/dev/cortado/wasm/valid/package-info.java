/** placeholder */
package dev.cortado.wasm.valid;
