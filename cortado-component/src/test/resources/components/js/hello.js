// A wasi:http component in JavaScript (componentize-js, StarlingMonkey's fetch event): answers
// with the path, the method and the request body, and sets a header; /fetch?url=U fetches U
// (an outgoing wasi:http request) and answers with what came back.
addEventListener("fetch", (event) =>
  event.respondWith(
    (async () => {
      const request = event.request;
      const url = new URL(request.url);
      if (url.pathname === "/fetch") {
        try {
          const answer = await fetch(url.searchParams.get("url"));
          return new Response(`fetched ${answer.status}: ${await answer.text()}`);
        } catch (e) {
          return new Response(`fetch failed: ${e}`, { status: 502 });
        }
      }
      const body = await request.text();
      return new Response(
        `hello from js: ${request.method} ${url.pathname}${url.search} body=${body}`,
        { status: url.pathname === "/missing" ? 404 : 200, headers: { "x-served-by": "js" } },
      );
    })(),
  ),
);
