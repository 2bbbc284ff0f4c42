// Answers with the request body, read from standard input, as it came; its length in a header.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      if (!buf) {
        fputs("out of memory\n", stderr);
        return 1;
      }
    }
  }
  const char *type = getenv("CONTENT_TYPE");
  printf("Content-Type: %s\nX-Body-Length: %zu\n\n", type && *type ? type : "application/octet-stream",
         len);
  fwrite(buf, 1, len, stdout);
  return 0;
}
