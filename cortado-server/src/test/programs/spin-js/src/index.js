// A Spin JavaScript application (the fetch event, as Spin's templates write it), built by Spin's
// j2w: GET /hello answers with the method, path and a header; /count/LABEL counts visits in Spin's
// key-value store LABEL (fermyon:spin/key-value, imported as Spin's SDK does); POST /echo returns
// the body; anything else is a 404.
import { Store } from 'fermyon:spin/key-value@2.0.0';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function handle(request) {
  const url = new URL(request.url);
  if (url.pathname === '/hello') {
    return new Response(`hello from j2w: ${request.method} ${url.pathname}${url.search}\n`, {
      headers: { 'content-type': 'text/plain', 'x-built-by': 'j2w' },
    });
  }
  if (url.pathname === '/echo' && request.method === 'POST') {
    return new Response(await request.text(), { headers: { 'content-type': 'text/plain' } });
  }
  if (url.pathname.startsWith('/count/')) {
    const label = url.pathname.substring('/count/'.length);
    let store;
    try {
      store = Store.open(label);
    } catch (e) {
      return new Response(`cannot open ${label}: ${e.payload?.tag ?? e}\n`, { status: 403 });
    }
    const before = store.get('visits');
    const visits = (before ? parseInt(decoder.decode(before), 10) : 0) + 1;
    store.set('visits', encoder.encode(String(visits)));
    return new Response(`visits: ${visits}\n`, { headers: { 'content-type': 'text/plain' } });
  }
  return new Response('not found\n', { status: 404 });
}

addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
