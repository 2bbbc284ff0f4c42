// A million small allocations, kept alive, each written to: wasi-libc's allocator grows the
// memory a page or a few at a time, so this measures how memory.grow scales.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  long count = argc > 1 ? atol(argv[1]) : 1000000;
  unsigned long sum = 0;
  for (long i = 0; i < count; i++) {
    size_t size = 16 + (size_t)(i * 7919 % 113);
    unsigned char *p = malloc(size);
    if (p == NULL) {
      fprintf(stderr, "malloc failed after %ld blocks\n", i);
      return 1;
    }
    memset(p, (int)(i & 0xFF), size);
    sum += p[size - 1] + size;
  }
  printf("%ld blocks, checksum %lu\n", count, sum);
  return 0;
}
