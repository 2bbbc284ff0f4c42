package dev.cortado.component.internal.wasi;

import java.nio.file.Path;

/**
 * What a {@code descriptor} resource for a preopened directory stands for.
 *
 * @param hostPath the host directory
 * @param guestPath the name the program sees
 * @param readOnly whether the program may only read
 */
record Directory(Path hostPath, String guestPath, boolean readOnly) {}
