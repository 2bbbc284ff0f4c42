// Reads the clocks and sleeps: prints the wall-clock seconds, whether the monotonic clock moved
// forward across a 30 ms sleep, and the clock resolutions.
#include <stdio.h>
#include <time.h>

static long long ns(struct timespec t) { return (long long)t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
  struct timespec real, m1, m2, res;
  clock_gettime(CLOCK_REALTIME, &real);
  printf("realtime_seconds=%lld\n", (long long)real.tv_sec);
  clock_gettime(CLOCK_MONOTONIC, &m1);
  struct timespec sleep = {0, 30 * 1000000};
  nanosleep(&sleep, NULL);
  clock_gettime(CLOCK_MONOTONIC, &m2);
  printf("slept_at_least_30ms=%s\n", ns(m2) - ns(m1) >= 30000000LL ? "yes" : "no");
  clock_getres(CLOCK_MONOTONIC, &res);
  printf("monotonic_resolution_ns=%lld\n", ns(res));
  clock_getres(CLOCK_REALTIME, &res);
  printf("realtime_resolution_ns=%lld\n", ns(res));
  struct timespec cpu;
  printf("process_cputime=%s\n", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 ? "ok" : "error");
  return 0;
}
