package dev.cortado.oci;

import java.nio.file.Path;

/** Pulls one reference into a store, in a process of its own (for the concurrency test). */
public final class StorePullMain {
  private StorePullMain() {}

  /** Arguments: store folder, reference. Prints the module digest. */
  public static void main(String[] args) {
    Oci oci = Oci.create(RegistryClient.builder().build(), LocalStore.open(Path.of(args[0])));
    StoredImage image = oci.pull(Reference.parse(args[1]), Progress.none());
    System.out.println(image.module());
  }
}
