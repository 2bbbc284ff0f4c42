/*
 * A bytecode interpreter in threaded code: each handler ends by tail-calling the next one
 * (musttail), which clang turns into WebAssembly tail calls (return_call_indirect) with
 * -mtail-call. Millions of steps run in constant stack only if tail calls do.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Unsigned 32-bit arithmetic: it wraps the same on every target. */
typedef struct vm {
  uint32_t acc;
  uint32_t r[4];
  const unsigned char *code;
  uint32_t steps;
} vm;

typedef uint32_t (*handler)(vm *v, const unsigned char *pc);

static handler table[8];

#define NEXT(v, pc) __attribute__((musttail)) return table[*(pc)](v, pc)

static uint32_t op_add(vm *v, const unsigned char *pc) {
  v->acc += v->r[pc[1] & 3];
  v->steps++;
  pc += 2;
  NEXT(v, pc);
}

static uint32_t op_mul(vm *v, const unsigned char *pc) {
  v->acc = v->acc * 3 + 1;
  v->steps++;
  pc += 1;
  NEXT(v, pc);
}

static uint32_t op_xor(vm *v, const unsigned char *pc) {
  v->r[pc[1] & 3] ^= v->acc;
  v->steps++;
  pc += 2;
  NEXT(v, pc);
}

static uint32_t op_shr(vm *v, const unsigned char *pc) {
  v->acc >>= 1;
  v->steps++;
  pc += 1;
  NEXT(v, pc);
}

static uint32_t op_dec(vm *v, const unsigned char *pc) {
  v->r[0]--;
  v->steps++;
  pc += 1;
  NEXT(v, pc);
}

static uint32_t op_jnz(vm *v, const unsigned char *pc) {
  v->steps++;
  pc = v->r[0] != 0 ? v->code : pc + 1;
  NEXT(v, pc);
}

static uint32_t op_halt(vm *v, const unsigned char *pc) {
  (void)pc;
  return v->acc ^ v->steps;
}

int main(int argc, char **argv) {
  uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 1000;
  table[0] = op_add;
  table[1] = op_mul;
  table[2] = op_xor;
  table[3] = op_shr;
  table[4] = op_dec;
  table[5] = op_jnz;
  table[6] = op_halt;
  static const unsigned char prog[] = {0, 1, 1, 2, 2, 3, 0, 3, 4, 5, 6};
  vm v = {.acc = 7, .r = {n, 3, 5, 9}, .code = prog, .steps = 0};
  uint32_t result = table[prog[0]](&v, prog);
  printf("%" PRIu32 " %" PRIu32 "\n", result, v.steps);
  return 0;
}
