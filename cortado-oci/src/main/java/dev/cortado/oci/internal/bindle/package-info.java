/**
 * Bindles: the invoice's TOML, WAGI's reading of it (routes, assets through groups), parcels copied
 * into the store against their labels, and the bindle server protocol's client side.
 */
package dev.cortado.oci.internal.bindle;
