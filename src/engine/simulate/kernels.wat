;; simulate's float64 back-end: the formulas, the draws and the statistics, in
;; WebAssembly. V8 compiles it to machine code at once, where the same loops in
;; JavaScript ran interpreted for the first ~10 000 samples, making a heap number
;; of every value: that warm-up was half of a 100 000-sample run.
;; Each float64 formula is written once, in `run`: tracing.ts folds constants by
;; running one step on one sample (kernels.ts: evaluate). All addresses are in
;; bytes. Every offset and size in memory is a placeholder, `{step.out}`,
;; `{record.bins}`, `{bins}`, filled in from the table in layout.ts by
;; scripts/wasm.mjs (`npm run wasm`), which writes the binary to kernels.wasm.ts.
(module
  (import "math" "cbrt" (func $cbrt (param f64) (result f64)))
  (import "math" "pow" (func $pow (param f64 f64) (result f64)))
  (memory (export "memory") 1)

  ;; ---- the draws: xoroshiro128+ (as pure-rand's), its state s0, s1 at {stateAt} ----
  ;; The state is the first two outputs of splitmix64 from the seed, a whole number
  ;; below 2^53 (exact in a double), as xoroshiro's authors advise. (pure-rand's
  ;; own seeding puts the seed into the state as it is: small seeds then began
  ;; with draws of ≈ 1, and nearby seeds with nearly the same draws.)
  (func (export "seed") (param $seed f64)
    (local $counter i64)
    (local.set $counter (i64.add (i64.trunc_f64_u (local.get $seed)) (i64.const 0x9e3779b97f4a7c15)))
    (i64.store offset={state.s0} (i32.const {stateAt}) (call $splitmix64 (local.get $counter)))
    (i64.store offset={state.s1} (i32.const {stateAt}) (call $splitmix64 (i64.add (local.get $counter) (i64.const 0x9e3779b97f4a7c15)))))

  ;; splitmix64's output for its counter z (Steele, Lea and Flood's mix)
  (func $splitmix64 (param $z i64) (result i64)
    (local.set $z (i64.mul (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 30))) (i64.const 0xbf58476d1ce4e5b9)))
    (local.set $z (i64.mul (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 27))) (i64.const 0x94d049bb133111eb)))
    (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 31))))

  ;; the low 32 bits of the next output
  (func $next32 (result i32)
    (local $s0 i64) (local $s1 i64) (local $out i64)
    (local.set $s0 (i64.load offset={state.s0} (i32.const {stateAt})))
    (local.set $s1 (i64.load offset={state.s1} (i32.const {stateAt})))
    (local.set $out (i64.add (local.get $s0) (local.get $s1)))
    (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
    (i64.store offset={state.s0} (i32.const {stateAt})
      (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1)) (i64.shl (local.get $s1) (i64.const 16))))
    (i64.store offset={state.s1} (i32.const {stateAt}) (i64.rotl (local.get $s1) (i64.const 37)))
    (i32.wrap_i64 (local.get $out)))

  ;; a uniform double in [0, 1) from two 32-bit outputs (53 random bits)
  (func $nextUnit (export "nextUnit") (result f64)
    (local $high i32)
    (local.set $high (i32.shr_u (call $next32) (i32.const 5)))
    (f64.div
      (f64.add
        (f64.mul (f64.convert_i32_u (local.get $high)) (f64.const 67108864))
        (f64.convert_i32_u (i32.shr_u (call $next32) (i32.const 6))))
      (f64.const 9007199254740992)))

  ;; n ≥ 1 samples of `inputs` quantiles, sample by sample (so the draws do not
  ;; depend on the chunk size); input k's are a vector at `at` + k·`stride`
  (func (export "draw") (param $at i32) (param $inputs i32) (param $n i32) (param $stride i32)
    (local $i i32) (local $k i32)
    (loop $samples
      (local.set $k (i32.const 0))
      (block $drawn (loop $each
        (br_if $drawn (i32.ge_u (local.get $k) (local.get $inputs)))
        (f64.store
          (i32.add (i32.add (local.get $at) (i32.mul (local.get $k) (local.get $stride))) (i32.shl (local.get $i) (i32.const 3)))
          (call $nextUnit))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $each)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $samples (i32.lt_u (local.get $i) (local.get $n)))))

  ;; ---- the program: draws, formulas and tallies, on vectors of n ≥ 1 samples --
  ;; `count` steps (layout.ts: STEP) at `at`: op, out, a, strideA, b, strideB, extra.
  ;; An operand is a vector (stride 8) or a constant (stride 0), written twice:
  ;; the formulas take two samples at a time (f64x2 is IEEE arithmetic in each
  ;; lane, so the same numbers as one at a time), and a vector has room for an
  ;; even number of samples. op (OPCODES, in the order of the br_table's labels):
  ;; triangular: the value at quantile a of (low, mode, high); extra: the address
  ;;   of its parameters (TRIANGULAR): low, high, split = (mode − low)/width,
  ;;   left = width·(mode − low), right = width·(high − mode)
  ;; uniform: the value at quantile a of [low, low + width); extra: the address
  ;;   of low, width (UNIFORM)
  ;; add, sub, mul: a + b, a − b, a·b
  ;; shareOf: a / b, and 0 where b is 0 (a share of nothing is nothing)
  ;; growth: a / b − 1, NaN (undefined) where b is 0
  ;; cagr: (b / a)^(1/extra) − 1 (first a, last b, over extra periods), NaN where
  ;;   a is 0; one sample at a time (pow)
  ;; divide: a / b, NaN (no value) where b is 0 (a user's metric, never Infinity)
  ;; min, max: the lesser, the greater of a and b; NaN where either is NaN (no value)
  ;; tally: vector a into the statistics record at extra (below)
  ;; The samples outside a histogram's range are written at `outliers` (OUTLIER:
  ;; the value and its record); returns how many.
  (func (export "run") (param $at i32) (param $count i32) (param $n i32) (param $outliers i32) (result i32)
    (local $out i32) (local $a i32) (local $b i32) (local $strideA i32) (local $strideB i32) (local $extra i32) (local $end i32)
    (local $x f64) (local $xs v128) (local $ys v128) (local $low v128) (local $high v128) (local $split v128) (local $left v128) (local $right v128)
    (global.set $outlier (local.get $outliers))
    (block $finished (loop $steps
      (br_if $finished (i32.eqz (local.get $count)))
      (local.set $out (i32.load offset={step.out} (local.get $at)))
      (local.set $a (i32.load offset={step.a} (local.get $at)))
      (local.set $b (i32.load offset={step.b} (local.get $at)))
      (local.set $extra (i32.load offset={step.extra} (local.get $at)))
      ;; pairs of samples: 16 bytes a step, or 0 for a constant
      (local.set $strideA (i32.shl (i32.load offset={step.strideA} (local.get $at)) (i32.const 1)))
      (local.set $strideB (i32.shl (i32.load offset={step.strideB} (local.get $at)) (i32.const 1)))
      (local.set $end (i32.add (local.get $out) (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)) (i32.const 4))))
      (block $next
        (block $tally (block $max (block $min (block $divide (block $cagr (block $growth (block $shareOf (block $mul (block $sub (block $add (block $uniform (block $triangular
          (br_table {opcodes} (i32.load offset={step.op} (local.get $at))))
          (local.set $low (v128.load64_splat offset={triangular.low} (local.get $extra)))
          (local.set $high (v128.load64_splat offset={triangular.high} (local.get $extra)))
          (local.set $split (v128.load64_splat offset={triangular.split} (local.get $extra)))
          (local.set $left (v128.load64_splat offset={triangular.left} (local.get $extra)))
          (local.set $right (v128.load64_splat offset={triangular.right} (local.get $extra)))
          (loop $each
            (local.set $xs (v128.load (local.get $a)))
            (v128.store (local.get $out)
              (v128.bitselect
                (f64x2.add (local.get $low) (f64x2.sqrt (f64x2.mul (local.get $xs) (local.get $left))))
                (f64x2.sub (local.get $high) (f64x2.sqrt (f64x2.mul (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $xs)) (local.get $right))))
                (f64x2.lt (local.get $xs) (local.get $split))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (local.set $low (v128.load64_splat offset={uniform.low} (local.get $extra)))
          (local.set $left (v128.load64_splat offset={uniform.width} (local.get $extra)))
          (loop $each
            (v128.store (local.get $out) (f64x2.add (local.get $low) (f64x2.mul (v128.load (local.get $a)) (local.get $left))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (v128.store (local.get $out) (f64x2.add (v128.load (local.get $a)) (v128.load (local.get $b))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (v128.store (local.get $out) (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (v128.store (local.get $out) (f64x2.mul (v128.load (local.get $a)) (v128.load (local.get $b))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (local.set $ys (v128.load (local.get $b)))
            (v128.store (local.get $out)
              (v128.bitselect
                (f64x2.splat (f64.const 0))
                (f64x2.div (v128.load (local.get $a)) (local.get $ys))
                (f64x2.eq (local.get $ys) (f64x2.splat (f64.const 0)))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (local.set $ys (v128.load (local.get $b)))
            (v128.store (local.get $out)
              (v128.bitselect
                (f64x2.splat (f64.const nan))
                (f64x2.sub (f64x2.div (v128.load (local.get $a)) (local.get $ys)) (f64x2.splat (f64.const 1)))
                (f64x2.eq (local.get $ys) (f64x2.splat (f64.const 0)))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          ;; one sample at a time
          (local.set $strideA (i32.shr_u (local.get $strideA) (i32.const 1)))
          (local.set $strideB (i32.shr_u (local.get $strideB) (i32.const 1)))
          (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
          (loop $each
            (local.set $x (f64.load (local.get $a)))
            (f64.store (local.get $out)
              (if (result f64) (f64.eq (local.get $x) (f64.const 0))
                (then (f64.const nan))
                (else (f64.sub (call $root (f64.div (f64.load (local.get $b)) (local.get $x)) (local.get $extra)) (f64.const 1)))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (local.set $ys (v128.load (local.get $b)))
            (v128.store (local.get $out)
              (v128.bitselect
                (f64x2.splat (f64.const nan))
                (f64x2.div (v128.load (local.get $a)) (local.get $ys))
                (f64x2.eq (local.get $ys) (f64x2.splat (f64.const 0)))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (v128.store (local.get $out) (f64x2.min (v128.load (local.get $a)) (v128.load (local.get $b))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
          (loop $each
            (v128.store (local.get $out) (f64x2.max (v128.load (local.get $a)) (v128.load (local.get $b))))
            (local.set $a (i32.add (local.get $a) (local.get $strideA)))
            (local.set $b (i32.add (local.get $b) (local.get $strideB)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br_if $each (i32.lt_u (local.get $out) (local.get $end))))
          (br $next))
        (call $tally (local.get $a) (local.get $n) (local.get $extra)))
      (local.set $at (i32.add (local.get $at) (i32.const {step.bytes})))
      (local.set $count (i32.sub (local.get $count) (i32.const 1)))
      (br $steps)))
    (i32.div_u (i32.sub (global.get $outlier) (local.get $outliers)) (i32.const {outlier.bytes})))

  ;; x^(1/n): square roots where n allows (exact, and pow is ten times slower)
  (func $root (param $x f64) (param $n i32) (result f64)
    (if (i32.eq (local.get $n) (i32.const 1)) (then (return (local.get $x))))
    (if (i32.eq (local.get $n) (i32.const 2)) (then (return (f64.sqrt (local.get $x)))))
    (if (i32.eq (local.get $n) (i32.const 4)) (then (return (f64.sqrt (f64.sqrt (local.get $x))))))
    (if (i32.eq (local.get $n) (i32.const 3)) (then (return (call $cbrt (local.get $x)))))
    (call $pow (local.get $x) (f64.div (f64.const 1) (f64.convert_i32_u (local.get $n)))))

  ;; ---- streaming statistics of the outputs (stats.ts) ------------------------
  ;; An output's record (RECORD) at `r`: lo, hi (the histogram's range), sum, min,
  ;; max, squares (the sum of squares, for the standard error); count (samples but NaN), ranged (the range is set), bins (the address of
  ;; its {bins} u32 bins: 4 bytes each, hence the shifts by 2). Until an output spreads it is counted only
  ;; (most never do); the first chunk with a spread sets the range to it widened
  ;; by half on each side. Samples outside the range go to the outliers.

  ;; where run writes the next outlier
  (global $outlier (mut i32) (i32.const 0))

  ;; Set by $extent: the least and greatest of some samples and the record's min
  ;; and max (NaN is never taken), and how many samples are not NaN.
  (global $least (mut f64) (f64.const 0))
  (global $greatest (mut f64) (f64.const 0))
  (global $numbers (mut i32) (i32.const 0))

  ;; min and max as `x < min ? x : min`, two samples at a time (pmin and pmax are
  ;; that comparison): one pass that the binning loop is then spared
  (func $extent (param $v i32) (param $end i32) (param $r i32)
    (local $x v128) (local $min v128) (local $max v128) (local $numbers v128) (local $pairs i32) (local $last f64) (local $low f64) (local $high f64)
    (local.set $min (f64x2.splat (f64.load offset={record.min} (local.get $r))))
    (local.set $max (f64x2.splat (f64.load offset={record.max} (local.get $r))))
    (local.set $pairs (i32.sub (local.get $end) (i32.and (i32.sub (local.get $end) (local.get $v)) (i32.const 8))))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $v) (local.get $pairs)))
      (local.set $x (v128.load (local.get $v)))
      (local.set $min (f64x2.pmin (local.get $min) (local.get $x)))
      (local.set $max (f64x2.pmax (local.get $max) (local.get $x)))
      ;; a lane that is not NaN equals itself: all ones, −1
      (local.set $numbers (i64x2.sub (local.get $numbers) (f64x2.eq (local.get $x) (local.get $x))))
      (local.set $v (i32.add (local.get $v) (i32.const 16)))
      (br $each)))
    (local.set $low (f64x2.extract_lane 0 (f64x2.pmin (local.get $min) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $min) (local.get $min)))))
    (local.set $high (f64x2.extract_lane 0 (f64x2.pmax (local.get $max) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $max) (local.get $max)))))
    (global.set $numbers (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $numbers)) (i64x2.extract_lane 1 (local.get $numbers)))))
    ;; an odd sample left
    (if (i32.lt_u (local.get $v) (local.get $end))
      (then
        (local.set $last (f64.load (local.get $v)))
        (if (f64.eq (local.get $last) (local.get $last))
          (then
            (global.set $numbers (i32.add (global.get $numbers) (i32.const 1)))
            (local.set $low (select (local.get $last) (local.get $low) (f64.lt (local.get $last) (local.get $low))))
            (local.set $high (select (local.get $last) (local.get $high) (f64.gt (local.get $last) (local.get $high))))))))
    (global.set $least (local.get $low))
    (global.set $greatest (local.get $high)))

  ;; n samples at `v` into the record at `r`
  (func $tally (param $v i32) (param $n i32) (param $r i32)
    (local $end i32) (local $xs v128) (local $ys v128) (local $lo v128) (local $hi v128) (local $scale v128) (local $sum f64) (local $squares v128) (local $bins v128) (local $at i32)
    (local.set $end (i32.add (local.get $v) (i32.shl (local.get $n) (i32.const 3))))
    (call $extent (local.get $v) (local.get $end) (local.get $r))
    (if (i32.eqz (i32.load offset={record.ranged} (local.get $r)))
      (then (if (i32.eqz (call $spreads (local.get $r))) (then (return)))))
    (f64.store offset={record.min} (local.get $r) (global.get $least))
    (f64.store offset={record.max} (local.get $r) (global.get $greatest))
    (i32.store offset={record.count} (local.get $r) (i32.add (i32.load offset={record.count} (local.get $r)) (global.get $numbers)))
    ;; Four samples at a time while all are in the range (nearly always): the bins
    ;; they fall in, found two by two; the sum stays one sample after the other.
    (local.set $lo (v128.load64_splat offset={record.lo} (local.get $r)))
    (local.set $hi (v128.load64_splat offset={record.hi} (local.get $r)))
    (local.set $scale (f64x2.splat (f64.div (f64.const {bins}) (f64.sub (f64.load offset={record.hi} (local.get $r)) (f64.load offset={record.lo} (local.get $r))))))
    (local.set $bins (i32x4.splat (i32.load offset={record.bins} (local.get $r))))
    (local.set $sum (f64.load offset={record.sum} (local.get $r)))
    (block $done (loop $fours
      (br_if $done (i32.gt_u (i32.add (local.get $v) (i32.const 32)) (local.get $end)))
      (local.set $xs (v128.load (local.get $v)))
      (local.set $ys (v128.load offset=16 (local.get $v)))
      (if (i64x2.all_true (v128.and
            (v128.and (f64x2.ge (local.get $xs) (local.get $lo)) (f64x2.lt (local.get $xs) (local.get $hi)))
            (v128.and (f64x2.ge (local.get $ys) (local.get $lo)) (f64x2.lt (local.get $ys) (local.get $hi)))))
        (then
          (local.set $sum (f64.add (f64.add (f64.add (f64.add (local.get $sum) (f64x2.extract_lane 0 (local.get $xs))) (f64x2.extract_lane 1 (local.get $xs))) (f64x2.extract_lane 0 (local.get $ys))) (f64x2.extract_lane 1 (local.get $ys))))
          (local.set $squares (f64x2.add (local.get $squares) (f64x2.add (f64x2.mul (local.get $xs) (local.get $xs)) (f64x2.mul (local.get $ys) (local.get $ys)))))
          (local.set $xs (i32x4.add (local.get $bins) (i32x4.shl
            (i32x4.min_s
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                (i32x4.trunc_sat_f64x2_s_zero (f64x2.mul (f64x2.sub (local.get $xs) (local.get $lo)) (local.get $scale)))
                (i32x4.trunc_sat_f64x2_s_zero (f64x2.mul (f64x2.sub (local.get $ys) (local.get $lo)) (local.get $scale))))
              (i32x4.splat (i32.const {lastBin})))
            (i32.const 2))))
          (local.set $at (i32x4.extract_lane 0 (local.get $xs)))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
          (local.set $at (i32x4.extract_lane 1 (local.get $xs)))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
          (local.set $at (i32x4.extract_lane 2 (local.get $xs)))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
          (local.set $at (i32x4.extract_lane 3 (local.get $xs)))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1))))
        (else
          (f64.store offset={record.sum} (local.get $r) (local.get $sum))
          (call $tallyEach (local.get $v) (i32.add (local.get $v) (i32.const 32)) (local.get $r))
          (local.set $sum (f64.load offset={record.sum} (local.get $r)))))
      (local.set $v (i32.add (local.get $v) (i32.const 32)))
      (br $fours)))
    (f64.store offset={record.sum} (local.get $r) (local.get $sum))
    (f64.store offset={record.squares} (local.get $r) (f64.add (f64.load offset={record.squares} (local.get $r))
      (f64.add (f64x2.extract_lane 0 (local.get $squares)) (f64x2.extract_lane 1 (local.get $squares)))))
    (if (i32.lt_u (local.get $v) (local.get $end)) (then (call $tallyEach (local.get $v) (local.get $end) (local.get $r)))))

  ;; The samples from `v` to `end`, one at a time (where four are not all in range)
  (func $tallyEach (param $v i32) (param $end i32) (param $r i32)
    (local $x f64) (local $lo f64) (local $hi f64) (local $sum f64) (local $squares f64) (local $bin i32)
    (local.set $lo (f64.load offset={record.lo} (local.get $r)))
    (local.set $hi (f64.load offset={record.hi} (local.get $r)))
    (local.set $sum (f64.load offset={record.sum} (local.get $r)))
    (local.set $squares (f64.load offset={record.squares} (local.get $r)))
    (loop $each
      (local.set $x (f64.load (local.get $v)))
      (if (i32.and (f64.ge (local.get $x) (local.get $lo)) (f64.lt (local.get $x) (local.get $hi)))
        (then
          (local.set $sum (f64.add (local.get $sum) (local.get $x)))
          (local.set $squares (f64.add (local.get $squares) (f64.mul (local.get $x) (local.get $x))))
          (local.set $bin (i32.trunc_sat_f64_s (f64.mul (f64.sub (local.get $x) (local.get $lo)) (f64.div (f64.const {bins}) (f64.sub (local.get $hi) (local.get $lo))))))
          (local.set $bin (i32.add (i32.load offset={record.bins} (local.get $r)) (i32.shl (select (local.get $bin) (i32.const {lastBin}) (i32.lt_s (local.get $bin) (i32.const {bins}))) (i32.const 2))))
          (i32.store (local.get $bin) (i32.add (i32.load (local.get $bin)) (i32.const 1))))
        (else
          (if (f64.eq (local.get $x) (local.get $x))
            (then
              (local.set $sum (f64.add (local.get $sum) (local.get $x)))
              (local.set $squares (f64.add (local.get $squares) (f64.mul (local.get $x) (local.get $x))))
              (f64.store offset={outlier.value} (global.get $outlier) (local.get $x))
              (i32.store offset={outlier.record} (global.get $outlier) (local.get $r))
              (global.set $outlier (i32.add (global.get $outlier) (i32.const {outlier.bytes})))))))
      (local.set $v (i32.add (local.get $v) (i32.const 8)))
      (br_if $each (i32.lt_u (local.get $v) (local.get $end))))
    (f64.store offset={record.sum} (local.get $r) (local.get $sum))
    (f64.store offset={record.squares} (local.get $r) (local.get $squares)))

  ;; An output not yet spread, after $extent of a chunk: if its samples (with the
  ;; one value seen before) spread, sets the range, bins the samples seen before
  ;; and returns 1 (the chunk is then tallied in range); else counts them, 0.
  (func $spreads (param $r i32) (result i32)
    (local $low f64) (local $high f64) (local $margin f64) (local $lo f64) (local $hi f64) (local $count i32) (local $at i32)
    (local.set $low (global.get $least))
    (local.set $high (global.get $greatest))
    (local.set $count (i32.load offset={record.count} (local.get $r)))
    (if (f64.lt (local.get $low) (local.get $high))
      (then
        (local.set $margin (f64.div (f64.sub (local.get $high) (local.get $low)) (f64.const 2)))
        (local.set $lo (f64.sub (local.get $low) (local.get $margin)))
        (local.set $hi (f64.add (local.get $high) (local.get $margin)))
        (f64.store offset={record.lo} (local.get $r) (local.get $lo))
        (f64.store offset={record.hi} (local.get $r) (local.get $hi))
        (i32.store offset={record.ranged} (local.get $r) (i32.const 1))
        (if (i32.gt_s (local.get $count) (i32.const 0))
          (then
            (local.set $at (i32.add (i32.load offset={record.bins} (local.get $r)) (i32.shl
              (i32.trunc_f64_s (f64.min (f64.const {lastBin})
                (f64.floor (f64.mul (f64.sub (f64.load offset={record.min} (local.get $r)) (local.get $lo)) (f64.div (f64.const {bins}) (f64.sub (local.get $hi) (local.get $lo)))))))
              (i32.const 2))))
            (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (local.get $count)))))
        (return (i32.const 1))))
    ;; none, or one value throughout (low = high = that value)
    (if (i32.gt_s (global.get $numbers) (i32.const 0))
      (then
        (i32.store offset={record.count} (local.get $r) (i32.add (local.get $count) (global.get $numbers)))
        (f64.store offset={record.sum} (local.get $r)
          (f64.add (f64.load offset={record.sum} (local.get $r)) (f64.mul (local.get $low) (f64.convert_i32_s (global.get $numbers)))))
        (f64.store offset={record.squares} (local.get $r)
          (f64.add (f64.load offset={record.squares} (local.get $r)) (f64.mul (f64.mul (local.get $low) (local.get $low)) (f64.convert_i32_s (global.get $numbers)))))
        (f64.store offset={record.min} (local.get $r) (local.get $low))
        (f64.store offset={record.max} (local.get $r) (local.get $low))))
    (i32.const 0))

  ;; The value at `rank` (of count) in the bins of the record at `r`, `seen`
  ;; samples being below the range; interpolated within its bin. NaN if the
  ;; rank is above the bins.
  (func (export "binPercentile") (param $r i32) (param $rank f64) (param $seen f64) (result f64)
    (local $bins i32) (local $i i32) (local $inBin f64) (local $lo f64) (local $four v128)
    (local.set $bins (i32.load offset={record.bins} (local.get $r)))
    (local.set $lo (f64.load offset={record.lo} (local.get $r)))
    ;; Past four bins at a time while they do not reach the rank (the counts are
    ;; whole numbers: their sums are exact).
    (block $reached (loop $blocks
      ;; the four counts' sum, in lane 0
      (local.set $four (v128.load (i32.add (local.get $bins) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $four (i32x4.add (local.get $four) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $four) (local.get $four))))
      (local.set $inBin (f64.convert_i32_u (i32.add (i32x4.extract_lane 0 (local.get $four)) (i32x4.extract_lane 1 (local.get $four)))))
      (br_if $reached (f64.ge (f64.add (local.get $seen) (local.get $inBin)) (local.get $rank)))
      (local.set $seen (f64.add (local.get $seen) (local.get $inBin)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $blocks (i32.lt_u (local.get $i) (i32.const {bins})))
      (return (f64.const nan))))
    (loop $each
      (local.set $inBin (f64.convert_i32_u (i32.load (i32.add (local.get $bins) (i32.shl (local.get $i) (i32.const 2))))))
      (if (i32.and (f64.gt (local.get $inBin) (f64.const 0)) (f64.ge (f64.add (local.get $seen) (local.get $inBin)) (local.get $rank)))
        (then
          (return (f64.add (local.get $lo)
            (f64.mul
              (f64.add (f64.convert_i32_u (local.get $i)) (f64.div (f64.sub (local.get $rank) (local.get $seen)) (local.get $inBin)))
              (f64.div (f64.sub (f64.load offset={record.hi} (local.get $r)) (local.get $lo)) (f64.const {bins})))))))
      (local.set $seen (f64.add (local.get $seen) (local.get $inBin)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $i) (i32.const {bins}))))
    (f64.const nan))
)
