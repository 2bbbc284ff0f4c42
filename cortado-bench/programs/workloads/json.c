// JSON (RFC 8259) generation, tokenizing and parsing into a tree (all written here): a generated
// document of nested objects, arrays, strings with escapes and numbers is printed with
// snprintf, parsed by recursive descent into malloc'd nodes, walked and freed, several times.
// Usage: json [rounds]; prints the document's size and what the walk found.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } Kind;

typedef struct Node {
  Kind kind;
  double num;
  char *str;          // J_STR value, or the key when this node is an object member
  char *key;
  struct Node *child;  // first element / member
  struct Node *next;   // next sibling
} Node;

static uint32_t rng = 7;
static uint32_t next(void) {
  rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
  return rng;
}

typedef struct {
  char *buf;
  size_t len, cap;
} Out;

static void put(Out *o, const char *s, size_t n) {
  if (o->len + n + 1 > o->cap) {
    o->cap = (o->cap + n) * 2;
    o->buf = realloc(o->buf, o->cap);
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
}
static void puts_(Out *o, const char *s) { put(o, s, strlen(s)); }

static void gen(Out *o, int depth) {
  char tmp[64];
  uint32_t r = next() % (depth > 4 ? 4 : 7);
  switch (r) {
    case 0: puts_(o, next() % 2 ? "true" : (next() % 2 ? "false" : "null")); break;
    case 1: put(o, tmp, (size_t)snprintf(tmp, sizeof tmp, "%d", (int)(next() % 200000) - 100000)); break;
    case 2: put(o, tmp, (size_t)snprintf(tmp, sizeof tmp, "%u.%02u", next() % 1000, next() % 100)); break;
    case 3: {
      puts_(o, "\"");
      int n = 3 + next() % 12;
      for (int i = 0; i < n; i++) {
        uint32_t c = next() % 40;
        if (c == 0) puts_(o, "\\n");
        else if (c == 1) puts_(o, "\\\"");
        else if (c == 2) puts_(o, "\\u00e9");
        else { char ch = (char)('a' + c % 26); put(o, &ch, 1); }
      }
      puts_(o, "\"");
      break;
    }
    case 4: case 5: {
      puts_(o, "[");
      int n = next() % 6;
      for (int i = 0; i < n; i++) {
        if (i) puts_(o, ", ");
        gen(o, depth + 1);
      }
      puts_(o, "]");
      break;
    }
    default: {
      puts_(o, "{");
      int n = 1 + next() % 5;
      for (int i = 0; i < n; i++) {
        if (i) puts_(o, ", ");
        put(o, tmp, (size_t)snprintf(tmp, sizeof tmp, "\"k%u\": ", next() % 50));
        gen(o, depth + 1);
      }
      puts_(o, "}");
    }
  }
}

typedef struct {
  const char *p;
  int error;
} Parser;

static void ws(Parser *ps) {
  while (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r') ps->p++;
}

static char *parse_string(Parser *ps) {
  const char *start = ++ps->p;  // after the opening quote
  size_t cap = 16, n = 0;
  char *s = malloc(cap);
  (void)start;
  while (*ps->p != '"') {
    if (*ps->p == 0) { ps->error = 1; break; }
    char c = *ps->p++;
    if (c == '\\') {
      char e = *ps->p++;
      if (e == 'n') c = '\n';
      else if (e == 'u') {
        unsigned cp = 0;
        for (int i = 0; i < 4; i++) {
          char h = *ps->p++;
          cp = cp * 16 + (h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
        }
        if (n + 3 > cap) s = realloc(s, cap *= 2);
        if (cp < 0x80) s[n++] = (char)cp;
        else s[n++] = (char)(0xc0 | cp >> 6), s[n++] = (char)(0x80 | (cp & 0x3f));
        continue;
      } else c = e;
    }
    if (n + 2 > cap) s = realloc(s, cap *= 2);
    s[n++] = c;
  }
  ps->p++;
  s[n] = 0;
  return s;
}

static Node *parse_value(Parser *ps) {
  ws(ps);
  Node *node = calloc(1, sizeof(Node));
  char c = *ps->p;
  if (c == '{' || c == '[') {
    node->kind = c == '{' ? J_OBJ : J_ARR;
    char close = c == '{' ? '}' : ']';
    ps->p++;
    ws(ps);
    Node **tail = &node->child;
    while (*ps->p != close && !ps->error) {
      char *key = NULL;
      if (node->kind == J_OBJ) {
        key = parse_string(ps);
        ws(ps);
        if (*ps->p++ != ':') ps->error = 1;
      }
      Node *child = parse_value(ps);
      child->key = key;
      *tail = child;
      tail = &child->next;
      ws(ps);
      if (*ps->p == ',') ps->p++, ws(ps);
      else if (*ps->p != close) ps->error = 1;
    }
    ps->p++;
  } else if (c == '"') {
    node->kind = J_STR;
    node->str = parse_string(ps);
  } else if (c == 't' || c == 'f' || c == 'n') {
    node->kind = c == 'n' ? J_NULL : J_BOOL;
    node->num = c == 't';
    ps->p += c == 'f' ? 5 : 4;
  } else {
    node->kind = J_NUM;
    int neg = *ps->p == '-';
    if (neg) ps->p++;
    double x = 0;
    while (*ps->p >= '0' && *ps->p <= '9') x = x * 10 + (*ps->p++ - '0');
    if (*ps->p == '.') {
      double f = 0.1;
      for (ps->p++; *ps->p >= '0' && *ps->p <= '9'; f /= 10) x += f * (*ps->p++ - '0');
    }
    node->num = neg ? -x : x;
  }
  return node;
}

typedef struct {
  long nodes, strings, string_bytes;
  double sum;
  uint32_t key_hash;
  int max_depth;
} Stats;

static void walk(const Node *n, int depth, Stats *st) {
  for (; n; n = n->next) {
    st->nodes++;
    if (depth > st->max_depth) st->max_depth = depth;
    if (n->key)
      for (const char *k = n->key; *k; k++) st->key_hash = (st->key_hash ^ (uint8_t)*k) * 16777619u;
    if (n->kind == J_NUM) st->sum += n->num;
    if (n->kind == J_STR) st->strings++, st->string_bytes += (long)strlen(n->str);
    walk(n->child, depth + 1, st);
  }
}

static void release(Node *n) {
  while (n) {
    Node *next = n->next;
    release(n->child);
    free(n->str);
    free(n->key);
    free(n);
    n = next;
  }
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 16;
  Out o = {0};
  puts_(&o, "[");
  for (int i = 0; i < 6000; i++) {
    if (i) puts_(&o, ",\n");
    gen(&o, 0);
  }
  puts_(&o, "]");
  o.buf[o.len] = 0;
  Stats st = {0};
  st.key_hash = 2166136261u;
  for (int r = 0; r < rounds; r++) {
    Parser ps = {o.buf, 0};
    Node *root = parse_value(&ps);
    if (ps.error) {
      fprintf(stderr, "parse error at offset %ld\n", (long)(ps.p - o.buf));
      return 1;
    }
    walk(root, 0, &st);
    release(root);
  }
  printf("document %zu bytes, %d rounds\n", o.len, rounds);
  printf("nodes %ld strings %ld (%ld bytes) depth %d\n", st.nodes, st.strings, st.string_bytes,
         st.max_depth);
  printf("sum %.2f keys %08x\n", st.sum, st.key_hash);
  free(o.buf);
  return 0;
}
