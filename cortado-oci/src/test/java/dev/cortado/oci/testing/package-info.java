/**
 * Test fixtures other modules' tests use too: the real distribution registry started on a loopback
 * port ({@link dev.cortado.oci.testing.RealRegistry}) and a token server for its token
 * authentication ({@link dev.cortado.oci.testing.TokenServer}); an npm registry double ({@link
 * dev.cortado.oci.testing.NpmRegistryDouble}) and the package tarballs it serves ({@link
 * dev.cortado.oci.testing.TarGz}, wapm tarballs too); Wasmer {@code .webc} files, versions 2 and 3,
 * hostile ones too ({@link dev.cortado.oci.testing.WebcWriter}); bindles ({@link
 * dev.cortado.oci.testing.BindleWriter}) and a bindle server double ({@link
 * dev.cortado.oci.testing.BindleServerDouble}); zips, with link entries too ({@link
 * dev.cortado.oci.testing.ZipWriter}).
 */
package dev.cortado.oci.testing;
