// Binary trees: allocate, walk and free many complete binary trees of varying depth (the classic
// benchmark-game workload): malloc/free-heavy, pointer chasing, recursion.
// Usage: binarytrees [max-depth]; prints the node counts per depth.
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node *left, *right;
} Node;

static Node *make(int depth) {
  Node *node = malloc(sizeof(Node));
  if (node == NULL) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  if (depth > 0) {
    node->left = make(depth - 1);
    node->right = make(depth - 1);
  } else {
    node->left = node->right = NULL;
  }
  return node;
}

static long check(const Node *node) {
  return 1 + (node->left ? check(node->left) + check(node->right) : 0);
}

static void release(Node *node) {
  if (node->left) {
    release(node->left);
    release(node->right);
  }
  free(node);
}

int main(int argc, char **argv) {
  int max_depth = argc > 1 ? atoi(argv[1]) : 17;
  int min_depth = 4;
  if (max_depth < min_depth + 2) max_depth = min_depth + 2;
  Node *stretch = make(max_depth + 1);
  printf("stretch tree of depth %d\t check: %ld\n", max_depth + 1, check(stretch));
  release(stretch);
  Node *long_lived = make(max_depth);
  for (int depth = min_depth; depth <= max_depth; depth += 2) {
    long iterations = 1L << (max_depth - depth + min_depth);
    long sum = 0;
    for (long i = 0; i < iterations; i++) {
      Node *t = make(depth);
      sum += check(t);
      release(t);
    }
    printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, sum);
  }
  printf("long lived tree of depth %d\t check: %ld\n", max_depth, check(long_lived));
  release(long_lived);
  return 0;
}
