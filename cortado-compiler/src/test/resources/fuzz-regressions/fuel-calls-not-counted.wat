;; A loop that calls a function on each iteration and logs every 1000th: the store's fuel is
;; spent at back edges and calls (Store.setFuel), so the interpreter spends 2 per iteration and
;; logs up to 999000 with 2,000,000 fuel; compiled code spends fuel at back edges only and logs up
;; to 1998000 before it runs out.
(module
  (import "fuzzing-support" "log-i32" (func $log (param i32)))
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "spin") (local i32)
    (loop $l
      (local.set 0 (call $inc (local.get 0)))
      (if (i32.eqz (i32.rem_u (local.get 0) (i32.const 1000)))
        (then (call $log (local.get 0))))
      (br $l))))
