// An AssemblyScript program using the WASI shim (@assemblyscript/wasi-shim): prints its
// arguments and an environment variable, and exits with a code.

console.log("args=" + process.argv.join(","));
console.log("AS_TEST=" + (process.env.has("AS_TEST") ? process.env.get("AS_TEST") : "(unset)"));
process.exit(5);
