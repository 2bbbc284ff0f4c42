// Exercises files and directories through wasi-libc, inside the directory given as argv[1]
// (a preopen). Prints "ok NAME" or "FAIL NAME ..." per check and exits with the number of
// failures. FilesProgramTest then checks what it left on the host.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

static int failures;
static const char *root;

static void check(const char *name, int ok) {
  if (ok) {
    printf("ok %s\n", name);
  } else {
    printf("FAIL %s (errno %d: %s)\n", name, errno, strerror(errno));
    failures++;
  }
}

// Checks that a call returned -1 with errno `expected`.
static void fails(const char *name, int result, int expected) {
  int e = errno;
  if (result == -1 && e == expected) {
    printf("ok %s\n", name);
  } else {
    printf("FAIL %s: result %d errno %d (%s), wanted errno %d (%s)\n", name, result, e,
           strerror(e), expected, strerror(expected));
    failures++;
  }
}

// Returns root/rel in one of a few rotating buffers.
static const char *p(const char *rel) {
  static char bufs[4][512];
  static int next;
  char *b = bufs[next++ % 4];
  snprintf(b, sizeof bufs[0], "%s/%s", root, rel);
  return b;
}

static int write_file(const char *path, const char *text, int flags) {
  int fd = open(path, O_WRONLY | flags, 0644);
  if (fd < 0) return -1;
  ssize_t n = write(fd, text, strlen(text));
  close(fd);
  return n == (ssize_t)strlen(text) ? 0 : -1;
}

// Reads the whole file into buf (NUL-terminated); returns the length or -1.
static ssize_t read_file(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  ssize_t total = 0, n;
  while ((n = read(fd, buf + total, size - 1 - total)) > 0) total += n;
  close(fd);
  buf[total] = 0;
  return n < 0 ? -1 : total;
}

static void create_write_read(void) {
  char buf[256];
  check("mkdir", mkdir(p("dir"), 0755) == 0);
  fails("mkdir existing", mkdir(p("dir"), 0755), EEXIST);
  check("create and write", write_file(p("dir/a.txt"), "hello world\n", O_CREAT | O_TRUNC) == 0);
  check("read back",
        read_file(p("dir/a.txt"), buf, sizeof buf) == 12 && !strcmp(buf, "hello world\n"));
  check("append", write_file(p("dir/a.txt"), "more\n", O_APPEND) == 0);
  check("appended", read_file(p("dir/a.txt"), buf, sizeof buf) == 17 &&
                        !strcmp(buf, "hello world\nmore\n"));
  fails("open missing", open(p("dir/missing"), O_RDONLY), ENOENT);
  fails("create exclusive existing", open(p("dir/a.txt"), O_CREAT | O_EXCL | O_WRONLY, 0644),
        EEXIST);
  fails("open directory for writing", open(p("dir"), O_WRONLY), EISDIR);
  fails("open file as directory", open(p("dir/a.txt"), O_RDONLY | O_DIRECTORY), ENOTDIR);
  fails("file with trailing slash", open(p("dir/a.txt/"), O_RDONLY), ENOTDIR);
  int fd = open(p("dir/./../dir//a.txt"), O_RDONLY);
  check("dot and dotdot inside", fd >= 0 && read(fd, buf, 5) == 5 && !memcmp(buf, "hello", 5));
  close(fd);
  fd = open(p("dir/a.txt"), O_RDONLY);
  fails("write read-only descriptor", (int)write(fd, "x", 1), EBADF);
  close(fd);
}

static void seek_and_positioned(void) {
  char buf[64];
  int fd = open(p("dir/a.txt"), O_RDWR);
  check("open read-write", fd >= 0);
  check("seek end", lseek(fd, 0, SEEK_END) == 17);
  check("seek beyond end", lseek(fd, 100, SEEK_SET) == 100);
  check("write beyond end", write(fd, "X", 1) == 1);
  check("position after write", lseek(fd, 0, SEEK_CUR) == 101);
  struct stat st;
  check("size after gap", fstat(fd, &st) == 0 && st.st_size == 101);
  check("gap reads zero", pread(fd, buf, 1, 50) == 1 && buf[0] == 0);
  fails("seek negative", (int)lseek(fd, -1, SEEK_SET), EINVAL);
  fails("seek before start", (int)lseek(fd, -200, SEEK_CUR), EINVAL);
  check("pwrite", pwrite(fd, "HELLO", 5, 0) == 5);
  check("pread", pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "HELLO", 5));
  check("positioned I/O keeps position", lseek(fd, 0, SEEK_CUR) == 101);
  check("read at end", read(fd, buf, sizeof buf) == 0);
  check("seek relative", lseek(fd, -96, SEEK_CUR) == 5 && read(fd, buf, 7) == 7 &&
                             !memcmp(buf, " world\n", 7));
  check("ftruncate shrink", ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5);
  check("ftruncate grow", ftruncate(fd, 8) == 0 && fstat(fd, &st) == 0 && st.st_size == 8 &&
                              pread(fd, buf, 8, 0) == 8 && !memcmp(buf, "HELLO\0\0\0", 8));
  check("ftruncate keeps position", lseek(fd, 0, SEEK_CUR) == 12);
  check("fsync", fsync(fd) == 0);
  check("fdatasync", fdatasync(fd) == 0);
  close(fd);

  fd = open(p("dir/append.txt"), O_CREAT | O_WRONLY | O_APPEND, 0644);
  check("append mode write", write(fd, "one\n", 4) == 4);
  check("append ignores seek", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "two\n", 4) == 4);
  check("append flag reported", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
  check("clear append", fcntl(fd, F_SETFL, 0) == 0 && (fcntl(fd, F_GETFL) & O_APPEND) == 0);
  check("write without append", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "ONE\n", 4) == 4);
  check("set append again", fcntl(fd, F_SETFL, O_APPEND) == 0 && write(fd, "three\n", 6) == 6);
  close(fd);
  check("append result", read_file(p("dir/append.txt"), buf, sizeof buf) == 14 &&
                             !strcmp(buf, "ONE\ntwo\nthree\n"));

  fd = open(p("dir/big.bin"), O_CREAT | O_RDWR, 0644);
  struct stat st2;
  check("allocate grows", posix_fallocate(fd, 0, 4096) == 0 && fstat(fd, &st2) == 0 &&
                              st2.st_size == 4096);
  check("allocate never shrinks", posix_fallocate(fd, 10, 10) == 0 && fstat(fd, &st2) == 0 &&
                                      st2.st_size == 4096);
  close(fd);
}

static void stat_link_symlink(void) {
  struct stat st, st2;
  char buf[64];
  check("stat file", stat(p("dir/a.txt"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 8 &&
                         st.st_nlink == 1);
  check("stat directory", stat(p("dir"), &st2) == 0 && S_ISDIR(st2.st_mode));
  int fd = open(p("dir/a.txt"), O_RDONLY);
  check("fstat matches stat", fd >= 0 && fstat(fd, &st2) == 0 && st2.st_ino == st.st_ino &&
                                  st2.st_dev == st.st_dev && st2.st_size == 8);
  close(fd);
  check("link", link(p("dir/a.txt"), p("dir/hard.txt")) == 0);
  check("link count", stat(p("dir/a.txt"), &st) == 0 && st.st_nlink == 2 &&
                          stat(p("dir/hard.txt"), &st2) == 0 && st2.st_ino == st.st_ino);
  fails("link onto existing", link(p("dir/a.txt"), p("dir/hard.txt")), EEXIST);
  fails("link a directory", link(p("dir"), p("dirlink")), EPERM);
  check("unlink link", unlink(p("dir/hard.txt")) == 0 && stat(p("dir/a.txt"), &st) == 0 &&
                           st.st_nlink == 1);
  check("symlink", symlink("a.txt", p("dir/sym")) == 0);
  fails("symlink existing", symlink("a.txt", p("dir/sym")), EEXIST);
  check("lstat symlink", lstat(p("dir/sym"), &st) == 0 && S_ISLNK(st.st_mode));
  check("stat follows", stat(p("dir/sym"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 8);
  ssize_t n = readlink(p("dir/sym"), buf, sizeof buf);
  check("readlink", n == 5 && !memcmp(buf, "a.txt", 5));
  check("readlink truncates", readlink(p("dir/sym"), buf, 3) == 3 && !memcmp(buf, "a.t", 3));
  fails("readlink of a file", (int)readlink(p("dir/a.txt"), buf, sizeof buf), EINVAL);
  fd = open(p("dir/sym"), O_RDONLY);
  check("open through symlink", fd >= 0 && read(fd, buf, 5) == 5 && !memcmp(buf, "HELLO", 5));
  close(fd);
  fails("open symlink nofollow", open(p("dir/sym"), O_RDONLY | O_NOFOLLOW), ELOOP);
  check("dangling symlink", symlink("nowhere", p("dir/dangling")) == 0);
  fails("stat dangling", stat(p("dir/dangling"), &st), ENOENT);
  check("lstat dangling", lstat(p("dir/dangling"), &st) == 0 && S_ISLNK(st.st_mode));
  check("unlink dangling", unlink(p("dir/dangling")) == 0);
  check("directory symlink", symlink("../dir", p("dir/self")) == 0 &&
                                 stat(p("dir/self/self/a.txt"), &st) == 0 && st.st_size == 8);
  check("unlink directory symlink", unlink(p("dir/self")) == 0);
}

static void times(void) {
  struct timespec ts[2] = {{1234567890, 123456789}, {987654321, 500000000}};
  struct stat st;
  check("utimensat", utimensat(AT_FDCWD, p("dir/a.txt"), ts, 0) == 0);
  check("times set", stat(p("dir/a.txt"), &st) == 0 && st.st_atim.tv_sec == 1234567890 &&
                         st.st_atim.tv_nsec == 123456789 && st.st_mtim.tv_sec == 987654321 &&
                         st.st_mtim.tv_nsec == 500000000);
  struct timespec omit[2] = {{0, UTIME_OMIT}, {1000, 0}};
  check("utimensat omit", utimensat(AT_FDCWD, p("dir/a.txt"), omit, 0) == 0 &&
                              stat(p("dir/a.txt"), &st) == 0 && st.st_atim.tv_sec == 1234567890 &&
                              st.st_mtim.tv_sec == 1000);
  int fd = open(p("dir/append.txt"), O_RDONLY);
  struct timespec ft[2] = {{2000, 0}, {3000, 7}};
  check("futimens", fd >= 0 && futimens(fd, ft) == 0 && fstat(fd, &st) == 0 &&
                        st.st_atim.tv_sec == 2000 && st.st_mtim.tv_sec == 3000 &&
                        st.st_mtim.tv_nsec == 7);
  close(fd);
  // This wasi-libc refuses UTIME_NOW beside UTIME_OMIT itself, so ask the host directly.
  int dirfd = open(p("dir"), O_RDONLY | O_DIRECTORY);
  check("access time now",
        dirfd >= 0 &&
            __wasi_path_filestat_set_times(dirfd, 0, "append.txt", 0, 0,
                                           __WASI_FSTFLAGS_ATIM_NOW) == 0 &&
            stat(p("dir/append.txt"), &st) == 0 && st.st_atim.tv_sec > 1000000000 &&
            st.st_mtim.tv_sec == 3000);
  close(dirfd);
}

static void directories(void) {
  check("mkdir sub", mkdir(p("dir/sub"), 0755) == 0);
  check("create b", write_file(p("dir/b.txt"), "bee\n", O_CREAT) == 0);
  DIR *d = opendir(p("dir"));
  check("opendir", d != NULL);
  int seen = 0, count = 0;
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL) {
    count++;
    if (!strcmp(e->d_name, ".") && e->d_type == DT_DIR) seen |= 1;
    if (!strcmp(e->d_name, "..") && e->d_type == DT_DIR) seen |= 2;
    if (!strcmp(e->d_name, "a.txt") && e->d_type == DT_REG) seen |= 4;
    if (!strcmp(e->d_name, "b.txt") && e->d_type == DT_REG) seen |= 8;
    if (!strcmp(e->d_name, "sub") && e->d_type == DT_DIR) seen |= 16;
    if (!strcmp(e->d_name, "sym") && e->d_type == DT_LNK) seen |= 32;
  }
  if (d) closedir(d);
  // ., .., a.txt, append.txt, b.txt, big.bin, sub, sym
  check("readdir entries", seen == 63 && count == 8);
  fails("opendir of a file", opendir(p("dir/a.txt")) == NULL ? -1 : 0, ENOTDIR);

  check("rename", rename(p("dir/b.txt"), p("dir/c.txt")) == 0);
  fails("old name gone", access(p("dir/b.txt"), F_OK), ENOENT);
  check("new name there", access(p("dir/c.txt"), F_OK) == 0);
  check("rename into subdirectory", rename(p("dir/c.txt"), p("dir/sub/c.txt")) == 0);
  fails("rmdir non-empty", rmdir(p("dir/sub")), ENOTEMPTY);
  fails("rmdir a file", rmdir(p("dir/a.txt")), ENOTDIR);
  fails("unlink a directory", unlink(p("dir/sub")), EISDIR);
  check("rename back", rename(p("dir/sub/c.txt"), p("dir/c.txt")) == 0);
  check("rmdir", rmdir(p("dir/sub")) == 0);
  fails("rmdir gone", rmdir(p("dir/sub")), ENOENT);

  // Enough entries that wasi-libc reads the directory in several fd_readdir calls.
  char name[64];
  int made = 0;
  check("mkdir many", mkdir(p("many"), 0755) == 0);
  for (int i = 0; i < 300; i++) {
    snprintf(name, sizeof name, "many/file-with-a-longish-name-%03d", i);
    made += write_file(p(name), "", O_CREAT) == 0;
  }
  check("create many", made == 300);
  d = opendir(p("many"));
  count = 0;
  int sum = 0;
  while (d && (e = readdir(d)) != NULL) {
    count++;
    int k;
    if (sscanf(e->d_name, "file-with-a-longish-name-%d", &k) == 1) sum += k;
  }
  if (d) closedir(d);
  check("readdir many", count == 302 && sum == 299 * 300 / 2);
  for (int i = 0; i < 300; i++) {
    snprintf(name, sizeof name, "many/file-with-a-longish-name-%03d", i);
    unlink(p(name));
  }
  check("rmdir many", rmdir(p("many")) == 0);
}

int main(int argc, char **argv) {
  root = argc > 1 ? argv[1] : "/sandbox";
  create_write_read();
  seek_and_positioned();
  stat_link_symlink();
  times();
  directories();
  printf("%d failures\n", failures);
  return failures;
}
