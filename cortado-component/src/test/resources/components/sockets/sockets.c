// A wasi:sockets client and server written against the component model's canonical ABI by hand:
// no bindings generator, no adapter for sockets. Each import is declared with its module
// (interface) and name, and called with the core signature the ABI flattens its type to: resources
// are i32 handles, an ip-socket-address is 12 i32s, and results that do not fit one value are
// written to a return area whose layout is spelled out below.
//
// Usage: sockets ECHO_PORT LISTEN_PORT UDP_PORT DENIED_PORT
//   connects to a TCP echo server on 127.0.0.1:ECHO_PORT and reads back what it wrote; listens
//   on 127.0.0.1:LISTEN_PORT and answers one connection; sends a datagram to 127.0.0.1:UDP_PORT
//   and receives the answer; then tries what its policy denies (127.0.0.1:DENIED_PORT) and
//   misuses the socket state machine. Prints one line per step; exits 1 at the first surprise.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))
#define TCP "wasi:sockets/tcp@0.2.0"
#define UDP "wasi:sockets/udp@0.2.0"
#define STREAMS "wasi:io/streams@0.2.0"
#define POLL "wasi:io/poll@0.2.0"
#define ADDR int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, \
             int32_t, int32_t, int32_t
#define FLAT(a) a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]

// wasi:sockets/network, instance-network
IMPORT("wasi:sockets/instance-network@0.2.0", "instance-network") int32_t instance_network(void);
IMPORT("wasi:sockets/network@0.2.0", "[resource-drop]network") void network_drop(int32_t);

// wasi:sockets/ip-name-lookup
IMPORT("wasi:sockets/ip-name-lookup@0.2.0", "resolve-addresses")
void resolve_addresses(int32_t network, const char *name, int32_t len, void *ret);
IMPORT("wasi:sockets/ip-name-lookup@0.2.0", "[method]resolve-address-stream.resolve-next-address")
void resolve_next_address(int32_t self, void *ret);
IMPORT("wasi:sockets/ip-name-lookup@0.2.0", "[method]resolve-address-stream.subscribe")
int32_t resolve_subscribe(int32_t self);
IMPORT("wasi:sockets/ip-name-lookup@0.2.0", "[resource-drop]resolve-address-stream")
void resolve_drop(int32_t self);

// wasi:sockets/tcp, tcp-create-socket
IMPORT("wasi:sockets/tcp-create-socket@0.2.0", "create-tcp-socket")
void tcp_create(int32_t family, void *ret);
IMPORT(TCP, "[method]tcp-socket.start-bind")
void tcp_start_bind(int32_t self, int32_t network, ADDR, void *ret);
IMPORT(TCP, "[method]tcp-socket.finish-bind") void tcp_finish_bind(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.start-connect")
void tcp_start_connect(int32_t self, int32_t network, ADDR, void *ret);
IMPORT(TCP, "[method]tcp-socket.finish-connect") void tcp_finish_connect(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.start-listen") void tcp_start_listen(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.finish-listen") void tcp_finish_listen(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.accept") void tcp_accept(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.local-address") void tcp_local_address(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.remote-address") void tcp_remote_address(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.is-listening") int32_t tcp_is_listening(int32_t self);
IMPORT(TCP, "[method]tcp-socket.set-keep-alive-enabled")
void tcp_set_keep_alive(int32_t self, int32_t value, void *ret);
IMPORT(TCP, "[method]tcp-socket.keep-alive-enabled") void tcp_keep_alive(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.set-keep-alive-idle-time")
void tcp_set_keep_alive_idle(int32_t self, int64_t nanos, void *ret);
IMPORT(TCP, "[method]tcp-socket.keep-alive-idle-time")
void tcp_keep_alive_idle(int32_t self, void *ret);
IMPORT(TCP, "[method]tcp-socket.subscribe") int32_t tcp_subscribe(int32_t self);
IMPORT(TCP, "[method]tcp-socket.shutdown") void tcp_shutdown(int32_t self, int32_t how, void *ret);
IMPORT(TCP, "[resource-drop]tcp-socket") void tcp_drop(int32_t self);

// wasi:sockets/udp, udp-create-socket
IMPORT("wasi:sockets/udp-create-socket@0.2.0", "create-udp-socket")
void udp_create(int32_t family, void *ret);
IMPORT(UDP, "[method]udp-socket.start-bind")
void udp_start_bind(int32_t self, int32_t network, ADDR, void *ret);
IMPORT(UDP, "[method]udp-socket.finish-bind") void udp_finish_bind(int32_t self, void *ret);
IMPORT(UDP, "[method]udp-socket.local-address") void udp_local_address(int32_t self, void *ret);
IMPORT(UDP, "[method]udp-socket.stream")
void udp_stream(int32_t self, int32_t is_some, ADDR, void *ret);
IMPORT(UDP, "[method]incoming-datagram-stream.receive")
void udp_receive(int32_t self, int64_t max, void *ret);
IMPORT(UDP, "[method]incoming-datagram-stream.subscribe") int32_t udp_in_subscribe(int32_t self);
IMPORT(UDP, "[method]outgoing-datagram-stream.check-send")
void udp_check_send(int32_t self, void *ret);
IMPORT(UDP, "[method]outgoing-datagram-stream.send")
void udp_send(int32_t self, const void *datagrams, int32_t count, void *ret);
IMPORT(UDP, "[resource-drop]udp-socket") void udp_drop(int32_t);
IMPORT(UDP, "[resource-drop]incoming-datagram-stream") void udp_in_drop(int32_t);
IMPORT(UDP, "[resource-drop]outgoing-datagram-stream") void udp_out_drop(int32_t);

// wasi:io/poll, streams
IMPORT(POLL, "[method]pollable.block") void pollable_block(int32_t self);
IMPORT(POLL, "[method]pollable.ready") int32_t pollable_ready(int32_t self);
IMPORT(POLL, "poll") void poll_list(const int32_t *pollables, int32_t count, void *ret);
IMPORT(POLL, "[resource-drop]pollable") void pollable_drop(int32_t);
IMPORT(STREAMS, "[method]input-stream.read")
void stream_read(int32_t self, int64_t len, void *ret);
IMPORT(STREAMS, "[method]input-stream.subscribe") int32_t input_subscribe(int32_t self);
IMPORT(STREAMS, "[method]output-stream.check-write") void check_write(int32_t self, void *ret);
IMPORT(STREAMS, "[method]output-stream.write")
void stream_write(int32_t self, const void *bytes, int32_t len, void *ret);
IMPORT(STREAMS, "[method]output-stream.blocking-flush") void blocking_flush(int32_t self, void *ret);
IMPORT(STREAMS, "[method]output-stream.subscribe") int32_t output_subscribe(int32_t self);
IMPORT(STREAMS, "[resource-drop]input-stream") void input_drop(int32_t);
IMPORT(STREAMS, "[resource-drop]output-stream") void output_drop(int32_t);

// Lists and strings the host returns are allocated here.
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  if (new_size == 0) {
    return (void *)align;
  }
  void *p = realloc(old, new_size);
  if (p == NULL) {
    abort();
  }
  return p;
}

static const char *const ERRORS[] = {
    "unknown", "access-denied", "not-supported", "invalid-argument", "out-of-memory", "timeout",
    "concurrency-conflict", "not-in-progress", "would-block", "invalid-state", "new-socket-limit",
    "address-not-bindable", "address-in-use", "remote-unreachable", "connection-refused",
    "connection-reset", "connection-aborted", "datagram-too-large", "name-unresolvable",
    "temporary-resolver-failure", "permanent-resolver-failure"};

// A return area: the largest result here is 36 bytes; 8-aligned for results holding a u64.
typedef struct {
  _Alignas(8) uint8_t b[64];
} ret_t;

static int32_t i32_at(const ret_t *r, int offset) {
  int32_t v;
  memcpy(&v, r->b + offset, 4);
  return v;
}

static uint64_t u64_at(const ret_t *r, int offset) {
  uint64_t v;
  memcpy(&v, r->b + offset, 8);
  return v;
}

// result<T, error-code>: byte 0 is 0 for ok, 1 for error; the payload, T or the error-code enum,
// follows at T's alignment: byte 1 when T is nothing or a bool (UNIT), 4 for handles and addresses
// (WORD), 8 for a u64 (U64), 2 for an option<ip-address> (HALF).
enum { UNIT = 1, HALF = 2, WORD = 4, U64 = 8 };
static int failed(const ret_t *r) { return r->b[0] != 0; }
static const char *error_name(const ret_t *r, int at) { return ERRORS[r->b[at]]; }

static void fail(const char *what, const char *why) {
  printf("FAILED %s: %s\n", what, why);
  fflush(stdout);
  exit(1);
}

// Expects ok; the error's name otherwise.
static void ok(const char *what, const ret_t *r, int at) {
  if (failed(r)) {
    fail(what, error_name(r, at));
  }
}

// Expects the error `expected`, and prints it.
static void expect_error(const char *what, const ret_t *r, int at, const char *expected) {
  if (!failed(r)) {
    fail(what, "succeeded");
  }
  if (strcmp(error_name(r, at), expected) != 0) {
    fail(what, error_name(r, at));
  }
  printf("%s: %s\n", what, expected);
}

// ip-socket-address, flattened: case 0 (ipv4) with port and four octets, padded to 12 values.
static void ipv4(int32_t out[12], int a, int b, int c, int d, int port) {
  memset(out, 0, 12 * sizeof(int32_t));
  out[1] = port;
  out[2] = a;
  out[3] = b;
  out[4] = c;
  out[5] = d;
}

// An ip-socket-address in memory: byte 0 the case, the record from byte 4 (port first, u16).
static int port_in_memory(const uint8_t *address) {
  uint16_t port;
  memcpy(&port, address + 4, 2);
  return port;
}

static void wait_for(int32_t pollable) {
  pollable_block(pollable);
  pollable_drop(pollable);
}

// Writes all of `text` through check-write, write and blocking-flush.
static void write_all(int32_t out, const char *text) {
  size_t len = strlen(text);
  size_t done = 0;
  ret_t r;
  while (done < len) {
    check_write(out, &r);
    if (r.b[0] != 0) {
      fail("check-write", "stream error");
    }
    uint64_t room = u64_at(&r, 8);
    if (room == 0) {
      wait_for(output_subscribe(out));
      continue;
    }
    size_t n = len - done < room ? len - done : (size_t)room;
    stream_write(out, text + done, (int32_t)n, &r);
    if (r.b[0] != 0) {
      fail("write", "stream error");
    }
    done += n;
  }
  blocking_flush(out, &r);
  if (r.b[0] != 0) {
    fail("blocking-flush", "stream error");
  }
}

// Reads until `want` bytes came or the stream closed, waiting on the stream's pollable; returns
// how many came.
static size_t read_exactly(int32_t in, char *buf, size_t want) {
  size_t got = 0;
  ret_t r;
  while (got < want) {
    stream_read(in, (int64_t)(want - got), &r);
    if (r.b[0] != 0) {
      break;  // stream-error: closed, or failed
    }
    uint8_t *data = (uint8_t *)(uintptr_t)i32_at(&r, 4);
    int32_t n = i32_at(&r, 8);
    if (n == 0) {
      wait_for(input_subscribe(in));
      continue;
    }
    memcpy(buf + got, data, (size_t)n);
    free(data);
    got += (size_t)n;
  }
  buf[got] = 0;
  return got;
}

static int32_t new_tcp(void) {
  ret_t r;
  tcp_create(0, &r);
  ok("create-tcp-socket", &r, WORD);
  return i32_at(&r, 4);
}

static void tcp_echo(int32_t net, int port) {
  int32_t sock = new_tcp();
  int32_t addr[12];
  ipv4(addr, 127, 0, 0, 1, port);
  ret_t r;
  tcp_start_connect(sock, net, FLAT(addr), &r);
  ok("start-connect", &r, UNIT);
  int32_t ready = tcp_subscribe(sock);
  while (1) {
    tcp_finish_connect(sock, &r);
    if (!failed(&r)) {
      break;
    }
    if (strcmp(error_name(&r, WORD), "would-block") != 0) {
      fail("finish-connect", error_name(&r, WORD));
    }
    pollable_block(ready);
  }
  pollable_drop(ready);
  int32_t in = i32_at(&r, 4);
  int32_t out = i32_at(&r, 8);
  tcp_remote_address(sock, &r);
  ok("remote-address", &r, WORD);
  printf("tcp connected to port %d\n", port_in_memory(r.b + 4));

  const char *message = "hello, sockets";
  write_all(out, message);
  char echoed[64];
  size_t n = read_exactly(in, echoed, strlen(message));
  printf("tcp echo: %.*s\n", (int)n, echoed);
  tcp_shutdown(sock, 1, &r);  // send: the server sees the end and closes
  ok("shutdown", &r, UNIT);
  n = read_exactly(in, echoed, 1);
  printf("tcp end of stream after shutdown: %s\n", n == 0 ? "yes" : "no");
  input_drop(in);
  output_drop(out);
  tcp_drop(sock);
}

static void tcp_server(int32_t net, int port) {
  int32_t sock = new_tcp();
  ret_t r;
  tcp_start_listen(sock, &r);
  expect_error("listen before bind", &r, UNIT, "invalid-state");
  tcp_finish_bind(sock, &r);
  expect_error("finish-bind before start-bind", &r, UNIT, "not-in-progress");
  int32_t addr[12];
  ipv4(addr, 127, 0, 0, 1, port);
  tcp_start_bind(sock, net, FLAT(addr), &r);
  ok("start-bind", &r, UNIT);
  tcp_finish_bind(sock, &r);
  ok("finish-bind", &r, UNIT);
  tcp_start_bind(sock, net, FLAT(addr), &r);
  expect_error("bind twice", &r, UNIT, "invalid-state");
  tcp_set_keep_alive(sock, 1, &r);
  ok("set-keep-alive-enabled", &r, UNIT);
  tcp_set_keep_alive_idle(sock, 1500000000, &r);
  ok("set-keep-alive-idle-time", &r, UNIT);
  tcp_keep_alive_idle(sock, &r);
  ok("keep-alive-idle-time", &r, U64);
  printf("keep-alive idle time 1.5 s reads back as %llu ns\n", (unsigned long long)u64_at(&r, 8));
  tcp_start_listen(sock, &r);
  ok("start-listen", &r, UNIT);
  tcp_finish_listen(sock, &r);
  ok("finish-listen", &r, UNIT);
  tcp_local_address(sock, &r);
  ok("local-address", &r, WORD);
  printf("tcp listening on port %d: %s\n", port_in_memory(r.b + 4),
         tcp_is_listening(sock) ? "yes" : "no");
  fflush(stdout);

  // Wait for the test's connection through poll, with the socket's pollable.
  int32_t ready = tcp_subscribe(sock);
  tcp_accept(sock, &r);
  while (failed(&r) && strcmp(error_name(&r, WORD), "would-block") == 0) {
    poll_list(&ready, 1, &r);
    free((void *)(uintptr_t)i32_at(&r, 0));
    tcp_accept(sock, &r);
  }
  ok("accept", &r, WORD);
  pollable_drop(ready);
  int32_t client = i32_at(&r, 4);
  int32_t in = i32_at(&r, 8);
  int32_t out = i32_at(&r, 12);
  tcp_keep_alive(client, &r);
  ok("keep-alive-enabled", &r, UNIT);
  printf("tcp accepted, keep-alive inherited: %s\n", r.b[1] ? "yes" : "no");
  char question[16];
  read_exactly(in, question, 4);
  printf("tcp server read: %s\n", question);
  write_all(out, "pong");
  input_drop(in);
  output_drop(out);
  tcp_drop(client);
  tcp_drop(sock);
}

static void udp_exchange(int32_t net, int port) {
  ret_t r;
  udp_create(0, &r);
  ok("create-udp-socket", &r, WORD);
  int32_t sock = i32_at(&r, 4);
  int32_t addr[12];
  ipv4(addr, 127, 0, 0, 1, port);
  udp_stream(sock, 1, FLAT(addr), &r);
  expect_error("udp stream before bind", &r, WORD, "invalid-state");
  int32_t any[12];
  ipv4(any, 127, 0, 0, 1, 0);
  udp_start_bind(sock, net, FLAT(any), &r);
  ok("udp start-bind", &r, UNIT);
  udp_finish_bind(sock, &r);
  ok("udp finish-bind", &r, UNIT);
  udp_local_address(sock, &r);
  ok("udp local-address", &r, WORD);
  printf("udp bound to an ephemeral port: %s\n", port_in_memory(r.b + 4) != 0 ? "yes" : "no");
  int32_t none[12] = {0};
  udp_stream(sock, 0, FLAT(none), &r);
  ok("udp stream", &r, WORD);
  int32_t incoming = i32_at(&r, 4);
  int32_t outgoing = i32_at(&r, 8);

  // outgoing-datagram: data (pointer, length) at 0, option<ip-socket-address> at 8 (its case at 8,
  // the address at 12: case 0, port at 16, octets at 18).
  _Alignas(4) uint8_t datagram[44] = {0};
  const char *payload = "datagram";
  int32_t ptr = (int32_t)(uintptr_t)payload;
  int32_t len = (int32_t)strlen(payload);
  memcpy(datagram, &ptr, 4);
  memcpy(datagram + 4, &len, 4);
  datagram[8] = 1;
  datagram[12] = 0;
  uint16_t p = (uint16_t)port;
  memcpy(datagram + 16, &p, 2);
  datagram[18] = 127;
  datagram[21] = 1;
  udp_check_send(outgoing, &r);
  ok("check-send", &r, U64);
  if (u64_at(&r, 8) < 1) {
    fail("check-send", "no room for one datagram");
  }
  udp_send(outgoing, datagram, 1, &r);
  ok("send", &r, U64);
  printf("udp sent %d datagram\n", (int)u64_at(&r, 8));

  int32_t ready = udp_in_subscribe(incoming);
  while (1) {
    udp_receive(incoming, 4, &r);
    ok("receive", &r, WORD);
    if (i32_at(&r, 8) > 0) {
      break;
    }
    pollable_block(ready);
  }
  pollable_drop(ready);
  // incoming-datagram: data (pointer, length) at 0, ip-socket-address at 8 (port at 12).
  uint8_t *list = (uint8_t *)(uintptr_t)i32_at(&r, 4);
  int32_t data_ptr;
  int32_t data_len;
  memcpy(&data_ptr, list, 4);
  memcpy(&data_len, list + 4, 4);
  printf("udp received \"%.*s\" from port %d\n", (int)data_len, (char *)(uintptr_t)data_ptr,
         port_in_memory(list + 8));
  free((void *)(uintptr_t)data_ptr);
  free(list);

  udp_check_send(outgoing, &r);
  ok("check-send", &r, U64);
  ipv4(addr, 127, 0, 0, 1, 9);  // a port the policy does not grant
  p = 9;
  memcpy(datagram + 16, &p, 2);
  udp_send(outgoing, datagram, 1, &r);
  expect_error("udp send to a denied address", &r, U64, "access-denied");
  udp_in_drop(incoming);
  udp_out_drop(outgoing);
  udp_drop(sock);
}

static void denied(int32_t net, int port) {
  int32_t sock = new_tcp();
  int32_t addr[12];
  ipv4(addr, 127, 0, 0, 1, port);
  ret_t r;
  tcp_start_connect(sock, net, FLAT(addr), &r);
  expect_error("connect to a denied address", &r, UNIT, "access-denied");
  tcp_start_bind(sock, net, FLAT(addr), &r);
  expect_error("bind to a denied address", &r, UNIT, "access-denied");
  ipv4(addr, 0, 0, 0, 0, port);
  tcp_start_connect(sock, net, FLAT(addr), &r);
  expect_error("connect to 0.0.0.0", &r, UNIT, "invalid-argument");
  tcp_finish_connect(sock, &r);
  expect_error("finish-connect without start", &r, WORD, "not-in-progress");
  tcp_drop(sock);
  resolve_addresses(net, "10.0.0.1", 8, &r);
  ok("resolve-addresses", &r, WORD);
  int32_t lookup = i32_at(&r, 4);
  wait_for(resolve_subscribe(lookup));
  resolve_next_address(lookup, &r);
  expect_error("name lookup of an address no grant covers", &r, HALF, "access-denied");
  resolve_drop(lookup);
}

// Prints the addresses `name` resolves to: result<option<ip-address>, error-code> has the option's
// case at 2, the ip-address's case at 4 and its parts from 6 (u8s for IPv4, u16s for IPv6).
static void lookup(int32_t net, const char *name) {
  ret_t r;
  resolve_addresses(net, name, (int32_t)strlen(name), &r);
  ok("resolve-addresses", &r, WORD);
  int32_t stream = i32_at(&r, 4);
  wait_for(resolve_subscribe(stream));
  printf("name lookup of %s:", name);
  while (1) {
    resolve_next_address(stream, &r);
    ok("resolve-next-address", &r, HALF);
    if (r.b[2] == 0) {
      break;
    }
    if (r.b[4] == 0) {
      printf(" %d.%d.%d.%d", r.b[6], r.b[7], r.b[8], r.b[9]);
    } else {
      printf(" (an IPv6 address)");
    }
  }
  printf("\n");
  resolve_drop(stream);
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: sockets ECHO_PORT LISTEN_PORT UDP_PORT DENIED_PORT\n");
    return 2;
  }
  int32_t net = instance_network();
  tcp_echo(net, atoi(argv[1]));
  tcp_server(net, atoi(argv[2]));
  udp_exchange(net, atoi(argv[3]));
  lookup(net, "localhost");
  denied(net, atoi(argv[4]));
  network_drop(net);
  printf("done\n");
  return 0;
}
