// Regular-expression matching and substring search (written here) over generated log lines: a
// backtracking matcher for literals, '.', character classes [a-z] [^0-9], '*', '+', '?', '^'
// and '$' (in the style of Pike and Kernighan's), and Boyer-Moore-Horspool search. Branchy byte
// code with recursion.
// Usage: regex [lines]; prints the matching line count per pattern.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Length of the pattern atom at re (a char, '.', an escaped char or a [...] class).
static int atom_len(const char *re) {
  if (re[0] == '\\') return 2;
  if (re[0] != '[') return 1;
  int n = 1;
  if (re[n] == '^') n++;
  if (re[n] == ']') n++;
  while (re[n] && re[n] != ']') n++;
  return n + 1;
}

static int atom_matches(const char *re, char c) {
  if (c == 0) return 0;
  if (re[0] == '.') return 1;
  if (re[0] == '\\') return re[1] == 'd' ? (c >= '0' && c <= '9') : re[1] == c;
  if (re[0] != '[') return re[0] == c;
  int i = 1, negate = re[1] == '^', found = 0;
  if (negate) i++;
  do {
    if (re[i + 1] == '-' && re[i + 2] != ']') {
      if (c >= re[i] && c <= re[i + 2]) found = 1;
      i += 3;
    } else {
      if (c == re[i]) found = 1;
      i++;
    }
  } while (re[i] != ']');
  return found != negate;
}

static int match_here(const char *re, const char *text);

// Greedy: as many of the atom as possible (at least min), then backtrack.
static int match_repeat(const char *atom, int min, int max, const char *rest, const char *text) {
  const char *t = text;
  int n = 0;
  while ((max < 0 || n < max) && atom_matches(atom, *t)) t++, n++;
  for (; n >= min; n--, t--)
    if (match_here(rest, t)) return 1;
  return 0;
}

static int match_here(const char *re, const char *text) {
  if (re[0] == 0) return 1;
  if (re[0] == '$' && re[1] == 0) return *text == 0;
  int len = atom_len(re);
  char op = re[len];
  if (op == '*') return match_repeat(re, 0, -1, re + len + 1, text);
  if (op == '+') return match_repeat(re, 1, -1, re + len + 1, text);
  if (op == '?') return match_repeat(re, 0, 1, re + len + 1, text);
  return atom_matches(re, *text) && match_here(re + len, text + 1);
}

static int match(const char *re, const char *text) {
  if (re[0] == '^') return match_here(re + 1, text);
  do {
    if (match_here(re, text)) return 1;
  } while (*text++);
  return 0;
}

static long horspool_count(const char *hay, size_t n, const char *needle) {
  size_t m = strlen(needle), shift[256];
  for (int i = 0; i < 256; i++) shift[i] = m;
  for (size_t i = 0; i + 1 < m; i++) shift[(uint8_t)needle[i]] = m - 1 - i;
  long count = 0;
  for (size_t i = 0; i + m <= n;) {
    size_t j = m;
    while (j > 0 && hay[i + j - 1] == needle[j - 1]) j--;
    if (j == 0) count++;
    i += shift[(uint8_t)hay[i + m - 1]];
  }
  return count;
}

static uint32_t rng = 99;
static uint32_t next(void) {
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

int main(int argc, char **argv) {
  int lines = argc > 1 ? atoi(argv[1]) : 30000;
  static const char *levels[] = {"INFO", "WARN", "ERROR", "DEBUG"};
  static const char *verbs[] = {"GET", "POST", "PUT", "DELETE"};
  static const char *paths[] = {"/api/users", "/api/orders", "/static/app.js", "/health",
                                "/api/users/42/orders", "/login", "/metrics"};
  char **text = malloc(sizeof(char *) * (size_t)lines);
  size_t total = 0;
  for (int i = 0; i < lines; i++) {
    char buf[256];
    int n = snprintf(buf, sizeof buf, "2024-%02u-%02u %02u:%02u:%02u %s %s %s %u %ums user%u@example.%s",
                     1 + next() % 12, 1 + next() % 28, next() % 24, next() % 60, next() % 60,
                     levels[next() % 4], verbs[next() % 4], paths[next() % 7],
                     next() % 5 == 0 ? 500 + next() % 4 : 200 + next() % 5, next() % 3000,
                     next() % 10000, next() % 3 ? "com" : "org");
    text[i] = malloc((size_t)n + 1);
    memcpy(text[i], buf, (size_t)n + 1);
    total += (size_t)n + 1;
  }
  char *all = malloc(total + 1);
  size_t off = 0;
  for (int i = 0; i < lines; i++) {
    size_t n = strlen(text[i]);
    memcpy(all + off, text[i], n);
    all[off + n] = '\n';
    off += n + 1;
  }
  static const char *patterns[] = {
      "ERROR.*/api/users/[0-9]+/orders",
      "^2024-0[1-6]-[0-9]+ [0-9]+:[0-9]+:[0-9]+ WARN",
      " 50[0-3] [0-9]*[5-9][0-9][0-9]ms",
      "user[0-9]*7@example\\.org$",
      "[A-Z]+ [GP][EO][TS]",
      " \\d\\d\\dms user1",
      "[^ ]+ [^ ]+ DEBUG [A-Z]+ /health 2",
      "a.*b.*c.*d",
  };
  long total_matches = 0;
  for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
    long count = 0;
    for (int round = 0; round < 3; round++)
      for (int i = 0; i < lines; i++) count += match(patterns[p], text[i]);
    printf("%-48s %ld\n", patterns[p], count);
    total_matches += count;
  }
  static const char *needles[] = {"/api/users/42/orders 500", "user1234@", "DELETE /login 201"};
  for (size_t k = 0; k < 3; k++) {
    long count = 0;
    for (int round = 0; round < 20; round++) count += horspool_count(all, off, needles[k]);
    printf("search %-40s %ld\n", needles[k], count);
  }
  printf("total %ld matches in %zu bytes\n", total_matches, off);
  return 0;
}
