// LZ77 compression with hash chains (the core of deflate, written here), then decompression and
// a CRC-32 check of the round trip, over generated English-like text. Byte loads and stores,
// hashing, memcmp-like match loops, table-driven CRC.
// Usage: lz77 [mebibytes]; prints sizes and the CRC.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 32768
#define MIN_MATCH 3
#define MAX_MATCH 258
#define HASH_BITS 15
#define MAX_CHAIN 64

static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static uint32_t rng = 12345;
static uint32_t next(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

static const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
                              "and", "web", "assembly", "runs", "on", "java", "virtual",
                              "machine", "with", "a", "compiler", "interpreter", "of", "bytes",
                              "stack", "memory", "table", "function", "module", "import"};

static size_t generate(uint8_t *out, size_t size) {
  size_t n = 0;
  int nwords = sizeof(words) / sizeof(words[0]);
  while (n + 16 < size) {
    const char *w = words[next() % nwords];
    size_t len = strlen(w);
    memcpy(out + n, w, len);
    n += len;
    uint32_t r = next() % 16;
    out[n++] = r == 0 ? '.' : r == 1 ? ',' : ' ';
    if (r == 0) out[n++] = '\n';
    if (r == 2) n += (size_t)sprintf((char *)out + n, "%u ", next() % 1000);
  }
  return n;
}

// Tokens: a literal byte is (0, byte); a match is (length, distance), packed into the output as
// a flag byte per 8 tokens followed by 1 or 3 bytes per token.
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
  int32_t *head = malloc(sizeof(int32_t) << HASH_BITS);
  int32_t *prev = malloc(sizeof(int32_t) * WINDOW);
  for (int i = 0; i < 1 << HASH_BITS; i++) head[i] = -1;
  size_t o = 0, flag_pos = 0;
  int flag_bit = 8;
  size_t i = 0;
  while (i < n) {
    if (flag_bit == 8) {
      flag_pos = o++;
      out[flag_pos] = 0;
      flag_bit = 0;
    }
    int best_len = 0, best_dist = 0;
    if (i + MIN_MATCH <= n) {
      uint32_t h = ((in[i] << 10) ^ (in[i + 1] << 5) ^ in[i + 2]) & ((1 << HASH_BITS) - 1);
      int32_t cand = head[h];
      int chain = MAX_CHAIN;
      size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
      while (cand >= 0 && i - (size_t)cand <= WINDOW - 1 && chain-- > 0) {
        size_t len = 0;
        while (len < limit && in[cand + len] == in[i + len]) len++;
        if ((int)len > best_len) {
          best_len = (int)len;
          best_dist = (int)(i - cand);
          if (len == limit) break;
        }
        cand = prev[cand % WINDOW];
      }
      prev[i % WINDOW] = head[h];
      head[h] = (int32_t)i;
    }
    if (best_len >= MIN_MATCH) {
      out[flag_pos] |= (uint8_t)(1 << flag_bit);
      out[o++] = (uint8_t)(best_len - MIN_MATCH);
      out[o++] = (uint8_t)(best_dist & 0xff);
      out[o++] = (uint8_t)(best_dist >> 8);
      for (size_t k = i + 1; k < i + best_len && k + MIN_MATCH <= n; k++) {
        uint32_t h = ((in[k] << 10) ^ (in[k + 1] << 5) ^ in[k + 2]) & ((1 << HASH_BITS) - 1);
        prev[k % WINDOW] = head[h];
        head[h] = (int32_t)k;
      }
      i += best_len;
    } else {
      out[o++] = in[i++];
    }
    flag_bit++;
  }
  free(head);
  free(prev);
  return o;
}

static size_t decompress(const uint8_t *in, size_t n, uint8_t *out) {
  size_t i = 0, o = 0;
  while (i < n) {
    uint8_t flags = in[i++];
    for (int bit = 0; bit < 8 && i < n; bit++) {
      if (flags & (1 << bit)) {
        size_t len = in[i] + MIN_MATCH, dist = in[i + 1] | in[i + 2] << 8;
        i += 3;
        for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
      } else {
        out[o++] = in[i++];
      }
    }
  }
  return o;
}

int main(int argc, char **argv) {
  int mib = argc > 1 ? atoi(argv[1]) : 4;
  size_t size = (size_t)mib << 20;
  uint8_t *text = malloc(size), *packed = malloc(size + size / 8 + 16), *back = malloc(size);
  crc_init();
  size_t n = generate(text, size);
  size_t packed_len = compress(text, n, packed);
  size_t back_len = decompress(packed, packed_len, back);
  int same = back_len == n && memcmp(text, back, n) == 0;
  printf("input %zu bytes crc %08x\n", n, crc32(text, n));
  printf("compressed %zu bytes crc %08x\n", packed_len, crc32(packed, packed_len));
  printf("round trip %s\n", same ? "ok" : "MISMATCH");
  return same ? 0 : 1;
}
