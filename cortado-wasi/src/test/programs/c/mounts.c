// Files mounted into a preopened directory (MountedFileTest sets them up): each case prints its
// name and 0 for success or the errno, through wasi-libc as a program would use them.
// Usage: mounts rw|ro (the preopen "/" writable or read-only; only the fitting cases run).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *name, int value) { printf("%s %d\n", name, value); }

// 0 if `path` holds exactly `want`, 1 if it holds something else, else the errno.
static int holds(const char *path, const char *want) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  if (fd < 0) return errno;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  int e = errno;
  close(fd);
  if (n < 0) return e;
  buf[n] = 0;
  return strcmp(buf, want) != 0;
}

// 0 if writing `text` to `path` opened with `flags` works, else the errno of the step that failed.
static int write_to(const char *path, int flags, const char *text) {
  int fd = open(path, flags, 0644);
  if (fd < 0) return errno;
  ssize_t n = write(fd, text, strlen(text));
  int e = errno;
  close(fd);
  return n == (ssize_t)strlen(text) ? 0 : n < 0 ? e : 1;
}

static int result(int r) { return r == 0 ? 0 : errno; }

// 1 if directory `dir` lists `name`, 0 if not, else the errno.
static int lists(const char *dir, const char *name) {
  DIR *d = opendir(dir);
  if (!d) return errno;
  int found = 0;
  for (struct dirent *e; (e = readdir(d));) found |= !strcmp(e->d_name, name);
  closedir(d);
  return found;
}

int main(int argc, char **argv) {
  int ro = argc > 1 && !strcmp(argv[1], "ro");
  const char *hosts = "127.0.0.1 localhost\n";
  report("hosts_read", holds("/etc/hosts", hosts));
  report("hosts_via_dotdot", holds("/etc/../etc/./hosts", hosts));
  report("resolv_through_symlink", holds("/etc/resolv.conf", "nameserver 10.0.0.1\n"));
  report("hostname_read", holds("/etc/hostname", "box\n"));
  report("hostname_listed", lists("/etc", "hostname"));
  report("hosts_listed", lists("/etc", "hosts"));
  struct stat st;
  report("hostname_size", stat("/etc/hostname", &st) == 0 ? (int)st.st_size : -errno);
  report("hosts_write", write_to("/etc/hosts", O_WRONLY, "changed\n"));
  report("hosts_truncate", write_to("/etc/hosts", O_WRONLY | O_TRUNC, "changed\n"));
  report("hosts_unlink", result(unlink("/etc/hosts")));
  report("hosts_rename", result(rename("/etc/hosts", "/etc/hosts2")));
  report("hosts_as_dir", holds("/etc/hosts/x", ""));
  report("hosts_mkdir", result(mkdir("/etc/hosts", 0755)));
  report("hosts_symlink_onto", result(symlink("x", "/etc/hosts")));
  report("log_write", write_to("/data/log.txt", O_WRONLY | O_CREAT | O_TRUNC, "written\n"));
  report("log_append", write_to("/data/log.txt", O_WRONLY | O_APPEND, "appended\n"));
  report("log_read", holds("/data/log.txt", "written\nappended\n"));
  if (ro) {
    report("create_beside", write_to("/data/new.txt", O_WRONLY | O_CREAT, "x"));
    return 0;
  }
  report("etc_rename", result(rename("/etc", "/etc2")));
  report("hosts_link", result(link("/etc/hosts", "/data/h")));
  report("rename_onto_hosts", write_to("/data/new.txt", O_WRONLY | O_CREAT, "x") == 0
                                  ? result(rename("/data/new.txt", "/etc/hosts"))
                                  : -1);
  report("unlink_beside", result(unlink("/data/new.txt")));
  return 0;
}
