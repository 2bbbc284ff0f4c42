/** placeholder */
package dev.cortado.wasm.text;
