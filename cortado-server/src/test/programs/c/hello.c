// The smallest WAGI program: a CGI header, a blank line, a body.
#include <stdio.h>

int main(void) {
  fputs("Content-Type: text/plain\n\nHello, world!\n", stdout);
  return 0;
}
