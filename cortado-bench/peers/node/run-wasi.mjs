// Runs a WASI preview1 command with Node.js's node:wasi, the way `cortado run` runs one:
//   node --no-warnings run-wasi.mjs [--dir HOST::GUEST]... prog.wasm ARGS...
// Standard streams are inherited; the process exits with the program's exit code.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env, exit } from 'node:process';

const preopens = {};
let i = 2;
while (argv[i] === '--dir') {
  const [host, guest] = argv[i + 1].split('::');
  preopens[guest ?? host] = host;
  i += 2;
}
if (i >= argv.length) {
  console.error('usage: run-wasi.mjs [--dir HOST::GUEST]... prog.wasm [ARGS...]');
  exit(2);
}
const file = argv[i];
const wasi = new WASI({
  version: 'preview1',
  args: [file, ...argv.slice(i + 1)],
  env: {},
  preopens,
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
