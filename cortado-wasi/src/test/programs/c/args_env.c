// Prints its arguments and environment, one per line, then the value of CORTADO_TEST.
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
  for (char **e = environ; *e; e++) printf("env:%s\n", *e);
  const char *v = getenv("CORTADO_TEST");
  printf("CORTADO_TEST=%s\n", v ? v : "(unset)");
  return 0;
}
