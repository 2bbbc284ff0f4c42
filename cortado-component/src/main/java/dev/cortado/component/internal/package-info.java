/** The component decoder's internals: the byte reader and the section and type decoders. */
package dev.cortado.component.internal;
