/**
 * Suborbital bundles: the zip read into memory against hostile archives (links, unsafe names,
 * bombs) and the Directive's YAML.
 */
package dev.cortado.oci.internal.suborbital;
