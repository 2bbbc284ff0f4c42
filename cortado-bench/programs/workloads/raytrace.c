// A small ray tracer (written here): spheres on a checkered plane, one light, shadows and two
// levels of reflection, rendered to an in-memory image. f64 vectors passed by value, sqrt,
// recursion, structs.
// Usage: raytrace [width] [height]; prints the image's FNV-1a hash and mean brightness.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  double x, y, z;
} Vec;

static Vec v(double x, double y, double z) { return (Vec){x, y, z}; }
static Vec add(Vec a, Vec b) { return v(a.x + b.x, a.y + b.y, a.z + b.z); }
static Vec sub(Vec a, Vec b) { return v(a.x - b.x, a.y - b.y, a.z - b.z); }
static Vec scale(Vec a, double s) { return v(a.x * s, a.y * s, a.z * s); }
static Vec mul(Vec a, Vec b) { return v(a.x * b.x, a.y * b.y, a.z * b.z); }
static double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static Vec norm(Vec a) { return scale(a, 1.0 / sqrt(dot(a, a))); }

typedef struct {
  Vec center, color;
  double radius, reflect;
} Sphere;

static const Sphere spheres[] = {
    {{0, 1, 5}, {0.9, 0.2, 0.2}, 1.0, 0.3},   {{-2.2, 0.8, 6}, {0.2, 0.9, 0.3}, 0.8, 0.5},
    {{2.1, 0.7, 4.5}, {0.2, 0.3, 0.9}, 0.7, 0.6}, {{0.7, 0.3, 3}, {0.9, 0.9, 0.2}, 0.3, 0.1},
    {{-0.9, 0.4, 3.4}, {0.8, 0.4, 0.9}, 0.4, 0.2},
};
#define NSPHERES (int)(sizeof(spheres) / sizeof(spheres[0]))
static const Vec light = {-5, 8, -3};

// Nearest hit along the ray: returns the distance (or INFINITY), the object (-1 for the plane).
static double intersect(Vec orig, Vec dir, int *hit) {
  double best = INFINITY;
  *hit = -2;
  for (int i = 0; i < NSPHERES; i++) {
    Vec oc = sub(orig, spheres[i].center);
    double b = dot(oc, dir), c = dot(oc, oc) - spheres[i].radius * spheres[i].radius;
    double disc = b * b - c;
    if (disc < 0) continue;
    double t = -b - sqrt(disc);
    if (t > 1e-6 && t < best) best = t, *hit = i;
  }
  if (dir.y < -1e-9) {
    double t = -orig.y / dir.y;
    if (t > 1e-6 && t < best && t < 1e3) best = t, *hit = -1;
  }
  return best;
}

static Vec trace(Vec orig, Vec dir, int depth) {
  int hit;
  double t = intersect(orig, dir, &hit);
  if (hit == -2) return v(0.5 + 0.3 * dir.y, 0.6 + 0.3 * dir.y, 0.9);
  Vec p = add(orig, scale(dir, t)), n, color;
  double reflect;
  if (hit == -1) {
    n = v(0, 1, 0);
    int check = ((int)floor(p.x) + (int)floor(p.z)) & 1;
    color = check ? v(0.9, 0.9, 0.9) : v(0.2, 0.2, 0.2);
    reflect = 0.2;
  } else {
    n = norm(sub(p, spheres[hit].center));
    color = spheres[hit].color;
    reflect = spheres[hit].reflect;
  }
  Vec to_light = norm(sub(light, p));
  int blocker;
  double lt = intersect(p, to_light, &blocker);
  double diffuse = dot(n, to_light);
  if (diffuse < 0 || (blocker != -2 && lt < sqrt(dot(sub(light, p), sub(light, p))))) diffuse = 0;
  Vec result = scale(color, 0.1 + 0.9 * diffuse);
  if (depth < 2 && reflect > 0) {
    Vec r = sub(dir, scale(n, 2 * dot(dir, n)));
    result = add(scale(result, 1 - reflect), scale(trace(p, norm(r), depth + 1), reflect));
  }
  return mul(result, v(1, 1, 1));
}

int main(int argc, char **argv) {
  int w = argc > 1 ? atoi(argv[1]) : 960, h = argc > 2 ? atoi(argv[2]) : 720;
  uint8_t *img = malloc((size_t)w * h * 3);
  Vec eye = v(0, 1.5, -2);
  for (int y = 0; y < h; y++) {
    for (int x = 0; x < w; x++) {
      Vec acc = v(0, 0, 0);
      for (int s = 0; s < 4; s++) {  // 2x2 supersampling
        double px = (x + 0.25 + 0.5 * (s & 1) - w / 2.0) / h;
        double py = -(y + 0.25 + 0.5 * (s >> 1) - h / 2.0) / h;
        acc = add(acc, trace(eye, norm(v(px, py - 0.2, 1)), 0));
      }
      acc = scale(acc, 0.25);
      uint8_t *o = img + 3 * ((size_t)y * w + x);
      o[0] = (uint8_t)(fmin(acc.x, 1) * 255);
      o[1] = (uint8_t)(fmin(acc.y, 1) * 255);
      o[2] = (uint8_t)(fmin(acc.z, 1) * 255);
    }
  }
  uint32_t hash = 2166136261u;
  uint64_t sum = 0;
  for (size_t i = 0; i < (size_t)w * h * 3; i++) hash = (hash ^ img[i]) * 16777619u, sum += img[i];
  printf("%dx%d hash %08x mean %.4f\n", w, h, hash, (double)sum / ((double)w * h * 3));
  free(img);
  return 0;
}
