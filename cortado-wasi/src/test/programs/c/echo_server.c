// Accepts one connection on the preopened listening socket (descriptor 3), reads a line, replies
// "echo: " and the line, then shuts the connection down.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

int main(void) {
  __wasi_fd_t conn;
  __wasi_errno_t e = __wasi_sock_accept(3, 0, &conn);
  if (e != 0) {
    printf("accept failed: %d\n", e);
    return 1;
  }
  char buf[256];
  size_t got = 0;
  while (got < sizeof buf - 1) {
    __wasi_iovec_t iov = {(uint8_t *)buf + got, sizeof buf - 1 - got};
    __wasi_size_t n;
    __wasi_roflags_t flags;
    e = __wasi_sock_recv(conn, &iov, 1, 0, &n, &flags);
    if (e != 0 || n == 0) break;
    got += n;
    if (memchr(buf, '\n', got)) break;
  }
  char reply[300];
  int len = snprintf(reply, sizeof reply, "echo: %.*s", (int)got, buf);
  __wasi_ciovec_t out = {(const uint8_t *)reply, (size_t)len};
  __wasi_size_t sent;
  e = __wasi_sock_send(conn, &out, 1, 0, &sent);
  __wasi_errno_t s = __wasi_sock_shutdown(conn, __WASI_SDFLAGS_WR);
  printf("served %zu bytes, sent %u, shutdown %d\n", got, (unsigned)sent, s);
  return e;
}
