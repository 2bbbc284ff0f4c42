/**
 * How {@code cortado-runc} works: one class per runc subcommand, the bundle's {@code config.json}
 * ({@code BundleConfig}), the decision Wasm or not ({@code WasmEntrypoint}), the container's saved
 * state ({@code ContainerState}), the init process that runs the guest ({@code InitProcess}),
 * cgroups, signals, the log file the shim reads, and delegation to the real runc.
 */
package dev.cortado.container.internal;
