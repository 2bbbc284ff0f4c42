// Polls standard input with a timeout and reports what it saw; then sleeps 20 ms with poll().
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  struct pollfd fds[1] = {{.fd = 0, .events = POLLIN}};
  int n = poll(fds, 1, 1000);
  printf("poll=%d readable=%s\n", n, (fds[0].revents & POLLIN) ? "yes" : "no");
  char buf[64];
  ssize_t r = read(0, buf, sizeof buf - 1);
  if (r >= 0) {
    buf[r] = 0;
    printf("read=%s\n", buf);
  }
  int t = poll(NULL, 0, 20);
  printf("sleep_poll=%d\n", t);
  return 0;
}
