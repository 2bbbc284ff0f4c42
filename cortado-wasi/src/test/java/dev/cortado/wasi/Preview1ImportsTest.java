package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every function of wasi_snapshot_preview1 is defined, with the signature the witx gives it. */
class Preview1ImportsTest {
  /** Name to signature: parameter types, then {@code ->} and the result (errno) if any. */
  private static final Map<String, String> FUNCTIONS = new TreeMap<>();

  /** Every function but proc_exit: its name, a space, its parameter types. */
  static final String[] TABLE = {
    "args_get ii",
    "args_sizes_get ii",
    "environ_get ii",
    "environ_sizes_get ii",
    "clock_res_get ii",
    "clock_time_get ili",
    "fd_advise illi",
    "fd_allocate ill",
    "fd_close i",
    "fd_datasync i",
    "fd_fdstat_get ii",
    "fd_fdstat_set_flags ii",
    "fd_fdstat_set_rights ill",
    "fd_filestat_get ii",
    "fd_filestat_set_size il",
    "fd_filestat_set_times illi",
    "fd_pread iiili",
    "fd_prestat_get ii",
    "fd_prestat_dir_name iii",
    "fd_pwrite iiili",
    "fd_read iiii",
    "fd_readdir iiili",
    "fd_renumber ii",
    "fd_seek ilii",
    "fd_sync i",
    "fd_tell ii",
    "fd_write iiii",
    "path_create_directory iii",
    "path_filestat_get iiiii",
    "path_filestat_set_times iiiilli",
    "path_link iiiiiii",
    "path_open iiiiillii",
    "path_readlink iiiiii",
    "path_remove_directory iii",
    "path_rename iiiiii",
    "path_symlink iiiii",
    "path_unlink_file iii",
    "poll_oneoff iiii",
    "proc_raise i",
    "sched_yield ",
    "random_get ii",
    "sock_accept iii",
    "sock_recv iiiiii",
    "sock_send iiiii",
    "sock_shutdown ii",
  };

  static {
    for (String entry : TABLE) {
      String[] parts = entry.split(" ", -1);
      FUNCTIONS.put(parts[0], parts[1]);
    }
  }

  @Test
  void allFortySixFunctionsLinkWithTheirWitxSignatures() {
    StringBuilder wat = new StringBuilder("(module\n");
    FUNCTIONS.forEach(
        (name, params) -> {
          wat.append("  (import \"wasi_snapshot_preview1\" \"").append(name).append("\" (func");
          for (char c : params.toCharArray()) {
            wat.append(c == 'l' ? " (param i64)" : " (param i32)");
          }
          wat.append(" (result i32)))\n");
        });
    wat.append("  (import \"wasi_snapshot_preview1\" \"proc_exit\" (func (param i32)))\n");
    wat.append("  (memory (export \"memory\") 1))\n");
    Engine engine = Engine.create();
    Linker linker = Linker.create();
    try (WasiPreview1 wasi = WasiPreview1.create(WasiConfig.defaults())) {
      wasi.addTo(linker);
      Module m = Module.compileText(engine, wat.toString());
      linker.instantiate(Store.create(engine), m);
      assertEquals(46, m.imports().size());
    }
  }
}
