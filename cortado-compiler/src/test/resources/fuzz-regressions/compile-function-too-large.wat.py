# Writes compile-function-too-large.wat (about 250 KB of text, so the generator is kept instead):
# one function of 8,000 (i32.load (local.get 0)) i32.add, 48 KB of Wasm code. The interpreter
# runs it; the compiler fails the whole module with CompilationException "function f0 is too large
# for one JVM method; splitting large functions is not implemented yet" (7,000 loads still fit).
#   python3 compile-function-too-large.wat.py > x.wat && wat2wasm x.wat -o compile-function-too-large.wasm
K = 8000
body = "(i32.const 0)" + "".join(" (i32.load (local.get 0)) i32.add" for _ in range(K))
print(f'(module (memory 1) (func (export "loads") (param i32) (result i32) {body}))')
