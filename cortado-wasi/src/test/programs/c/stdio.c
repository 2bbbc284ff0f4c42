// Copies standard input to standard output in upper case, reports the line count on standard
// error, and exits with the number of lines.
#include <ctype.h>
#include <stdio.h>

int main(void) {
  int c, lines = 0;
  while ((c = getchar()) != EOF) {
    if (c == '\n') lines++;
    putchar(toupper(c));
  }
  fprintf(stderr, "%d lines\n", lines);
  return lines;
}
