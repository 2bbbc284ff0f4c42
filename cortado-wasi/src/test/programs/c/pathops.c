// The errno semantics of the path_* functions and of file and directory descriptors, case by case,
// with the raw WASI calls in an empty preopen "/work". Most cases follow wasmtime's preview1 test
// programs. Prints one line per case: its name and what it gave (an errno, or a value); the
// expected values are in PathOpsTest.
#include "wasi_cases.h"

#define RW (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE)

static __wasi_fd_t w;

// Opens and returns the descriptor, or reports the errno and returns -1; reports 0 on success
// when `name` is given.
static int opened(const char *name, __wasi_fd_t dir, __wasi_lookupflags_t lf, const char *path,
                  __wasi_oflags_t of, __wasi_rights_t base, __wasi_rights_t inheriting) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(dir, lf, path, of, base, inheriting, 0, &fd);
  if (name) report(name, e);
  return e == 0 ? (int)fd : -1;
}

static void open_close(const char *name, __wasi_fd_t dir, __wasi_lookupflags_t lf,
                       const char *path, __wasi_oflags_t of, __wasi_rights_t base) {
  int fd = opened(name, dir, lf, path, of, base, base);
  if (fd >= 0) (void)__wasi_fd_close(fd);
}

static void create(const char *path) {
  open_close(NULL, w, 0, path, __WASI_OFLAGS_CREAT, RW);
}

static __wasi_filestat_t stat_of(const char *path) {
  __wasi_filestat_t st;
  memset(&st, 0, sizeof st);
  (void)__wasi_path_filestat_get(w, 0, path, &st);
  return st;
}

static void nofollow(void) {
  (void)__wasi_path_create_directory(w, "target");
  (void)__wasi_path_symlink("target", w, "symlink");
  open_close("nofollow_dir_link_as_dir", w, 0, "symlink", __WASI_OFLAGS_DIRECTORY, 0);
  open_close("nofollow_dir_link", w, 0, "symlink", 0, 0);
  open_close("follow_dir_link_as_dir", w, FOLLOW, "symlink", __WASI_OFLAGS_DIRECTORY, 0);
  (void)__wasi_path_unlink_file(w, "symlink");
  (void)__wasi_path_remove_directory(w, "target");
  create("target");
  (void)__wasi_path_symlink("target", w, "symlink");
  open_close("nofollow_file_link_as_dir", w, 0, "symlink", __WASI_OFLAGS_DIRECTORY, 0);
  open_close("nofollow_file_link", w, 0, "symlink", 0, 0);
  open_close("follow_file_link_as_dir", w, FOLLOW, "symlink", __WASI_OFLAGS_DIRECTORY, 0);
  open_close("follow_file_link", w, FOLLOW, "symlink", 0, __WASI_RIGHTS_FD_READ);
  (void)__wasi_path_unlink_file(w, "symlink");
  (void)__wasi_path_unlink_file(w, "target");

  (void)__wasi_path_symlink("nowhere", w, "dangling");
  open_close("dangling_nofollow_as_dir", w, 0, "dangling", __WASI_OFLAGS_DIRECTORY, 0);
  open_close("dangling_nofollow", w, 0, "dangling", 0, 0);
  open_close("dangling_follow", w, FOLLOW, "dangling", 0, 0);
  (void)__wasi_path_unlink_file(w, "dangling");
  (void)__wasi_path_symlink("self", w, "self");
  open_close("self_link", w, FOLLOW, "self", 0, 0);
  (void)__wasi_path_unlink_file(w, "self");
}

static void links(void) {
  create("file");
  report("link", __wasi_path_link(w, 0, "file", w, "link"));
  __wasi_filestat_t a = stat_of("file"), b = stat_of("link");
  report("link_same_inode", a.ino == b.ino && a.dev == b.dev && a.nlink == 2 && b.nlink == 2);
  report("link_existing", __wasi_path_link(w, 0, "file", w, "link"));
  report("link_itself", __wasi_path_link(w, 0, "file", w, "file"));
  (void)__wasi_path_unlink_file(w, "link");
  (void)__wasi_path_create_directory(w, "link");
  report("link_onto_dir", __wasi_path_link(w, 0, "file", w, "link"));
  (void)__wasi_path_remove_directory(w, "link");
  (void)__wasi_path_create_directory(w, "subdir");
  report("link_dir", __wasi_path_link(w, 0, "subdir", w, "link"));
  (void)__wasi_path_remove_directory(w, "subdir");
  report("link_trailing_slash", __wasi_path_link(w, 0, "file", w, "link/"));
  (void)__wasi_path_symlink("target", w, "symlink");
  report("link_dangling_symlink", __wasi_path_link(w, 0, "symlink", w, "link"));
  (void)__wasi_path_unlink_file(w, "link");
  report("link_onto_dangling_symlink", __wasi_path_link(w, 0, "file", w, "symlink"));
  report("link_follow", __wasi_path_link(w, FOLLOW, "symlink", w, "link"));
  (void)__wasi_path_unlink_file(w, "symlink");
  (void)__wasi_path_unlink_file(w, "file");
}

static void renames(void) {
  (void)__wasi_path_create_directory(w, "source");
  report("rename_dir", __wasi_path_rename(w, "source", w, "target"));
  open_close("rename_dir_source_gone", w, 0, "source", __WASI_OFLAGS_DIRECTORY, 0);
  (void)__wasi_path_create_directory(w, "source");
  report("rename_dir_onto_empty_dir", __wasi_path_rename(w, "source", w, "target"));
  (void)__wasi_path_create_directory(w, "source");
  create("target/file");
  report("rename_dir_onto_nonempty_dir", __wasi_path_rename(w, "source", w, "target"));
  report("rename_dir_onto_file", __wasi_path_rename(w, "source", w, "target/file"));
  report("rename_dir_slash", __wasi_path_rename(w, "source/", w, "moved"));
  report("rename_dir_to_slash", __wasi_path_rename(w, "moved", w, "source/"));
  report("rename_dir_slashes", __wasi_path_rename(w, "source/", w, "moved/"));
  (void)__wasi_path_unlink_file(w, "target/file");
  (void)__wasi_path_remove_directory(w, "target");
  (void)__wasi_path_remove_directory(w, "moved");
  create("source");
  report("rename_file", __wasi_path_rename(w, "source", w, "target"));
  create("source");
  report("rename_file_onto_file", __wasi_path_rename(w, "source", w, "target"));
  create("source");
  (void)__wasi_path_create_directory(w, "dir");
  report("rename_file_onto_dir", __wasi_path_rename(w, "source", w, "dir"));
  report("rename_file_slash", __wasi_path_rename(w, "source/", w, "other"));
  report("rename_file_to_slash", __wasi_path_rename(w, "source", w, "other/"));
  report("rename_into_itself", __wasi_path_rename(w, "dir", w, "dir/inner"));
  report("rename_dot", __wasi_path_rename(w, ".", w, "x"));
  report("rename_missing", __wasi_path_rename(w, "missing", w, "x"));
  (void)__wasi_path_remove_directory(w, "dir");
  (void)__wasi_path_unlink_file(w, "source");
  (void)__wasi_path_unlink_file(w, "target");
}

static void symlinks_and_removal(void) {
  uint8_t buf[10];
  __wasi_size_t n = 0;
  create("target");
  (void)__wasi_path_symlink("target", w, "symlink");
  memset(buf, 0, sizeof buf);
  report("readlink", __wasi_path_readlink(w, "symlink", buf, 10, &n));
  report("readlink_length", n == 6 && !memcmp(buf, "target\0\0\0\0", 10));
  report("readlink_short", __wasi_path_readlink(w, "symlink", buf, 4, &n));
  report("readlink_short_length", n == 4 && !memcmp(buf, "targ", 4));
  report("readlink_file", __wasi_path_readlink(w, "target", buf, 10, &n));
  report("readlink_missing", __wasi_path_readlink(w, "missing", buf, 10, &n));
  (void)__wasi_path_unlink_file(w, "symlink");
  (void)__wasi_path_unlink_file(w, "target");

  report("symlink_slash_missing", __wasi_path_symlink("source", w, "target/"));
  (void)__wasi_path_create_directory(w, "target");
  report("symlink_slash_dir", __wasi_path_symlink("source", w, "target/"));
  report("symlink_onto_dir", __wasi_path_symlink("source", w, "target"));
  (void)__wasi_path_remove_directory(w, "target");
  create("target");
  report("symlink_slash_file", __wasi_path_symlink("source", w, "target/"));
  report("symlink_onto_file", __wasi_path_symlink("source", w, "target"));
  report("symlink_empty_text", __wasi_path_symlink("", w, "empty"));

  (void)__wasi_path_create_directory(w, "dir");
  report("unlink_dir", __wasi_path_unlink_file(w, "dir"));
  report("unlink_dir_slash", __wasi_path_unlink_file(w, "dir/"));
  report("unlink_file_slash", __wasi_path_unlink_file(w, "target/"));
  report("unlink_missing", __wasi_path_unlink_file(w, "missing"));
  report("rmdir_file", __wasi_path_remove_directory(w, "target"));
  report("rmdir_file_slash", __wasi_path_remove_directory(w, "target/"));
  create("dir/inner");
  report("rmdir_nonempty", __wasi_path_remove_directory(w, "dir"));
  (void)__wasi_path_unlink_file(w, "dir/inner");
  report("rmdir_dir_slash", __wasi_path_remove_directory(w, "dir/"));
  report("unlink_file", __wasi_path_unlink_file(w, "target"));
  report("mkdir_dot", __wasi_path_create_directory(w, "."));
  report("mkdir_slash", __wasi_path_create_directory(w, "made/"));
  report("mkdir_missing_parent", __wasi_path_create_directory(w, "missing/made"));
  (void)__wasi_path_remove_directory(w, "made");
}

static void directory_descriptors(void) {
  __wasi_fdstat_t st;
  (void)__wasi_fd_fdstat_get(w, &st);
  __wasi_rights_t base_needed =
      __WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_CREATE_FILE |
      __WASI_RIGHTS_PATH_LINK_SOURCE | __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_PATH_OPEN |
      __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_READLINK | __WASI_RIGHTS_PATH_RENAME_SOURCE |
      __WASI_RIGHTS_PATH_RENAME_TARGET | __WASI_RIGHTS_PATH_SYMLINK |
      __WASI_RIGHTS_PATH_REMOVE_DIRECTORY | __WASI_RIGHTS_PATH_UNLINK_FILE |
      __WASI_RIGHTS_PATH_FILESTAT_GET | __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES |
      __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES;
  __wasi_rights_t inheriting_needed =
      base_needed | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK |
      __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_TELL |
      __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE |
      __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE |
      __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | __WASI_RIGHTS_POLL_FD_READWRITE;
  report("preopen_base_rights", (st.fs_rights_base & base_needed) == base_needed);
  report("preopen_inheriting_rights",
         (st.fs_rights_inheriting & inheriting_needed) == inheriting_needed);
  report("preopen_type", st.fs_filetype);
  open_close("open_dot_same_rights", w, 0, ".", 0, st.fs_rights_base);
  open_close("open_dot_no_rights", w, 0, ".", 0, 0);
  open_close("open_dot_as_dir", w, 0, ".", __WASI_OFLAGS_DIRECTORY, 0);
  open_close("open_dot_as_dir_read", w, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ);
  open_close("open_dot_as_dir_read_write", w, 0, ".", __WASI_OFLAGS_DIRECTORY, RW);
  open_close("open_dir_creat", w, 0, ".", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT, 0);

  uint8_t buf[16];
  __wasi_iovec_t iov = {buf, sizeof buf};
  __wasi_ciovec_t ciov = {buf, sizeof buf};
  __wasi_size_t n;
  __wasi_filesize_t pos;
  int d = opened(NULL, w, 0, ".", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, ALL_RIGHTS);
  (void)__wasi_fd_fdstat_get(d, &st);
  report("dir_has_no_read_right", (st.fs_rights_base & __WASI_RIGHTS_FD_READ) == 0);
  report("dir_read", __wasi_fd_read(d, &iov, 1, &n));
  report("dir_write", __wasi_fd_write(d, &ciov, 1, &n));
  report("dir_seek", __wasi_fd_seek(d, 0, __WASI_WHENCE_SET, &pos));
  report("dir_tell", __wasi_fd_tell(d, &pos));
  report("dir_set_size", __wasi_fd_filestat_set_size(d, 0));
  report("dir_allocate", __wasi_fd_allocate(d, 0, 1));
  report("dir_set_flags", __wasi_fd_fdstat_set_flags(d, __WASI_FDFLAGS_NONBLOCK));
  report("dir_sync", __wasi_fd_sync(d));
  __wasi_filestat_t fs;
  report("dir_filestat", __wasi_fd_filestat_get(d, &fs) == 0 ? fs.filetype : -1);
  report("dir_set_times", __wasi_fd_filestat_set_times(d, 5000000000ull, 6000000000ull,
                                                        __WASI_FSTFLAGS_ATIM |
                                                            __WASI_FSTFLAGS_MTIM));
  report("dir_times", __wasi_fd_filestat_get(d, &fs) == 0 && fs.atim == 5000000000ull &&
                          fs.mtim == 6000000000ull);
  (void)__wasi_fd_close(d);

  int f = opened(NULL, w, 0, "file", __WASI_OFLAGS_CREAT, RW, 0);
  open_close("open_under_file", f, 0, "foo", __WASI_OFLAGS_CREAT, 0);
  report("mkdir_under_file", __wasi_path_create_directory(f, "foo"));
  report("stat_under_stdout", __wasi_path_filestat_get(1, 0, "foo", &fs));
  report("file_readdir", __wasi_fd_readdir(f, buf, sizeof buf, 0, &n));
  (void)__wasi_fd_close(f);

  // Narrowed rights are what the directory gives on.
  d = opened(NULL, w, 0, ".", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, ALL_RIGHTS);
  (void)__wasi_fd_fdstat_get(d, &st);
  report("grow_rights", __wasi_fd_fdstat_set_rights(d, ALL_RIGHTS, ALL_RIGHTS));
  report("narrow_rights",
         __wasi_fd_fdstat_set_rights(d, st.fs_rights_base & ~__WASI_RIGHTS_PATH_CREATE_FILE,
                                     st.fs_rights_inheriting & ~__WASI_RIGHTS_FD_WRITE));
  open_close("narrowed_create", d, 0, "new", __WASI_OFLAGS_CREAT, RW);
  f = opened("narrowed_open", d, 0, "file", 0, RW, 0);
  (void)__wasi_fd_fdstat_get(f, &st);
  report("narrowed_write_right", (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0);
  report("narrowed_write", __wasi_fd_write(f, &ciov, 1, &n));
  (void)__wasi_fd_close(f);
  report("narrowed_no_open", __wasi_fd_fdstat_set_rights(d, 0, 0));
  open_close("narrowed_open_without_right", d, 0, "file", 0, RW);
  (void)__wasi_fd_close(d);
  (void)__wasi_path_unlink_file(w, "file");
}

static void opens(void) {
  (void)__wasi_path_create_directory(w, "dir");
  (void)__wasi_path_create_directory(w, "dir/nested");
  create("dir/nested/file");
  open_close("absolute", w, 0, "/dir/nested/file", 0, 0);
  open_close("dots", w, 0, "dir/.//nested/../../dir/nested/../nested///./file", 0, 0);
  int32_t fd;
  static const char nul_path[] = "dir/nested/file\0";
  report("trailing_nul", raw_path_open(w, 0, (int32_t)nul_path, sizeof nul_path - 1, 0, 0, 0, 0,
                                       (int32_t)&fd));
  open_close("file_slash", w, 0, "dir/nested/file/", 0, 0);
  open_close("file_slashes", w, 0, "dir/nested/file///", 0, 0);
  open_close("dir_slash", w, 0, "dir/nested/", 0, 0);
  open_close("dir_slashes", w, 0, "dir/nested///", 0, 0);
  open_close("too_many_dotdots", w, 0, "dir/nested/../../../work/dir/nested/file", 0, 0);
  open_close("missing", w, 0, "dir/missing", 0, 0);
  open_close("missing_parent", w, 0, "missing/file", __WASI_OFLAGS_CREAT, RW);
  open_close("create_slash", w, 0, "new/", __WASI_OFLAGS_CREAT, RW);
  open_close("create_exclusive", w, 0, "new", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, RW);
  open_close("create_exclusive_again", w, 0, "new", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, RW);
  open_close("create_existing", w, 0, "new", __WASI_OFLAGS_CREAT, RW);
  open_close("dir_for_writing", w, 0, "dir", 0, RW);
  open_close("dir_truncate", w, 0, "dir", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ);
  open_close("bad_oflags", w, 0, "new", 16, 0);
  open_close("bad_lookupflags", w, 2, "new", 0, 0);
  __wasi_fd_t f;
  report("bad_fdflags", __wasi_path_open(w, 0, "new", 0, RW, 0, 32, &f));

  // A write-only and a read-only view of one file; then truncation on open.
  uint8_t buf[64];
  __wasi_iovec_t iov = {buf, sizeof buf};
  __wasi_ciovec_t ciov = {(const uint8_t *)"0123456789", 10};
  __wasi_size_t n = 0;
  int wo = opened(NULL, w, 0, "new", 0, __WASI_RIGHTS_FD_WRITE, 0);
  int ro = opened(NULL, w, 0, "new", 0, __WASI_RIGHTS_FD_READ, 0);
  report("write_only_write", __wasi_fd_write(wo, &ciov, 1, &n) == 0 ? (long long)n : -1);
  report("write_only_read", __wasi_fd_read(wo, &iov, 1, &n));
  report("read_only_read", __wasi_fd_read(ro, &iov, 1, &n) == 0 ? (long long)n : -1);
  report("read_only_write", __wasi_fd_write(ro, &ciov, 1, &n));
  (void)__wasi_fd_close(wo);
  (void)__wasi_fd_close(ro);
  int t = opened("truncate", w, 0, "new", __WASI_OFLAGS_TRUNC, ALL_RIGHTS, 0);
  __wasi_filestat_t fs;
  report("truncated_size", __wasi_fd_filestat_get(t, &fs) == 0 ? (long long)fs.size : -1);
  report("allocate_zero", __wasi_fd_allocate(t, 0, 0));
  report("allocate", __wasi_fd_allocate(t, 0, 100));
  report("allocated_size", __wasi_fd_filestat_get(t, &fs) == 0 ? (long long)fs.size : -1);
  __wasi_filesize_t pos;
  report("seek_past_end", __wasi_fd_seek(t, 50, __WASI_WHENCE_END, &pos) == 0 ? (long long)pos
                                                                             : -1);
  report("seek_negative", __wasi_fd_seek(t, -1000, __WASI_WHENCE_CUR, &pos));
  report("seek_bad_whence", __wasi_fd_seek(t, 0, 3, &pos));
  report("set_times_both", __wasi_fd_filestat_set_times(t, 1, 1, __WASI_FSTFLAGS_ATIM |
                                                                     __WASI_FSTFLAGS_ATIM_NOW));
  report("advise", __wasi_fd_advise(t, 0, 10, __WASI_ADVICE_WILLNEED));
  report("set_flags_sync", __wasi_fd_fdstat_set_flags(t, __WASI_FDFLAGS_SYNC |
                                                             __WASI_FDFLAGS_NONBLOCK));
  report("sync_write", __wasi_fd_write(t, &ciov, 1, &n));
  (void)__wasi_fd_close(t);
  report("stat_dot", stat_of(".").filetype);
  report("stat_file_size", stat_of("new").size);
  report("stat_missing", __wasi_path_filestat_get(w, 0, "missing", &fs));
  report("stat_file_slash", __wasi_path_filestat_get(w, 0, "new/", &fs));
  report("set_times_missing", __wasi_path_filestat_set_times(w, 0, "missing", 0, 0,
                                                             __WASI_FSTFLAGS_MTIM_NOW));
  (void)__wasi_path_unlink_file(w, "new");
  (void)__wasi_path_unlink_file(w, "dir/nested/file");
  (void)__wasi_path_remove_directory(w, "dir/nested");
  (void)__wasi_path_remove_directory(w, "dir");
}

int main(void) {
  w = preopen("/work");
  nofollow();
  links();
  renames();
  symlinks_and_removal();
  directory_descriptors();
  opens();
  return 0;
}
