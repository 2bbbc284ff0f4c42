/**
 * Test fixtures other modules' tests use too: the real distribution registry started on a loopback
 * port ({@link dev.cortado.oci.testing.RealRegistry}) and a token server for its token
 * authentication ({@link dev.cortado.oci.testing.TokenServer}).
 */
package dev.cortado.oci.testing;
