// Does what the query string says, for tests of failures: trap, loop (forever), bad (output with
// no CGI headers), exit (code 3), alloc (memory until the limit: malloc fails, then abort),
// stderr (a line on standard error, then a good answer), redirect (Location only), status (418),
// sleep (a second, then a good answer).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  const char *q = getenv("QUERY_STRING");
  if (!q) q = "";
  if (!strcmp(q, "trap")) __builtin_trap();
  if (!strcmp(q, "loop")) {
    volatile unsigned long n = 0;
    for (;;) n++;
  }
  if (!strcmp(q, "bad")) {
    fputs("just a body, no headers", stdout);
    return 0;
  }
  if (!strcmp(q, "exit")) exit(3);
  if (!strcmp(q, "alloc")) {
    for (;;) {
      char *p = malloc(1 << 20);
      if (!p) abort();
      memset(p, 1, 1 << 20);
    }
  }
  if (!strcmp(q, "sleep")) {
    sleep(1);
    fputs("Content-Type: text/plain\n\nslept\n", stdout);
    return 0;
  }
  if (!strcmp(q, "stderr")) fputs("a line for the log\n", stderr);
  if (!strcmp(q, "redirect")) {
    fputs("Location: /elsewhere\n\n", stdout);
    return 0;
  }
  if (!strcmp(q, "status")) {
    fputs("Status: 418 I'm a teapot\nContent-Type: text/plain\n\nteapot\n", stdout);
    return 0;
  }
  fputs("Content-Type: text/plain\n\nfine\n", stdout);
  return 0;
}
