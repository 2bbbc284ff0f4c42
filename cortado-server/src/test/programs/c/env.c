// Writes its arguments and environment, one per line, so that tests can check what WAGI gives a
// program: "arg[i]=..." lines, then "NAME=value" lines.
#include <stdio.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("Content-Type: text/plain\nX-Argc: %d\n\n", argc);
  for (int i = 0; i < argc; i++) {
    printf("arg[%d]=%s\n", i, argv[i]);
  }
  for (char **e = environ; *e; e++) {
    printf("%s\n", *e);
  }
  return 0;
}
