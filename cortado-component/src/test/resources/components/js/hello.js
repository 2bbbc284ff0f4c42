// A wasi:http component in JavaScript (componentize-js, StarlingMonkey's fetch event): answers
// with the path, the method and the request body, and sets a header.
addEventListener("fetch", (event) =>
  event.respondWith(
    (async () => {
      const request = event.request;
      const body = await request.text();
      const url = new URL(request.url);
      return new Response(
        `hello from js: ${request.method} ${url.pathname}${url.search} body=${body}`,
        { status: url.pathname === "/missing" ? 404 : 200, headers: { "x-served-by": "js" } },
      );
    })(),
  ),
);
