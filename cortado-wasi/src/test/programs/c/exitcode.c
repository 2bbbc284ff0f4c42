// Exits with the code given as its argument, or aborts (a trap) when the argument is "abort".
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "abort") == 0) abort();
  return argc > 1 ? atoi(argv[1]) : 0;
}
