// Mandelbrot set on an n x n grid, 50 iterations per point, packed into bits (the classic
// benchmark-game workload): f64 arithmetic in a short loop with an early exit.
// Usage: mandelbrot [n]; prints the size and an FNV-1a hash of the bitmap.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 2000;
  uint32_t hash = 2166136261u;
  long inside = 0;
  for (int y = 0; y < n; y++) {
    double ci = 2.0 * y / n - 1.0;
    unsigned byte = 0;
    int bit = 0;
    for (int x = 0; x < n; x++) {
      double cr = 2.0 * x / n - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
      int i = 0;
      for (; i < 50 && tr + ti <= 4.0; i++) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
      }
      byte = (byte << 1) | (tr + ti <= 4.0);
      inside += tr + ti <= 4.0;
      if (++bit == 8 || x == n - 1) {
        byte <<= 8 - bit;
        hash = (hash ^ byte) * 16777619u;
        byte = 0;
        bit = 0;
      }
    }
  }
  printf("P4 %d %d\ninside %ld hash %08x\n", n, n, inside, hash);
  return 0;
}
