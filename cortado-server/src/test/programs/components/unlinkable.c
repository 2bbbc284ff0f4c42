// A wasi:http component importing an interface no host gives (cortado:missing/thing), for the test
// that such a component is refused when serving starts, before any request.
#include <stdint.h>

__attribute__((import_module("cortado:missing/thing@1.0.0"), import_name("ping"))) void ping(void);

__attribute__((export_name("wasi:http/incoming-handler@0.2.0#handle")))
void handle(int32_t request, int32_t outparam) {
  (void)request;
  (void)outparam;
  ping();
}
