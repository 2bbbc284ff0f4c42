// Serves the file named by PATH_INFO from its read-only file system, or 404; tries to write into
// it and says whether that worked in X-Write.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  const char *path = getenv("PATH_INFO");
  FILE *probe = fopen("/written-by-guest.txt", "w");
  const char *writable = probe ? "yes" : "no";
  if (probe) fclose(probe);
  FILE *f = path && *path ? fopen(path, "rb") : NULL;
  if (!f) {
    printf("Status: 404 Not Found\nContent-Type: text/plain\nX-Write: %s\n\nno file %s\n", writable,
           path ? path : "");
    return 0;
  }
  printf("Content-Type: text/plain\nX-Write: %s\n\n", writable);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
  fclose(f);
  return 0;
}
