// Tries every way out of its preopened directories that it knows, with the raw WASI calls (so no
// libc path handling gets in the way), and prints one line per attempt: its name and the errno it
// got (0 for success). Whatever a successful open reaches is read and printed too, so that
// EscapeTest can check nothing from outside ever shows up. EscapeTest builds the hostile tree:
//
//   outside/secret.txt, outside/subdir/        beside the preopen, never to be touched
//   sandbox/  (preopen /sandbox)               inside.txt, victim.txt, d/, and the links
//     abs_link -> <host>/outside/secret.txt    abs_dir -> <host>/outside
//     etc -> /etc    root -> /                 rel_up -> ../outside/secret.txt
//     rel_chain -> d/../../outside             d/up2 -> ../../outside
//     dangling_out -> ../outside/created.txt   loop_a <-> loop_b, self_loop -> self_loop
//   ro/       (preopen /ro, read-only)         ro.txt, sub/
#include "wasi_cases.h"

#define READ_RIGHTS (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_FD_SEEK)
#define WRITE_RIGHTS (READ_RIGHTS | __WASI_RIGHTS_FD_WRITE)

// Prints what an open descriptor shows: a file's first bytes or a directory's names.
static void leak(const char *name, __wasi_fd_t fd) {
  uint8_t buf[512];
  __wasi_fdstat_t st;
  if (__wasi_fd_fdstat_get(fd, &st) != 0) return;
  if (st.fs_filetype == __WASI_FILETYPE_DIRECTORY) {
    __wasi_size_t used = 0;
    if (__wasi_fd_readdir(fd, buf, sizeof buf, 0, &used) != 0) return;
    printf("  %s lists:", name);
    for (size_t at = 0; at + sizeof(__wasi_dirent_t) <= used;) {
      __wasi_dirent_t *d = (__wasi_dirent_t *)(buf + at);
      at += sizeof(__wasi_dirent_t);
      printf(" %.*s", (int)(d->d_namlen <= used - at ? d->d_namlen : used - at), buf + at);
      at += d->d_namlen;
    }
    printf("\n");
  } else {
    __wasi_iovec_t iov = {buf, sizeof buf - 1};
    __wasi_size_t n = 0;
    if (__wasi_fd_read(fd, &iov, 1, &n) == 0) printf("  %s reads: %.*s\n", name, (int)n, buf);
  }
}

static void open_at(const char *name, __wasi_fd_t dir, __wasi_lookupflags_t lf, const char *path,
                    __wasi_oflags_t of, __wasi_rights_t rights) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(dir, lf, path, of, rights, rights, 0, &fd);
  report(name, e);
  if (e == 0) {
    leak(name, fd);
    (void)__wasi_fd_close(fd);
  }
}

static void stat_at(const char *name, __wasi_fd_t dir, __wasi_lookupflags_t lf, const char *path) {
  __wasi_filestat_t st;
  __wasi_errno_t e = __wasi_path_filestat_get(dir, lf, path, &st);
  printf("%s %d", name, e);
  if (e == 0) printf(" size=%llu", (unsigned long long)st.size);
  printf("\n");
}

static void readlink_at(const char *name, __wasi_fd_t dir, const char *path) {
  uint8_t buf[256];
  __wasi_size_t n = 0;
  __wasi_errno_t e = __wasi_path_readlink(dir, path, buf, sizeof buf, &n);
  printf("%s %d", name, e);
  if (e == 0) printf(" text=%.*s", (int)n, buf);
  printf("\n");
}

// Opens that must fail (or, for the last few, must stay inside).
static const struct attempt {
  const char *name;
  __wasi_lookupflags_t lookup;
  const char *path;
  __wasi_oflags_t oflags;
} attempts[] = {
    {"up_file", FOLLOW, "../outside/secret.txt", 0},
    {"up_after_down", FOLLOW, "d/../../outside/secret.txt", 0},
    {"up_only", FOLLOW, "..", 0},
    {"dot_up", FOLLOW, "./..", 0},
    {"deep_up", FOLLOW, "d/../d/../..", 0},
    {"up_trailing_slash", FOLLOW, "../", 0},
    {"absolute_etc", FOLLOW, "/etc/passwd", 0},
    {"absolute_root", FOLLOW, "/", 0},
    {"absolute_inside", FOLLOW, "/inside.txt", 0},
    {"double_slash_root", FOLLOW, "//etc/passwd", 0},
    {"empty", FOLLOW, "", 0},
    {"file_as_dir", FOLLOW, "inside.txt/..", 0},
    {"link_abs_file", FOLLOW, "abs_link", 0},
    {"link_abs_file_nofollow", 0, "abs_link", 0},
    {"link_abs_dir_component", 0, "abs_dir/secret.txt", 0},
    {"link_abs_dir", FOLLOW, "abs_dir", __WASI_OFLAGS_DIRECTORY},
    {"link_abs_dir_slash", 0, "abs_dir/", 0},
    {"link_etc", FOLLOW, "etc/passwd", 0},
    {"link_root", FOLLOW, "root/etc/passwd", 0},
    {"link_rel_up", FOLLOW, "rel_up", 0},
    {"link_rel_chain", FOLLOW, "rel_chain/secret.txt", 0},
    {"link_nested_up", FOLLOW, "d/up2/secret.txt", 0},
    {"link_dir_then_dotdot", FOLLOW, "abs_dir/..", 0},
    {"link_chain_then_dotdot", FOLLOW, "rel_chain/..", 0},
    {"dangling_create", FOLLOW, "dangling_out", __WASI_OFLAGS_CREAT},
    {"dangling_create_nofollow", 0, "dangling_out", __WASI_OFLAGS_CREAT},
    {"dangling_create_excl", FOLLOW, "dangling_out", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL},
    {"dangling_trunc", FOLLOW, "dangling_out", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC},
    {"loop", FOLLOW, "loop_a", 0},
    {"self_loop", FOLLOW, "self_loop", 0},
    {"loop_component", 0, "loop_a/x", 0},
};

static void paths(__wasi_fd_t sb) {
  for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
    const struct attempt *a = &attempts[i];
    int creating = (a->oflags & __WASI_OFLAGS_CREAT) != 0;
    open_at(a->name, sb, a->lookup, a->path, a->oflags, creating ? WRITE_RIGHTS : READ_RIGHTS);
  }
  int32_t fd;
  static const char nul_path[] = "inside.txt\0/../../outside/secret.txt";
  report("nul", raw_path_open(sb, FOLLOW, (int32_t)nul_path, sizeof nul_path - 1, 0,
                              READ_RIGHTS, READ_RIGHTS, 0, (int32_t)&fd));
}

static void links(__wasi_fd_t sb) {
  stat_at("stat_up", sb, FOLLOW, "../outside/secret.txt");
  stat_at("stat_abs_link", sb, FOLLOW, "abs_link");
  stat_at("stat_abs_link_nofollow", sb, 0, "abs_link");
  stat_at("stat_via_link_dir", sb, 0, "abs_dir/secret.txt");
  report("times_abs_link",
         __wasi_path_filestat_set_times(sb, FOLLOW, "abs_link", 0, 0,
                                        __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  report("times_up", __wasi_path_filestat_set_times(sb, 0, "../outside/secret.txt", 0, 0,
                                                    __WASI_FSTFLAGS_MTIM_NOW));
  readlink_at("readlink_via_link_dir", sb, "abs_dir/x");
  readlink_at("readlink_abs_link", sb, "abs_link");

  __wasi_fd_t d;
  __wasi_errno_t e =
      __wasi_path_open(sb, 0, "d", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, ALL_RIGHTS, 0, &d);
  report("subdir_open", e);
  if (e == 0) {
    open_at("subdir_up", d, FOLLOW, "../inside.txt", 0, READ_RIGHTS);
    open_at("subdir_self", d, FOLLOW, ".", 0, READ_RIGHTS);
    open_at("subdir_link_up", d, FOLLOW, "up2/secret.txt", 0, READ_RIGHTS);
    (void)__wasi_fd_close(d);
  }
}

static void changes(__wasi_fd_t sb) {
  report("mkdir_up", __wasi_path_create_directory(sb, "../outside/newdir"));
  report("mkdir_via_link", __wasi_path_create_directory(sb, "abs_dir/newdir"));
  report("mkdir_dangling", __wasi_path_create_directory(sb, "dangling_out"));
  report("mkdir_dangling_slash", __wasi_path_create_directory(sb, "dangling_out/"));
  report("rename_out", __wasi_path_rename(sb, "inside.txt", sb, "../outside/moved.txt"));
  report("rename_out_via_link", __wasi_path_rename(sb, "inside.txt", sb, "abs_dir/moved.txt"));
  report("rename_in", __wasi_path_rename(sb, "../outside/secret.txt", sb, "stolen.txt"));
  report("rename_in_via_link", __wasi_path_rename(sb, "abs_dir/secret.txt", sb, "stolen.txt"));
  report("rename_over_dangling", __wasi_path_rename(sb, "victim.txt", sb, "dangling_out"));
  report("link_out", __wasi_path_link(sb, 0, "../outside/secret.txt", sb, "stolen_link"));
  report("link_via_link", __wasi_path_link(sb, 0, "abs_dir/secret.txt", sb, "stolen_link"));
  report("link_follow", __wasi_path_link(sb, FOLLOW, "abs_link", sb, "stolen_link"));
  report("link_to_out", __wasi_path_link(sb, 0, "inside.txt", sb, "../outside/hard.txt"));
  report("link_of_symlink", __wasi_path_link(sb, 0, "abs_link", sb, "abs_link_hard"));
  open_at("open_link_of_symlink", sb, FOLLOW, "abs_link_hard", 0, READ_RIGHTS);
  report("symlink_text_out", __wasi_path_symlink("../outside/secret.txt", sb, "made_link"));
  open_at("open_made_link", sb, FOLLOW, "made_link", 0, READ_RIGHTS);
  readlink_at("readlink_made_link", sb, "made_link");
  report("symlink_text_abs_root", __wasi_path_symlink("/", sb, "abs_made"));
  report("symlink_text_abs_etc", __wasi_path_symlink("/etc/passwd", sb, "abs_made"));
  report("symlink_text_abs_inside", __wasi_path_symlink("/sandbox/inside.txt", sb, "abs_made"));
  readlink_at("readlink_abs_made", sb, "abs_made");
  report("symlink_in_outside", __wasi_path_symlink("x", sb, "../outside/evil"));
  report("symlink_via_link", __wasi_path_symlink("x", sb, "abs_dir/evil"));
  report("unlink_out", __wasi_path_unlink_file(sb, "../outside/secret.txt"));
  report("unlink_via_link", __wasi_path_unlink_file(sb, "abs_dir/secret.txt"));
  report("rmdir_out", __wasi_path_remove_directory(sb, "../outside/subdir"));
  report("rmdir_via_link", __wasi_path_remove_directory(sb, "abs_dir/subdir"));
  report("rmdir_link_slash", __wasi_path_remove_directory(sb, "abs_dir/"));
  report("rmdir_preopen", __wasi_path_remove_directory(sb, "."));
  report("rmdir_preopen_dotdot", __wasi_path_remove_directory(sb, "d/.."));
  report("unlink_link_keeps_target", __wasi_path_unlink_file(sb, "abs_link"));
  open_at("preopen_listing", sb, 0, ".", 0, READ_RIGHTS);
}

static void read_only(__wasi_fd_t ro) {
  __wasi_rights_t all = ALL_RIGHTS;
  open_at("ro_read", ro, 0, "ro.txt", 0, READ_RIGHTS);
  open_at("ro_create", ro, 0, "new.txt", __WASI_OFLAGS_CREAT, all);
  open_at("ro_trunc", ro, 0, "ro.txt", __WASI_OFLAGS_TRUNC, all);
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(ro, 0, "ro.txt", 0, all, all, 0, &fd);
  report("ro_open_for_writing", e);
  if (e == 0) {
    __wasi_fdstat_t st;
    if (__wasi_fd_fdstat_get(fd, &st) == 0) {
      printf("ro_write_right %d\n", (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0);
    }
    __wasi_ciovec_t iov = {(const uint8_t *)"x", 1};
    __wasi_size_t n;
    report("ro_write", __wasi_fd_write(fd, &iov, 1, &n));
    report("ro_pwrite", __wasi_fd_pwrite(fd, &iov, 1, 0, &n));
    report("ro_set_size", __wasi_fd_filestat_set_size(fd, 0));
    report("ro_allocate", __wasi_fd_allocate(fd, 0, 100));
    report("ro_fd_times", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    report("ro_grow_rights", __wasi_fd_fdstat_set_rights(fd, all, 0));
    (void)__wasi_fd_close(fd);
  }
  report("ro_mkdir", __wasi_path_create_directory(ro, "newdir"));
  report("ro_unlink", __wasi_path_unlink_file(ro, "ro.txt"));
  report("ro_rmdir", __wasi_path_remove_directory(ro, "sub"));
  report("ro_rename", __wasi_path_rename(ro, "ro.txt", ro, "renamed.txt"));
  report("ro_symlink", __wasi_path_symlink("ro.txt", ro, "link"));
  report("ro_link", __wasi_path_link(ro, 0, "ro.txt", ro, "hard"));
  report("ro_times", __wasi_path_filestat_set_times(ro, 0, "ro.txt", 0, 0,
                                                    __WASI_FSTFLAGS_MTIM_NOW));
  __wasi_fd_t sub;
  e = __wasi_path_open(ro, 0, "sub", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, all, 0, &sub);
  report("ro_subdir_open", e);
  if (e == 0) {
    open_at("ro_subdir_create", sub, 0, "new.txt", __WASI_OFLAGS_CREAT, all);
    report("ro_subdir_mkdir", __wasi_path_create_directory(sub, "newdir"));
    (void)__wasi_fd_close(sub);
  }
  report("ro_rename_into_sandbox", __wasi_path_rename(ro, "ro.txt", preopen("/sandbox"), "x"));
  report("ro_link_into_sandbox", __wasi_path_link(ro, 0, "ro.txt", preopen("/sandbox"), "x"));
}

int main(void) {
  __wasi_fd_t sb = preopen("/sandbox");
  paths(sb);
  links(sb);
  changes(sb);
  read_only(preopen("/ro"));
  return 0;
}
