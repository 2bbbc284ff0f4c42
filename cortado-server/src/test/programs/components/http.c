// A wasi:http/proxy component in C, written against the component model's canonical ABI by hand
// (no bindings generator): each import is declared with its interface and name and called with
// the core signature the ABI flattens its type to; results that do not fit one value land in a
// return area whose layout is spelled out beside each call. build.sh makes it a component.
//
// Routes (method, path):
//   any /hello, or any other path    200 "hello from C: METHOD PATH-WITH-QUERY\n"
//   any /echo                        streams the request body back as it arrives (4 KiB writes),
//                                    then the trailers x-echo-bytes: N and, if the request had
//                                    the trailer x-checksum, x-request-checksum with its value
//   GET /big?n=N                     N bytes of 'a'..'z', written 4 KiB at a time
//   GET /trap                        traps (unreachable)
//   [PREFIX]/kv/IFACE/LABEL[/KEY]    a key-value store: IFACE spin (fermyon:spin/key-value) or
//                                    wasi (wasi:keyvalue/store); GET KEY reads (404 if absent),
//                                    PUT KEY writes the body, DELETE KEY deletes, GET without KEY
//                                    lists the keys, one per line, sorted by the host or not
//   POST /kv/wasi/LABEL/KEY?add=N    wasi:keyvalue/atomics increment; answers the new value
//   PUT /kv/cas/LABEL/KEY?expect=V   compare-and-swap: writes the body if KEY holds V (409 if not)
//   POST /kv/batch/LABEL             sets every "key=value" line of the body (batch set-many),
//                                    then answers get-many of the same keys, "key=value" per line
// A store that cannot be opened answers 403 (access-denied), 404 (no-such-store) or 500.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))
#define TYPES "wasi:http/types@0.2.0"
#define STREAMS "wasi:io/streams@0.2.0"
#define SPIN_KV "fermyon:spin/key-value@2.0.0"
#define WASI_KV "wasi:keyvalue/store@0.2.0-draft2"
#define ATOMICS "wasi:keyvalue/atomics@0.2.0-draft2"
#define BATCH "wasi:keyvalue/batch@0.2.0-draft2"

// wasi:http/types
IMPORT(TYPES, "[method]incoming-request.method") void req_method(int32_t self, void *ret);
IMPORT(TYPES, "[method]incoming-request.path-with-query") void req_path(int32_t self, void *ret);
IMPORT(TYPES, "[method]incoming-request.consume") void req_consume(int32_t self, void *ret);
IMPORT(TYPES, "[resource-drop]incoming-request") void req_drop(int32_t self);
IMPORT(TYPES, "[method]incoming-body.stream") void in_body_stream(int32_t self, void *ret);
IMPORT(TYPES, "[static]incoming-body.finish") int32_t in_body_finish(int32_t self);
IMPORT(TYPES, "[resource-drop]future-trailers") void trailers_future_drop(int32_t self);
IMPORT(TYPES, "[method]future-trailers.get") void trailers_future_get(int32_t self, void *ret);
IMPORT(TYPES, "[method]fields.get")
void fields_get(int32_t self, const char *n, int32_t nl, void *ret);
IMPORT(TYPES, "[resource-drop]fields") void fields_drop(int32_t self);
IMPORT(TYPES, "[constructor]fields") int32_t fields_new(void);
IMPORT(TYPES, "[method]fields.append")
void fields_append(int32_t self, const char *n, int32_t nl, const char *v, int32_t vl, void *ret);
IMPORT(TYPES, "[constructor]outgoing-response") int32_t resp_new(int32_t headers);
IMPORT(TYPES, "[method]outgoing-response.set-status-code")
int32_t resp_set_status(int32_t self, int32_t status);
IMPORT(TYPES, "[method]outgoing-response.body") void resp_body(int32_t self, void *ret);
IMPORT(TYPES, "[method]outgoing-body.write") void out_body_write(int32_t self, void *ret);
IMPORT(TYPES, "[static]outgoing-body.finish")
void out_body_finish(int32_t self, int32_t has_trailers, int32_t trailers, void *ret);
// set(param, result<own<outgoing-response>, error-code>): the result flattens to a discriminant
// and error-code's seven slots (one an i64), the ok case's handle in the first.
IMPORT(TYPES, "[static]response-outparam.set")
void outparam_set(int32_t param, int32_t is_err, int32_t a, int32_t b, int64_t c, int32_t d,
                  int32_t e, int32_t f, int32_t g);

// wasi:io/streams
IMPORT(STREAMS, "[method]input-stream.blocking-read")
void in_read(int32_t self, int64_t len, void *ret);
IMPORT(STREAMS, "[resource-drop]input-stream") void in_drop(int32_t self);
IMPORT(STREAMS, "[method]output-stream.blocking-write-and-flush")
void out_write(int32_t self, const void *data, int32_t len, void *ret);
IMPORT(STREAMS, "[resource-drop]output-stream") void out_drop(int32_t self);

// fermyon:spin/key-value
IMPORT(SPIN_KV, "[static]store.open") void spin_open(const char *l, int32_t ll, void *ret);
IMPORT(SPIN_KV, "[method]store.get")
void spin_get(int32_t self, const char *k, int32_t kl, void *ret);
IMPORT(SPIN_KV, "[method]store.set")
void spin_set(int32_t self, const char *k, int32_t kl, const void *v, int32_t vl, void *ret);
IMPORT(SPIN_KV, "[method]store.delete")
void spin_delete(int32_t self, const char *k, int32_t kl, void *ret);
IMPORT(SPIN_KV, "[method]store.exists")
void spin_exists(int32_t self, const char *k, int32_t kl, void *ret);
IMPORT(SPIN_KV, "[method]store.get-keys") void spin_keys(int32_t self, void *ret);
IMPORT(SPIN_KV, "[resource-drop]store") void spin_drop(int32_t self);

// wasi:keyvalue/store, atomics, batch
IMPORT(WASI_KV, "open") void wasi_open(const char *l, int32_t ll, void *ret);
IMPORT(WASI_KV, "[method]bucket.get")
void wasi_get(int32_t self, const char *k, int32_t kl, void *ret);
IMPORT(WASI_KV, "[method]bucket.set")
void wasi_set(int32_t self, const char *k, int32_t kl, const void *v, int32_t vl, void *ret);
IMPORT(WASI_KV, "[method]bucket.delete")
void wasi_delete(int32_t self, const char *k, int32_t kl, void *ret);
IMPORT(WASI_KV, "[method]bucket.list-keys")
void wasi_list_keys(int32_t self, int32_t has_cursor, const char *c, int32_t cl, void *ret);
IMPORT(WASI_KV, "[resource-drop]bucket") void wasi_drop(int32_t self);
IMPORT(ATOMICS, "increment")
void wasi_increment(int32_t bucket, const char *k, int32_t kl, int64_t delta, void *ret);
IMPORT(ATOMICS, "[static]cas.new")
void cas_new(int32_t bucket, const char *k, int32_t kl, void *ret);
IMPORT(ATOMICS, "[method]cas.current") void cas_current(int32_t self, void *ret);
IMPORT(ATOMICS, "[resource-drop]cas") void cas_drop(int32_t self);
IMPORT(ATOMICS, "swap") void cas_swap(int32_t cas, const void *v, int32_t vl, void *ret);
IMPORT(BATCH, "get-many") void batch_get(int32_t bucket, const void *keys, int32_t n, void *ret);
IMPORT(BATCH, "set-many") void batch_set(int32_t bucket, const void *kvs, int32_t n, void *ret);

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t size) {
  (void)old_size;
  (void)align;
  if (size == 0) {
    return (void *)align;
  }
  void *p = realloc(old, size);
  if (!p) {
    __builtin_trap();
  }
  return p;
}

// A string or byte list as the ABI passes it.
typedef struct {
  char *ptr;
  int32_t len;
} bytes;

// A growable buffer.
typedef struct {
  char *data;
  size_t len, cap;
} buffer;

static void put(buffer *b, const void *data, size_t len) {
  if (b->len + len > b->cap) {
    b->cap = (b->len + len) * 2 + 64;
    b->data = cabi_realloc(b->data, 0, 1, b->cap);
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
}

static void puts_(buffer *b, const char *s) { put(b, s, strlen(s)); }

static void put_long(buffer *b, int64_t v) {
  char digits[24];
  int n = 0;
  uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
  do {
    digits[n++] = '0' + u % 10;
    u /= 10;
  } while (u);
  if (v < 0) {
    put(b, "-", 1);
  }
  while (n) {
    put(b, &digits[--n], 1);
  }
}

static int64_t parse_long(const char *s) {
  int negative = *s == '-';
  int64_t v = 0;
  for (s += negative; *s >= '0' && *s <= '9'; s++) {
    v = v * 10 + (*s - '0');
  }
  return negative ? -v : v;
}

// Returns the value of query parameter `name` in `query` (NUL-terminated, without '?'), or NULL.
static const char *param(const char *query, const char *name) {
  size_t n = strlen(name);
  for (const char *p = query; p && *p; p = strchr(p, '&') ? strchr(p, '&') + 1 : NULL) {
    if (strncmp(p, name, n) == 0 && p[n] == '=') {
      static char value[256];
      size_t i = 0;
      for (const char *v = p + n + 1; *v && *v != '&' && i < sizeof value - 1; v++) {
        value[i++] = *v;
      }
      value[i] = 0;
      return value;
    }
  }
  return NULL;
}

// --- the response --------------------------------------------------------------------------

typedef struct {
  int32_t response, body, stream;
} reply;

static void header(int32_t fields, const char *name, const char *value) {
  uint8_t ret[2];
  fields_append(fields, name, strlen(name), value, strlen(value), ret);
}

// Sets the outparam to a response with `status` and a content type, and opens its body stream.
static reply start(int32_t outparam, int32_t status, const char *type, const char *extra_header) {
  reply r;
  int32_t headers = fields_new();
  header(headers, "content-type", type);
  if (extra_header) {
    header(headers, extra_header, "yes");
  }
  r.response = resp_new(headers);
  resp_set_status(r.response, status);
  struct {
    uint8_t tag;
    int32_t handle;
  } ret;
  resp_body(r.response, &ret);
  r.body = ret.handle;
  out_body_write(r.body, &ret);
  r.stream = ret.handle;
  outparam_set(outparam, 0, r.response, 0, 0, 0, 0, 0, 0);
  return r;
}

// Writes `len` bytes, 4 KiB at a time (blocking-write-and-flush takes no more).
static void write_all(reply *r, const void *data, size_t len) {
  const char *p = data;
  while (len) {
    size_t n = len < 4096 ? len : 4096;
    struct {
      uint8_t tag;
      struct {
        uint8_t case_;
        int32_t handle;
      } error;  // stream-error: last-operation-failed(own<error>) or closed
    } ret;
    out_write(r->stream, p, n, &ret);
    if (ret.tag) {
      __builtin_trap();  // the client went away: nothing to answer
    }
    p += n;
    len -= n;
  }
}

// Ends the body, with the trailer `trailer` if set, and `trailer2` if set too.
static void finish2(reply *r, const char *trailer, const char *value, const char *trailer2,
                    const char *value2) {
  out_drop(r->stream);
  int32_t trailers = 0;
  if (trailer) {
    trailers = fields_new();
    header(trailers, trailer, value);
    if (trailer2) {
      header(trailers, trailer2, value2);
    }
  }
  uint64_t ret[8];
  out_body_finish(r->body, trailer != NULL, trailers, ret);
}

static void finish(reply *r, const char *trailer, const char *value) {
  finish2(r, trailer, value, NULL, NULL);
}

static void answer(int32_t outparam, int32_t status, const char *text, size_t len) {
  reply r = start(outparam, status, "text/plain", NULL);
  write_all(&r, text, len);
  finish(&r, NULL, NULL);
}

static void answer_buffer(int32_t outparam, int32_t status, buffer *b) {
  answer(outparam, status, b->data ? b->data : "", b->len);
  free(b->data);
}

// --- the request ---------------------------------------------------------------------------

static const char *METHODS[] = {"GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                "CONNECT", "OPTIONS", "TRACE", "PATCH"};

// Opens the request body's stream; *body gets the incoming-body to finish.
static int32_t body_stream(int32_t request, int32_t *body) {
  struct {
    uint8_t tag;
    int32_t handle;
  } ret;
  req_consume(request, &ret);
  *body = ret.handle;
  in_body_stream(*body, &ret);
  return ret.handle;
}

// Reads up to 64 KiB; returns the length, or -1 at the end of the stream.
static int32_t read_some(int32_t stream, bytes *out) {
  struct {
    uint8_t tag;
    bytes data;  // ok: the list; err: stream-error's tag and handle
  } ret;
  in_read(stream, 65536, &ret);
  if (ret.tag) {
    return -1;
  }
  *out = ret.data;
  return ret.data.len;
}

static void end_body(int32_t stream, int32_t body) {
  in_drop(stream);
  trailers_future_drop(in_body_finish(body));
}

// Ends the request body and returns its trailer `name` (NUL-terminated), or NULL. get's result,
// option<result<result<option<own<trailers>>, error-code>>>, is aligned to 8 (error-code holds a
// u64): some at 0, the outer ok at 8, the inner ok at 16, the option at 24, the handle at 28.
static char *end_body_with_trailer(int32_t stream, int32_t body, const char *name) {
  in_drop(stream);
  int32_t future = in_body_finish(body);
  uint64_t ret[8];
  trailers_future_get(future, ret);
  uint8_t *r = (uint8_t *)ret;
  char *value = NULL;
  if (r[0] == 1 && r[8] == 0 && r[16] == 0 && r[24] == 1) {
    int32_t trailers = *(int32_t *)(r + 28);
    bytes values;  // list<list<u8>>: the list's pointer and length
    fields_get(trailers, name, strlen(name), &values);
    if (values.len > 0) {
      bytes *first = (bytes *)values.ptr;
      value = calloc(1, first->len + 1);
      memcpy(value, first->ptr, first->len);
    }
    fields_drop(trailers);
  }
  trailers_future_drop(future);
  return value;
}

static buffer read_body(int32_t request) {
  buffer b = {0};
  int32_t body;
  int32_t stream = body_stream(request, &body);
  bytes chunk;
  while (read_some(stream, &chunk) >= 0) {
    put(&b, chunk.ptr, chunk.len);
    free(chunk.ptr);
  }
  end_body(stream, body);
  return b;
}

static void echo(int32_t request, int32_t outparam) {
  reply r = start(outparam, 200, "application/octet-stream", "x-echo");
  int32_t body;
  int32_t stream = body_stream(request, &body);
  bytes chunk;
  int64_t total = 0;
  while (read_some(stream, &chunk) >= 0) {
    write_all(&r, chunk.ptr, chunk.len);
    total += chunk.len;
    free(chunk.ptr);
  }
  char *checksum = end_body_with_trailer(stream, body, "x-checksum");
  buffer count = {0};
  put_long(&count, total);
  put(&count, "", 1);
  finish2(&r, "x-echo-bytes", count.data, checksum ? "x-request-checksum" : NULL, checksum);
  free(count.data);
  free(checksum);
}

static void big(int32_t outparam, int64_t n) {
  char block[4096];
  for (int i = 0; i < 4096; i++) {
    block[i] = 'a' + i % 26;
  }
  reply r = start(outparam, 200, "text/plain", NULL);
  while (n > 0) {
    size_t len = n < 4096 ? n : 4096;
    write_all(&r, block, len);
    n -= len;
  }
  finish(&r, NULL, NULL);
}

// --- key-value -------------------------------------------------------------------------------

// A store error: variant tag, then other(string). Spin's cases are store-table-full,
// no-such-store, access-denied, other; wasi:keyvalue's lack the first.
typedef struct {
  uint8_t tag;
  bytes other;
} kv_error;

static void kv_failed(int32_t outparam, const char *what, kv_error e, int spin) {
  int tag = spin ? e.tag : e.tag + 1;
  buffer b = {0};
  puts_(&b, what);
  puts_(&b, ": ");
  static const char *CASES[] = {"store-table-full", "no-such-store", "access-denied", "other"};
  puts_(&b, CASES[tag]);
  if (tag == 3) {
    puts_(&b, ": ");
    put(&b, e.other.ptr, e.other.len);
  }
  puts_(&b, "\n");
  answer_buffer(outparam, tag == 2 ? 403 : tag == 1 ? 404 : 500, &b);
}

static void key_value(int32_t request, int32_t outparam, const char *method, char *rest,
                      const char *query) {
  char *iface = rest;
  char *label = strchr(iface, '/');
  if (!label) {
    answer(outparam, 400, "no store label\n", 15);
    return;
  }
  *label++ = 0;
  char *key = strchr(label, '/');
  if (key) {
    *key++ = 0;
  }
  int spin = strcmp(iface, "spin") == 0;
  struct {
    uint8_t tag;
    union {
      int32_t handle;
      kv_error error;
    } u;
  } opened;
  if (spin) {
    spin_open(label, strlen(label), &opened);
  } else {
    wasi_open(label, strlen(label), &opened);
  }
  if (opened.tag) {
    kv_failed(outparam, "open", opened.u.error, spin);
    return;
  }
  int32_t store = opened.u.handle;
  struct {
    uint8_t tag;
    union {
      kv_error error;
      uint8_t flag;
      struct {
        uint8_t some;
        bytes value;
      } option;
      bytes list;
    } u;
  } ret;
  if (strcmp(iface, "batch") == 0) {
    buffer in = read_body(request);
    put(&in, "", 1);
    bytes keys[64];
    struct {
      bytes key, value;
    } pairs[64];
    int n = 0;
    for (char *line = in.data; *line && n < 64;) {
      char *end = strchr(line, '\n');
      if (end) {
        *end = 0;
      }
      char *eq = strchr(line, '=');
      if (eq) {
        *eq = 0;
        keys[n] = (bytes){line, strlen(line)};
        pairs[n].key = keys[n];
        pairs[n].value = (bytes){eq + 1, strlen(eq + 1)};
        n++;
      }
      line = end ? end + 1 : line + strlen(line);
    }
    batch_set(store, pairs, n, &ret);
    if (ret.tag) {
      kv_failed(outparam, "set-many", ret.u.error, 0);
      return;
    }
    batch_get(store, keys, n, &ret);
    if (ret.tag) {
      kv_failed(outparam, "get-many", ret.u.error, 0);
      return;
    }
    // list<tuple<string, option<list<u8>>>>: each 20 bytes (string, tag, list).
    struct {
      bytes key;
      uint8_t some;
      bytes value;
    } *got = (void *)ret.u.list.ptr;
    buffer out = {0};
    for (int i = 0; i < ret.u.list.len; i++) {
      put(&out, got[i].key.ptr, got[i].key.len);
      puts_(&out, got[i].some ? "=" : " absent");
      if (got[i].some) {
        put(&out, got[i].value.ptr, got[i].value.len);
      }
      puts_(&out, "\n");
    }
    answer_buffer(outparam, 200, &out);
    wasi_drop(store);
    return;
  }
  if (!key) {
    buffer out = {0};
    if (spin) {
      spin_keys(store, &ret);
      if (ret.tag) {
        kv_failed(outparam, "get-keys", ret.u.error, 1);
        return;
      }
      bytes *keys = (bytes *)ret.u.list.ptr;
      for (int i = 0; i < ret.u.list.len; i++) {
        put(&out, keys[i].ptr, keys[i].len);
        puts_(&out, "\n");
      }
    } else {
      // key-response { keys: list<string>, cursor: option<string> }, paged by the host.
      int has_cursor = 0;
      bytes cursor = {0};
      do {
        struct {
          uint8_t tag;
          union {
            kv_error error;
            struct {
              bytes keys;
              uint8_t has_cursor;
              bytes cursor;
            } page;
          } u;
        } page;
        wasi_list_keys(store, has_cursor, cursor.ptr, cursor.len, &page);
        if (page.tag) {
          kv_failed(outparam, "list-keys", page.u.error, 0);
          return;
        }
        bytes *keys = (bytes *)page.u.page.keys.ptr;
        for (int i = 0; i < page.u.page.keys.len; i++) {
          put(&out, keys[i].ptr, keys[i].len);
          puts_(&out, "\n");
        }
        has_cursor = page.u.page.has_cursor;
        cursor = page.u.page.cursor;
      } while (has_cursor);
    }
    answer_buffer(outparam, 200, &out);
  } else if (strcmp(method, "GET") == 0) {
    if (spin) {
      spin_get(store, key, strlen(key), &ret);
    } else {
      wasi_get(store, key, strlen(key), &ret);
    }
    if (ret.tag) {
      kv_failed(outparam, "get", ret.u.error, spin);
    } else if (!ret.u.option.some) {
      answer(outparam, 404, "no such key\n", 12);
    } else {
      answer(outparam, 200, ret.u.option.value.ptr, ret.u.option.value.len);
    }
  } else if (strcmp(method, "PUT") == 0 && strcmp(iface, "cas") == 0) {
    buffer in = read_body(request);
    const char *expect = param(query, "expect");
    struct {
      uint8_t tag;
      union {
        int32_t handle;
        kv_error error;
      } u;
    } made;
    cas_new(store, key, strlen(key), &made);
    if (made.tag) {
      kv_failed(outparam, "cas.new", made.u.error, 0);
      return;
    }
    cas_current(made.u.handle, &ret);
    int matches = !ret.tag && ret.u.option.some && expect &&
                  (size_t)ret.u.option.value.len == strlen(expect) &&
                  memcmp(ret.u.option.value.ptr, expect, strlen(expect)) == 0;
    if (!matches) {
      cas_drop(made.u.handle);
      answer(outparam, 409, "the value is not the one expected\n", 34);
    } else {
      // result<_, cas-error>: cas-error is store-error(error) or cas-failed(own<cas>).
      struct {
        uint8_t tag;
        struct {
          uint8_t case_;
          union {
            int32_t cas;
            kv_error error;
          } u;
        } e;
      } swapped;
      cas_swap(made.u.handle, in.data, in.len, &swapped);
      if (swapped.tag && swapped.e.case_ == 1) {
        cas_drop(swapped.e.u.cas);
        answer(outparam, 409, "changed meanwhile\n", 18);
      } else {
        answer(outparam, swapped.tag ? 500 : 200, "swapped\n", 8);
      }
    }
    free(in.data);
  } else if (strcmp(method, "PUT") == 0) {
    buffer in = read_body(request);
    if (spin) {
      spin_set(store, key, strlen(key), in.data, in.len, &ret);
    } else {
      wasi_set(store, key, strlen(key), in.data, in.len, &ret);
    }
    free(in.data);
    if (ret.tag) {
      kv_failed(outparam, "set", ret.u.error, spin);
    } else {
      answer(outparam, 201, "stored\n", 7);
    }
  } else if (strcmp(method, "DELETE") == 0) {
    if (spin) {
      spin_exists(store, key, strlen(key), &ret);
    }
    int existed = spin && !ret.tag && ret.u.flag;
    if (spin) {
      spin_delete(store, key, strlen(key), &ret);
    } else {
      wasi_delete(store, key, strlen(key), &ret);
    }
    if (ret.tag) {
      kv_failed(outparam, "delete", ret.u.error, spin);
    } else {
      answer(outparam, 200, existed ? "deleted\n" : "gone\n", existed ? 8 : 5);
    }
  } else if (strcmp(method, "POST") == 0 && param(query, "add")) {
    struct {
      uint8_t tag;
      union {
        int64_t value;
        kv_error error;
      } u;
    } added;
    wasi_increment(store, key, strlen(key), parse_long(param(query, "add")), &added);
    if (added.tag) {
      kv_failed(outparam, "increment", added.u.error, 0);
    } else {
      buffer out = {0};
      put_long(&out, added.u.value);
      puts_(&out, "\n");
      answer_buffer(outparam, 200, &out);
    }
  } else {
    answer(outparam, 405, "method not allowed\n", 19);
  }
  if (spin) {
    spin_drop(store);
  } else {
    wasi_drop(store);
  }
}

// --- the handler ---------------------------------------------------------------------------

__attribute__((export_name("wasi:http/incoming-handler@0.2.0#handle")))
void handle(int32_t request, int32_t outparam) {
  struct {
    uint8_t tag;
    bytes other;
  } m;
  req_method(request, &m);
  char method[32];
  if (m.tag < 9) {
    strcpy(method, METHODS[m.tag]);
  } else {
    size_t n = m.other.len < 31 ? m.other.len : 31;
    memcpy(method, m.other.ptr, n);
    method[n] = 0;
  }
  struct {
    uint8_t some;
    bytes path;
  } p;
  req_path(request, &p);
  char *path = calloc(1, p.some ? p.path.len + 1 : 2);
  if (p.some) {
    memcpy(path, p.path.ptr, p.path.len);
  } else {
    path[0] = '/';
  }
  char *query = strchr(path, '?');
  const char *q = "";
  if (query) {
    *query = 0;
    q = query + 1;
  }
  if (strcmp(path, "/echo") == 0) {
    echo(request, outparam);
  } else if (strcmp(path, "/big") == 0) {
    big(outparam, param(q, "n") ? parse_long(param(q, "n")) : 0);
  } else if (strcmp(path, "/trap") == 0) {
    __builtin_trap();
  } else if (strcmp(path, "/status") == 0) {
    answer(outparam, param(q, "code") ? parse_long(param(q, "code")) : 200, "status\n", 7);
  } else if (strstr(path, "/kv/")) {
    key_value(request, outparam, method, strstr(path, "/kv/") + 4, q);
  } else {
    buffer b = {0};
    puts_(&b, "hello from C: ");
    puts_(&b, method);
    puts_(&b, " ");
    put(&b, p.some ? p.path.ptr : "/", p.some ? p.path.len : 1);
    puts_(&b, "\n");
    answer_buffer(outparam, 200, &b);
  }
  free(path);
  req_drop(request);
}
