// Sorting (written here, plus libc's qsort): quicksort and merge sort of random 32-bit integers,
// qsort through a comparison function pointer (call_indirect), and a string sort; each result
// checked and hashed. Memory traffic, compare-and-branch, indirect calls.
// Usage: sort [count]; prints a hash per sort.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t next(void) {
  rng ^= rng >> 12, rng ^= rng << 25, rng ^= rng >> 27;
  return (uint32_t)((rng * 0x2545f4914f6cdd1dull) >> 32);
}

static void quicksort(uint32_t *a, long lo, long hi) {
  while (hi - lo > 16) {
    uint32_t pivot = a[lo + (hi - lo) / 2];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        uint32_t t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (j - lo < hi - i) quicksort(a, lo, j), lo = i;
    else quicksort(a, i, hi), hi = j;
  }
  for (long i = lo + 1; i <= hi; i++) {
    uint32_t x = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > x) a[j + 1] = a[j], j--;
    a[j + 1] = x;
  }
}

static void merge_sort(uint32_t *a, uint32_t *tmp, long n) {
  for (long width = 1; width < n; width *= 2) {
    for (long lo = 0; lo < n; lo += 2 * width) {
      long mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      long i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    uint32_t *t = a;
    a = tmp;
    tmp = t;
    memcpy(tmp, a, sizeof(uint32_t) * (size_t)n);  // keep both buffers equal
  }
}

static int cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

static int cmp_str(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static uint32_t check(const uint32_t *a, long n, const char *name) {
  uint32_t h = 2166136261u;
  for (long i = 0; i < n; i++) {
    if (i && a[i - 1] > a[i]) {
      printf("%s: not sorted at %ld\n", name, i);
      exit(1);
    }
    h = (h ^ a[i]) * 16777619u;
  }
  printf("%-10s %08x\n", name, h);
  return h;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  uint32_t *orig = malloc(sizeof(uint32_t) * (size_t)n), *a = malloc(sizeof(uint32_t) * (size_t)n);
  uint32_t *tmp = malloc(sizeof(uint32_t) * (size_t)n);
  for (long i = 0; i < n; i++) orig[i] = next();
  memcpy(a, orig, sizeof(uint32_t) * (size_t)n);
  quicksort(a, 0, n - 1);
  check(a, n, "quicksort");
  memcpy(a, orig, sizeof(uint32_t) * (size_t)n);
  merge_sort(a, tmp, n);
  check(a, n, "mergesort");
  memcpy(a, orig, sizeof(uint32_t) * (size_t)n);
  qsort(a, (size_t)n, sizeof(uint32_t), cmp_u32);
  check(a, n, "qsort");
  long ns = n / 4;
  char **strs = malloc(sizeof(char *) * (size_t)ns);
  for (long i = 0; i < ns; i++) {
    strs[i] = malloc(24);
    snprintf(strs[i], 24, "key-%u-%u", orig[i] % 1000, orig[i]);
  }
  qsort(strs, (size_t)ns, sizeof(char *), cmp_str);
  uint32_t h = 2166136261u;
  for (long i = 0; i < ns; i++)
    for (const char *s = strs[i]; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  printf("%-10s %08x (%ld strings, first %s, last %s)\n", "strings", h, ns, strs[0], strs[ns - 1]);
  return 0;
}
