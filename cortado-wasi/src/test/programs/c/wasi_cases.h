// Helpers shared by the test programs that print one "name result" line per case.
#ifndef WASI_CASES_H
#define WASI_CASES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
#define ALL_RIGHTS (~(__wasi_rights_t)0)
// Every right but writing, which a directory cannot be opened with (ISDIR).
#define DIR_RIGHTS (ALL_RIGHTS & ~(__wasi_rights_t)__WASI_RIGHTS_FD_WRITE)

// path_open with an explicit path length, to pass a NUL inside the path.
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open"))) int32_t
raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
              int64_t base, int64_t inheriting, int32_t fdflags, int32_t result);

static inline void report(const char *name, long long value) { printf("%s %lld\n", name, value); }

// Returns the descriptor of the preopen named `want`; exits if there is none.
static inline __wasi_fd_t preopen(const char *want) {
  for (__wasi_fd_t fd = 3; fd < 64; fd++) {
    __wasi_prestat_t ps;
    char name[256];
    if (__wasi_fd_prestat_get(fd, &ps) != 0) break;
    size_t len = ps.u.dir.pr_name_len;
    if (len < sizeof name && __wasi_fd_prestat_dir_name(fd, (uint8_t *)name, len) == 0) {
      name[len] = 0;
      if (!strcmp(name, want)) return fd;
    }
  }
  printf("no preopen %s\n", want);
  exit(2);
}

#endif
