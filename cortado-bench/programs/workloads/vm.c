// A small stack-based bytecode virtual machine (written here, in the style of a Forth or Lua
// core): a switch dispatch loop running hand-assembled bytecode for recursive Fibonacci and a
// sieve of Eratosthenes. The interpreter-in-an-interpreter case: an indirect-branch-heavy loop.
// Usage: vm [fib-n] [sieve-n]; prints both results.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PUSH, ADD, SUB, LT, JZ, JNZ, JMP, CALL, RET, ENTER, LOCAL, SETLOCAL, GET, PUT, HALT };

static int32_t code[256];
static int pc_end;
static int32_t *heap;

static void emit(int32_t x) { code[pc_end++] = x; }

static int64_t run(int entry, int32_t arg) {
  int64_t stack[4096];
  int32_t rets[1024];
  int fps[1024];
  int sp = 0, fp = 0, rsp = 0, pc = entry;
  stack[sp++] = arg;
  rets[rsp] = -1;
  fps[rsp++] = 0;
  for (;;) {
    switch (code[pc++]) {
      case PUSH: stack[sp++] = code[pc++]; break;
      case ADD: sp--, stack[sp - 1] += stack[sp]; break;
      case SUB: sp--, stack[sp - 1] -= stack[sp]; break;
      case LT: sp--, stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
      case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
      case JNZ: pc = stack[--sp] != 0 ? code[pc] : pc + 1; break;
      case JMP: pc = code[pc]; break;
      case CALL: {
        int nargs = code[pc + 1];
        rets[rsp] = pc + 2;
        fps[rsp++] = fp;
        fp = sp - nargs;
        pc = code[pc];
        break;
      }
      case RET: {
        int64_t result = stack[sp - 1];
        sp = fp;
        stack[sp++] = result;
        rsp--;
        fp = fps[rsp];
        pc = rets[rsp];
        if (pc < 0) return result;
        break;
      }
      case ENTER: for (int i = code[pc++]; i > 0; i--) stack[sp++] = 0; break;
      case LOCAL: stack[sp++] = stack[fp + code[pc++]]; break;
      case SETLOCAL: stack[fp + code[pc++]] = stack[--sp]; break;
      case GET: stack[sp - 1] = heap[stack[sp - 1]]; break;
      case PUT: sp -= 2, heap[stack[sp]] = (int32_t)stack[sp + 1]; break;
      case HALT: return stack[sp - 1];
      default: fprintf(stderr, "bad opcode at %d\n", pc - 1); exit(2);
    }
  }
}

// fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
static int assemble_fib(void) {
  int fib = pc_end;
  emit(LOCAL), emit(0), emit(PUSH), emit(2), emit(LT), emit(JZ);
  int patch = pc_end;
  emit(0);
  emit(LOCAL), emit(0), emit(RET);
  code[patch] = pc_end;
  emit(LOCAL), emit(0), emit(PUSH), emit(1), emit(SUB), emit(CALL), emit(fib), emit(1);
  emit(LOCAL), emit(0), emit(PUSH), emit(2), emit(SUB), emit(CALL), emit(fib), emit(1);
  emit(ADD), emit(RET);
  return fib;
}

// sieve(n): locals 0 = n, 1 = i, 2 = j, 3 = count; heap[k] != 0 marks k composite.
static int assemble_sieve(void) {
  int sieve = pc_end;
  emit(ENTER), emit(3), emit(PUSH), emit(2), emit(SETLOCAL), emit(1);
  int outer = pc_end;
  emit(LOCAL), emit(1), emit(LOCAL), emit(0), emit(LT), emit(JZ);
  int to_done = pc_end;
  emit(0);
  emit(LOCAL), emit(1), emit(GET), emit(JNZ);
  int to_next = pc_end;
  emit(0);
  emit(LOCAL), emit(3), emit(PUSH), emit(1), emit(ADD), emit(SETLOCAL), emit(3);
  emit(LOCAL), emit(1), emit(LOCAL), emit(1), emit(ADD), emit(SETLOCAL), emit(2);
  int inner = pc_end;
  emit(LOCAL), emit(2), emit(LOCAL), emit(0), emit(LT), emit(JZ);
  int to_next2 = pc_end;
  emit(0);
  emit(LOCAL), emit(2), emit(PUSH), emit(1), emit(PUT);
  emit(LOCAL), emit(2), emit(LOCAL), emit(1), emit(ADD), emit(SETLOCAL), emit(2);
  emit(JMP), emit(inner);
  code[to_next] = code[to_next2] = pc_end;
  emit(LOCAL), emit(1), emit(PUSH), emit(1), emit(ADD), emit(SETLOCAL), emit(1);
  emit(JMP), emit(outer);
  code[to_done] = pc_end;
  emit(LOCAL), emit(3), emit(RET);
  return sieve;
}

int main(int argc, char **argv) {
  int fib_n = argc > 1 ? atoi(argv[1]) : 27;
  int sieve_n = argc > 2 ? atoi(argv[2]) : 2000000;
  int fib = assemble_fib(), sieve = assemble_sieve();
  heap = malloc(sizeof(int32_t) * (size_t)sieve_n);
  printf("fib(%d) = %lld\n", fib_n, (long long)run(fib, fib_n));
  int64_t total = 0;
  for (int round = 0; round < 4; round++) {
    memset(heap, 0, sizeof(int32_t) * (size_t)sieve_n);
    total += run(sieve, sieve_n - round);
  }
  printf("primes below %d (4 rounds) = %lld\n", sieve_n, (long long)total);
  return 0;
}
