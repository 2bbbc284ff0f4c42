// Moves standard output onto descriptor 2 with fd_renumber, then writes through both numbers.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static int put(int fd, const char *s) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  __wasi_size_t written;
  return __wasi_fd_write(fd, &iov, 1, &written);
}

int main(void) {
  int r = __wasi_fd_renumber(1, 2);
  put(2, "to fd 2, which is now standard output\n");
  int again = put(1, "to fd 1, now closed\n");
  char line[80];
  snprintf(line, sizeof line, "renumber=%d write_to_closed=%d\n", r, again);
  put(2, line);
  int bad = __wasi_fd_renumber(1, 2);
  snprintf(line, sizeof line, "renumber_closed=%d\n", bad);
  put(2, line);
  return 0;
}
