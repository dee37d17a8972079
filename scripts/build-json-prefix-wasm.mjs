// Builds the JSON prefix reader (lib/capture/json-prefix-wasm.ts) from WebAssembly text: writes lib/capture/json-prefix-wasm-bytes.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

// ---- WAT helpers: vector and mask expressions are inlined (V8 11 does not inline wasm calls)
const get = (n) => `(local.get $${n})`;
const set = (n, x) => `(local.set $${n} ${x})`;
const i64 = (n) => `(i64.const ${n})`;
const i32 = (n) => `(i32.const ${n})`;
const bytes = (list) => `(v128.const i8x16 ${list.join(' ')})`;
const splat = (n) => bytes(Array(16).fill(n));
/** A 16-byte table indexed by a nibble: `entries` maps nibble → byte, the others get `fill`. */
const table = (entries, fill = 0) =>
  bytes(Array.from({ length: 16 }, (_, i) => entries[i] ?? fill));
const not = (x) => `(i64.xor ${x} ${i64(-1)})`;
const and = (...xs) => xs.reduce((a, b) => `(i64.and ${a} ${b})`);
const or = (...xs) => xs.reduce((a, b) => `(i64.or ${a} ${b})`);
const shl = (x, n) => `(i64.shl ${x} ${i64(n)})`;
const shr = (x, n) => `(i64.shr_u ${x} ${i64(n)})`;
const lowest = (x) => `(i64.and ${x} (i64.sub ${i64(0)} ${x}))`;
/** Inclusive prefix xor: bit i = parity of the set bits at or below i. */
const prefixXor = (n) =>
  [1, 2, 4, 8, 16, 32].map((s) => set(n, `(i64.xor ${get(n)} ${shl(get(n), s)})`)).join('\n      ');
/**
 * a + b + carry (0 or 1) into `sum`, and the carry out of bit 63 into `carry` (64-bit adds chained
 * over blocks). With b a subset of a, the carry out is b63 | (a63 & !sum63).
 */
const addCarry = (sum, a, b, carry) => `
      ${set(sum, `(i64.add (i64.add ${a} ${b}) ${get(carry)})`)}
      ${set(carry, shr(or(b, and(a, not(get(sum)))), 63))}`;
/** The block's 64-bit mask of the bytes where `f(vector)` (an i8x16 of 0 / -1) holds; reloads the block (rare path). */
const mask64 = (f) => {
  const b = (i) => `(i8x16.bitmask ${f(`(v128.load offset=${16 * i} (local.get $at))`)})`;
  const half = (i) => `(i64.extend_i32_u (i32.or ${b(i)} (i32.shl ${b(i + 1)} ${i32(16)})))`;
  return `(i64.or ${half(0)} (i64.shl ${half(2)} ${i64(32)}))`;
};
/** Bytes whose class (lo-nibble table AND hi-nibble table) is nonzero. */
const classMask = (lo, hi) =>
  not(
    mask64(
      (v) =>
        `(i8x16.eq (v128.and (i8x16.swizzle ${lo} (v128.and ${v} ${splat(15)})) (i8x16.swizzle ${hi} (i8x16.shr_u ${v} ${i32(4)}))) ${splat(0)})`,
    ),
  );

// ---- byte classes
// after a backslash: " \ / b f n r t u (hi-nibble bits 2→1 5→2 6→4 7→8)
const ESCAPE_LO = table({ 0x2: 13, 0xf: 1, 0xc: 2, 0x6: 4, 0xe: 4, 0x4: 8, 0x5: 8 });
const ESCAPE_HI = table({ 2: 1, 5: 2, 6: 4, 7: 8 });
// hex digits: 0-9 (hi 3 → 1), A-F and a-f (hi 4 and 6 → 2, lo 1-6)
const HEX_LO = table({ 0: 1, 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 1, 8: 1, 9: 1 });
const HEX_HI = table({ 3: 1, 4: 2, 6: 2 });
// structural bytes, one per low nibble, compared with the byte OR 0x20 (so [ ] match { }); the
// control bytes 0x0C and 0x1A match too: blocks with control bytes take the rare path, which
// removes them (and finds whitespace other than spaces)
const STRUCT = table({ 0xc: 0x2c, 0xa: 0x3a, 0xb: 0x7b, 0xd: 0x7d });
// whitespace, one byte per low nibble (127 never equals a byte with that nibble)
const SPACE = table({ 0x0: 0x20, 0x9: 0x09, 0xa: 0x0a, 0xd: 0x0d }, 127);
const ODD = '0xaaaaaaaaaaaaaaaa';

const NONE = 0x7fffffff;
const MAX_DEPTH = 1000;
// Pass 1 classifies a chunk of blocks, pass 2 walks them while their masks are in L1.
const CHUNK = 16384;
const MASK_WORDS = 3; // per block: events, value gaps, string gaps
// scratch: the rare path's pointers, pass 1's carries between chunks, the levels (one word each,
// 1001 used), the chunk's masks
const [PROBES, OUT, OUT_END, FIRST_BAD] = [0, 4, 8, 12];
const CARRIES_AT = 16;
const LEVELS = CARRIES_AT + 64;
const MASKS = LEVELS + 4 * 1008;
const SCRATCH = MASKS + (CHUNK / 64) * MASK_WORDS * 8;

// ---- pass 1: one 64-byte block at $at
// V8 rematerializes v128.const at each use: the splats live in locals set before the loops.
const CONSTANTS = { k15: splat(15), k32: splat(32), k34: splat(34), k92: splat(92) };
const halves = (k, i, test) =>
  i % 2 === 0
    ? set(`${k}${i >> 1}`, `(i8x16.bitmask ${test})`)
    : set(
        `${k}${i >> 1}`,
        `(i32.or ${get(`${k}${i >> 1}`)} (i32.shl (i8x16.bitmask ${test}) ${i32(16)}))`,
      );
// Vector i's bitmasks go into 32-bit halves at once (few live values: no spills). First the
// quotes, and the rare bytes (backslash; the minimum finds control bytes): enough for a block
// inside a string.
const vectorQuotes = (i) => `
      ${set('v', `(v128.load offset=${16 * i} (local.get $at))`)}
      ${halves('q', i, `(i8x16.eq ${get('v')} ${get('k34')})`)}
      ${i === 0 ? set('rare', `(i8x16.eq ${get('v')} ${get('k92')})`) : set('rare', `(v128.or ${get('rare')} (i8x16.eq ${get('v')} ${get('k92')}))`)}
      ${i === 0 ? set('low', get('v')) : set('low', `(i8x16.min_u ${get('low')} ${get('v')})`)}`;
// then the structural bytes and the spaces
const vectorStructure = (i) => `
      ${set('v', `(v128.load offset=${16 * i} (local.get $at))`)}
      ${set('lo', `(v128.and ${get('v')} ${get('k15')})`)}
      ${set('up', `(v128.or ${get('v')} ${get('k32')})`)}
      ${halves('s', i, `(i8x16.eq (i8x16.swizzle ${STRUCT} ${get('lo')}) ${get('up')})`)}
      ${halves('n', i, `(i8x16.eq ${get('v')} ${get('k32')})`)}`;
const fromHalves = (k) =>
  `(i64.or (i64.extend_i32_u ${get(`${k}0`)}) (i64.shl (i64.extend_i32_u ${get(`${k}1`)}) ${i64(32)}))`;

const classifyBlock = `
      ${[0, 1, 2, 3].map(vectorQuotes).join('')}
      ${set('Q', fromHalves('q'))}
      ;; unsigned compares: the UTF-8 bytes of other characters (0x80 and up) are not control bytes
      (local.set $isRare (i32.or (v128.any_true (v128.or ${get('rare')} (i8x16.lt_u ${get('low')} ${get('k32')}))) (local.get $escapes)))
      ;; a block inside a string (no quote, nothing rare): no events, no values; the carries stay
      (if (i32.and (i64.eqz ${get('Q')}) (i32.and (i64.ne ${get('inCarry')} ${i64(0)}) (i32.eqz (local.get $isRare))))
        (then
          ${set('events', i64(0))}
          ${set('valueGaps', i64(0))}
          ${set('scalarCarry', i64(0))})
        (else
      ${[0, 1, 2, 3].map(vectorStructure).join('')}
      ${set('S', fromHalves('s'))}
      ${set('W', fromHalves('n'))}
      ${set('bad', i64(0))}
      ${set('B', i64(0))}
      ${set('C', i64(0))}
      (if (local.get $isRare) (then
      ;; control bytes (pretty-printed text: newlines): the whitespace is more than spaces, and
      ;; 0x0C, 0x1A matched the structural table
      (if (v128.any_true (i8x16.lt_u ${get('low')} ${get('k32')}))
        (then
          ${set(
            'C',
            mask64((v) => `(i8x16.lt_u ${v} ${splat(32)})`),
          )}
          ${set('S', and(get('S'), not(get('C'))))}
          ${set(
            'W',
            mask64((v) => `(i8x16.eq (i8x16.swizzle ${SPACE} (v128.and ${v} ${splat(15)})) ${v})`),
          )}))
      ;; backslashes, or an escape carried in from the previous block
      (if (i32.or (v128.any_true ${get('rare')}) (local.get $escapes))
        (then
          ${set('escCarry', `(i64.load offset=${CARRIES_AT} (local.get $scratch))`)}
          ${set('hexCarry', `(i64.load offset=${CARRIES_AT + 8} (local.get $scratch))`)}
          ${set(
            'B',
            mask64((v) => `(i8x16.eq ${v} ${splat(92)})`),
          )}
          ;; escaped bytes: the byte after an odd run of backslashes (simdjson's subtraction trick)
          ${set('potential', and(get('B'), not(get('escCarry'))))}
          ${set('etc', `(i64.xor (i64.sub ${or(shl(get('potential'), 1), i64(ODD))} ${get('potential')}) ${i64(ODD)})`)}
          ${set('escaped', `(i64.xor ${get('etc')} ${or(get('B'), get('escCarry'))})`)}
          ${set('escCarry', shr(and(get('etc'), get('B')), 63))}
          ${set('Q', and(get('Q'), not(get('escaped'))))}
          ;; an escaped byte must be one of " \\ / b f n r t u; after u, four hex digits
          ${set('bad', and(get('escaped'), not(classMask(ESCAPE_LO, ESCAPE_HI))))}
          ${set(
            'U',
            and(
              get('escaped'),
              mask64((v) => `(i8x16.eq ${v} ${splat(117)})`),
            ),
          )}
          ${set('bad', or(get('bad'), and(or(shl(get('U'), 1), shl(get('U'), 2), shl(get('U'), 3), shl(get('U'), 4), get('hexCarry')), not(classMask(HEX_LO, HEX_HI)))))}
          ${set('hexCarry', or(shr(get('U'), 60), shr(get('U'), 61), shr(get('U'), 62), shr(get('U'), 63)))}
          (i64.store offset=${CARRIES_AT} (local.get $scratch) ${get('escCarry')})
          (i64.store offset=${CARRIES_AT + 8} (local.get $scratch) ${get('hexCarry')})
          (local.set $escapes (i64.ne (i64.or ${get('escCarry')} ${get('hexCarry')}) ${i64(0)}))))))
      ;; inside a string: an odd number of unescaped quotes at or before the byte
      ${set('inString', get('Q'))}
      ${prefixXor('inString')}
      ${set('inString', `(i64.xor ${get('inString')} ${get('inCarry')})`)}
      ${set('inCarry', `(i64.shr_s ${get('inString')} ${i64(63)})`)}
      ;; control bytes inside strings, backslashes outside them
      (if (local.get $isRare)
        (then ${set('bad', or(get('bad'), and(get('C'), get('inString')), and(get('B'), not(get('inString')))))}))
      ${set('events', and(get('S'), not(get('inString'))))}
      ${set('strings', and(get('Q'), get('inString')))}
      ${set('scalar', not(or(get('S'), get('Q'), get('W'), get('inString'))))}
      ;; a value starts at each opening quote and at the first byte of each run of scalar bytes
      ${set('values', or(get('strings'), and(get('scalar'), not(or(shl(get('scalar'), 1), get('scalarCarry'))))))}
      ${set('scalarCarry', shr(get('scalar'), 63))}
      ;; adding the value starts to the non-event bits carries each up to the next event: that event
      ;; has a value in its gap; a carry that meets another value start marks two values in a gap
      ${set('notEvent', not(get('events')))}
      ${addCarry('valueGaps', get('notEvent'), get('values'), 'valueCarry')}
      ${set('bad', or(get('bad'), and(get('valueGaps'), get('values'))))}
      ${addCarry('stringGaps', get('notEvent'), get('strings'), 'stringCarry')}
      ${set('valueGaps', and(get('valueGaps'), get('events')))}
      ${set('stringGaps', and(get('stringGaps'), get('events')))}
      ;; the first byte that makes the text NOT_JSON: pass 1 stops after its block, pass 2 before it
      (if (i64.ne ${get('bad')} ${i64(0)})
        (then
          (i32.store offset=${FIRST_BAD} (local.get $scratch) (i32.add (local.get $at) (i32.wrap_i64 (i64.ctz ${get('bad')}))))
          (local.set $end (i32.const 0))))))`;

// ---- pass 2: the grammar over the events, and the probes' records
// The state (the spec's VALUE, FIRST, KEY_OR_CLOSE, KEY, AFTER, plus VALUE and AFTER at depth 0)
// is a set of what may come next, so each check is one AND (no variable shifts, few registers):
const AFTER_VALUE = 1; // , or the innermost container's close, when the gap holds a value
const AFTER_CLOSE = 2; // , or the innermost container's close, when the gap is empty
const KEY_NEXT = 4; // : after a string
const VALUE_NEXT = 8; // { or [ with an empty gap; a string here is a value (records)
const EMPTY_ARRAY = 16; // ] with an empty gap
const EMPTY_OBJECT = 32; // } with an empty gap
const STATE = {
  VALUE: AFTER_VALUE | VALUE_NEXT,
  FIRST: AFTER_VALUE | VALUE_NEXT | EMPTY_ARRAY,
  KEY_OR_CLOSE: KEY_NEXT | EMPTY_OBJECT,
  KEY: KEY_NEXT,
  AFTER: AFTER_CLOSE,
  VALUE_AT_0: VALUE_NEXT, // a value that ends at depth 0 ends the document: nothing may follow
  AFTER_AT_0: 0,
};
// The innermost container's word (-1 - index for an array, the current key's colon offset for an
// object) lives in a local, the outer ones in levels; where a value just ended, the word also
// tells the kind (negative: an array).

/** min(x, firstBad): events from there on need a look (probes placed, or NOT_JSON) */
const minLimit = (x) => `(select ${x} (i32.load offset=${FIRST_BAD} (local.get $scratch))
      (i32.lt_u ${x} (i32.load offset=${FIRST_BAD} (local.get $scratch))))`;
// Rare work in its own function (few live values in the walk): the probes before the event at p
// lie in its gap; a string value there gets a record. Returns the new limit (the next probe + 1,
// or firstBad), 0 when the output area is full.
const place = `
  (func $place (param $scratch i32) (param $p i32) (param $gap i32) (param $state i32) (param $depth i32) (param $top i32) (result i32)
    (local $probes i32) (local $out i32) (local $probe i32) (local $level i32) (local $levelEnd i32)
    (local.set $probes (i32.load offset=${PROBES} (local.get $scratch)))
    (local.set $out (i32.load offset=${OUT} (local.get $scratch)))
    (if (i32.and (i32.eq (local.get $gap) (i32.const 2)) (i32.ne (i32.and (local.get $state) (i32.const ${VALUE_NEXT})) (i32.const 0)))
      (then
        (if (i32.gt_u (i32.add (local.get $out) (i32.shl (i32.add (local.get $depth) (i32.const 2)) (i32.const 2)))
              (i32.load offset=${OUT_END} (local.get $scratch)))
          (then (return (i32.const 0))))
        (i32.store (local.get $out) (i32.load (local.get $probes)))
        (i32.store offset=4 (local.get $out) (local.get $depth))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        ;; the outer containers' words from their levels, then the innermost's
        (if (local.get $depth)
          (then
            (local.set $level (i32.add (local.get $scratch) (i32.const ${LEVELS + 4})))
            (local.set $levelEnd (i32.add (local.get $scratch) (i32.add (i32.const ${LEVELS}) (i32.shl (local.get $depth) (i32.const 2)))))
            (block $copied (loop $copy
              (br_if $copied (i32.ge_u (local.get $level) (local.get $levelEnd)))
              (i32.store (local.get $out) (i32.load (local.get $level)))
              (local.set $out (i32.add (local.get $out) (i32.const 4)))
              (local.set $level (i32.add (local.get $level) (i32.const 4)))
              (br $copy)))
            (i32.store (local.get $out) (local.get $top))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))))))
    ;; skip the probes in this gap
    (loop $skip
      (local.set $probes (i32.add (local.get $probes) (i32.const 4)))
      (local.set $probe (i32.load (local.get $probes)))
      (br_if $skip (i32.gt_u (local.get $p) (local.get $probe))))
    (i32.store offset=${PROBES} (local.get $scratch) (local.get $probes))
    (i32.store offset=${OUT} (local.get $scratch) (local.get $out))
    ${minLimit('(i32.add (local.get $probe) (i32.const 1))')})`;
const callPlace = (
  p,
) => `(local.set $limit (call $place (local.get $scratch) ${p} (local.get $gap) (local.get $state) (local.get $depth) (local.get $top)))
            (br_if $unsupported (i32.eqz (local.get $limit)))`;

const isSet = (mask) => `(i64.ne ${and(get(mask), get('bit'))} ${i64(0)})`;
const valueDone = `(i32.and (local.get $state) (select (i32.const ${AFTER_VALUE}) (i32.const ${AFTER_CLOSE}) ${isSet('valueGaps')}))`;
// Dispatch on the event's byte (commas and colons first: most events), not on the state.
// The rare work (probes, NOT_JSON) leaves the event loop and comes back: no call inside it (a
// call there made V8 spill the loop's values).
const walkBlock = `
      (block $blockDone
      (loop $resume
      (block $rare
      (loop $event
        (br_if $blockDone (i64.eqz (local.get $events)))
        ;; the next event
        ${set('bit', lowest(get('events')))}
        (local.set $p (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz ${get('bit')}))))
        ;; rare: probes before this event, or the text turned NOT_JSON before it
        (br_if $rare (i32.ge_u (local.get $p) (local.get $limit)))
        ${set('events', `(i64.xor ${get('events')} ${get('bit')})`)}
        (local.set $c (i32.load8_u (local.get $p)))
        (block $next
        (block $close
          ;; colon: after a key (a string) in KEY_OR_CLOSE or KEY; its offset is the current key
          (if (i32.eq (local.get $c) (i32.const 58))
            (then
              (br_if $fail (i32.eqz (i32.and (local.get $state) (i32.const ${KEY_NEXT}))))
              (br_if $fail (i32.eqz ${isSet('stringGaps')}))
              (local.set $top (local.get $p))
              (local.set $state (i32.const ${STATE.VALUE}))
              (br $next)))
          ;; comma: after a value; an array counts an element, an object wants a key
          (if (i32.eq (local.get $c) (i32.const 44))
            (then
              (br_if $fail (i32.eqz ${valueDone}))
              (if (i32.lt_s (local.get $top) (i32.const 0))
                (then
                  (local.set $top (i32.sub (local.get $top) (i32.const 1)))
                  (local.set $state (i32.const ${STATE.VALUE})))
                (else (local.set $state (i32.const ${STATE.KEY}))))
              (br $next)))
          ;; ] or } after a value, closing the innermost container; or closing an empty one
          (if (i32.eq (i32.or (local.get $c) (i32.const 32)) (i32.const 125))
            (then
              (if ${valueDone}
                (then (br_if $close (i32.eq (local.get $c) (select (i32.const 93) (i32.const 125) (i32.lt_s (local.get $top) (i32.const 0)))))))
              (br_if $fail ${isSet('valueGaps')})
              (br_if $close (i32.and (local.get $state) (select (i32.const ${EMPTY_ARRAY}) (i32.const ${EMPTY_OBJECT}) (i32.eq (local.get $c) (i32.const 93)))))
              (br $fail)))
          ;; { or [ where a value starts, nothing before it: the innermost container's word goes to its level
          (br_if $fail (i32.eqz (i32.and (local.get $state) (i32.const ${VALUE_NEXT}))))
          (br_if $fail ${isSet('valueGaps')})
          (br_if $unsupported (i32.ge_u (local.get $depth) (i32.const ${MAX_DEPTH})))
          (i32.store offset=${LEVELS} (i32.add (local.get $scratch) (i32.shl (local.get $depth) (i32.const 2))) (local.get $top))
          (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
          (local.set $top (i32.const -1))
          (local.set $state (select (i32.const ${STATE.FIRST}) (i32.const ${STATE.KEY_OR_CLOSE}) (i32.eq (local.get $c) (i32.const 91))))
          (br $next))
          ;; close: the enclosing container becomes the innermost
          (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
          (local.set $top (i32.load offset=${LEVELS} (i32.add (local.get $scratch) (i32.shl (local.get $depth) (i32.const 2)))))
          (local.set $state (select (i32.const ${STATE.AFTER}) (i32.const ${STATE.AFTER_AT_0}) (local.get $depth))))
        (br $event)))
      (br_if $fail (i32.ge_u (local.get $p) (i32.load offset=${FIRST_BAD} (local.get $scratch))))
      (local.set $gap (i32.add ${isSet('valueGaps')} ${isSet('stringGaps')}))
      ${callPlace(get('p'))}
      (br $resume)))`;

const MASK_LOCALS = ['events', 'valueGaps', 'stringGaps'];
// escCarry and hexCarry stay in scratch (the rare path loads them; $escapes says they are nonzero)
const CARRIES = ['escCarry', 'hexCarry', 'inCarry', 'scalarCarry', 'valueCarry', 'stringCarry'];
const LOCAL_CARRIES = CARRIES.slice(2);
// Pass 1 and pass 2 are separate functions (one call per chunk): each loop then keeps its own
// values in registers (one function holding both spilled the walk's masks and state).
const carry = (n) =>
  `(i64.load offset=${CARRIES_AT + 8 * CARRIES.indexOf(n)} (local.get $scratch))`;
const classify = `
  ;; Classifies the blocks [at, end) into masks (3 words per block: events, and among them those
  ;; with a value / a string in the gap before them); the carries between blocks live in scratch.
  ;; Stops after the block holding the first byte that makes the text NOT_JSON (its offset goes
  ;; to firstBad in scratch). Returns the end of the masks written.
  (func $classify (param $at i32) (param $end i32) (param $masks i32) (param $scratch i32) (result i32)
    (local $escapes i32) (local $isRare i32)
    ${MASK_LOCALS.map((n) => `(local $${n} i64)`).join(' ')}
    (local $v v128) (local $lo v128) (local $up v128) (local $rare v128) (local $low v128)
    ${Object.keys(CONSTANTS)
      .map((k) => `(local $${k} v128)`)
      .join(' ')}
    ${['s', 'n', 'q'].map((p) => `(local $${p}0 i32) (local $${p}1 i32)`).join(' ')}
    (local $S i64) (local $Q i64) (local $W i64) (local $B i64) (local $C i64) (local $U i64) (local $bad i64)
    (local $escaped i64) (local $potential i64) (local $etc i64)
    (local $inString i64) (local $strings i64) (local $scalar i64) (local $values i64) (local $notEvent i64)
    ${CARRIES.map((n) => `(local $${n} i64)`).join(' ')}
    ${Object.entries(CONSTANTS)
      .map(([k, v]) => set(k, v))
      .join(' ')}
    ${LOCAL_CARRIES.map((n) => set(n, carry(n))).join(' ')}
    (local.set $escapes (i64.ne (i64.or ${carry('escCarry')} ${carry('hexCarry')}) ${i64(0)}))
    (loop $classify
      ${classifyBlock}
      ${MASK_LOCALS.map((n, i) => `(i64.store offset=${8 * i} (local.get $masks) ${get(n)})`).join('\n      ')}
      (local.set $masks (i32.add (local.get $masks) (i32.const ${8 * MASK_WORDS})))
      (local.set $at (i32.add (local.get $at) (i32.const 64)))
      (br_if $classify (i32.lt_u (local.get $at) (local.get $end))))
    ${LOCAL_CARRIES.map((n) => `(i64.store offset=${CARRIES_AT + 8 * CARRIES.indexOf(n)} (local.get $scratch) ${get(n)})`).join(' ')}
    (local.get $masks))`;

const scan = `
  (func (export "scan") (param $len i32) (param $probes i32) (param $scratch i32) (param $out i32) (param $outEnd i32) (result i32)
    (local $masks i32) (local $masksEnd i32) (local $chunkEnd i32) (local $base i32) (local $limit i32)
    (local $p i32) (local $c i32) (local $gap i32) (local $state i32) (local $depth i32) (local $top i32)
    (local $bit i64) ${MASK_LOCALS.map((n) => `(local $${n} i64)`).join(' ')}
    ;; the rare path's state lives in scratch
    (i32.store offset=${PROBES} (local.get $scratch) (local.get $probes))
    (i32.store offset=${OUT} (local.get $scratch) (local.get $out))
    (i32.store offset=${OUT_END} (local.get $scratch) (local.get $outEnd))
    (i32.store offset=${FIRST_BAD} (local.get $scratch) (i32.const ${NONE}))
    ${CARRIES.map((n, i) => `(i64.store offset=${CARRIES_AT + 8 * i} (local.get $scratch) ${i64(0)})`).join(' ')}
    (local.set $limit ${minLimit('(i32.add (i32.load (local.get $probes)) (i32.const 1))')})
    (local.set $state (i32.const ${STATE.VALUE_AT_0}))
    (block $fail
    (block $unsupported
    (block $end
    (loop $chunk
      (br_if $end (i32.ge_u (local.get $base) (local.get $len)))
      ;; pass 1 over the chunk's blocks (masks to scratch)
      (local.set $chunkEnd (i32.add (local.get $base) (i32.const ${CHUNK})))
      (local.set $masks (i32.add (local.get $scratch) (i32.const ${MASKS})))
      (local.set $masksEnd (call $classify (local.get $base)
        (select (local.get $chunkEnd) (local.get $len) (i32.lt_u (local.get $chunkEnd) (local.get $len)))
        (local.get $masks) (local.get $scratch)))
      (local.set $limit ${minLimit(get('limit'))})
      ;; pass 2 over the chunk's masks
      (loop $block
        ${MASK_LOCALS.map((n, i) => set(n, `(i64.load offset=${8 * i} (local.get $masks))`)).join('\n        ')}
        (local.set $masks (i32.add (local.get $masks) (i32.const ${8 * MASK_WORDS})))
        ${walkBlock}
        (local.set $base (i32.add (local.get $base) (i32.const 64)))
        (br_if $block (i32.lt_u (local.get $masks) (local.get $masksEnd))))
      (br_if $fail (i32.ne (i32.load offset=${FIRST_BAD} (local.get $scratch)) (i32.const ${NONE})))
      (br $chunk)))
    ;; an escape cut by the end of the last block reads the padding spaces: invalid
    (br_if $fail (i64.ne (i64.or ${carry('escCarry')} ${carry('hexCarry')}) ${i64(0)}))
    ;; the final gap: no continuation makes a value after a closing bracket, or a key of a scalar
    (local.set $gap (i32.wrap_i64 (i64.add ${carry('valueCarry')} ${carry('stringCarry')})))
    (br_if $fail (i32.and (i32.ne (local.get $gap) (i32.const 0))
      (i32.eqz (i32.and (local.get $state) (i32.const ${VALUE_NEXT | KEY_NEXT})))))
    (br_if $fail (i32.and (i32.eq (local.get $gap) (i32.const 1))
      (i32.ne (i32.and (local.get $state) (i32.const ${KEY_NEXT})) (i32.const 0))))
    ;; its probes (a string there may be unterminated)
    (if (i32.lt_u (i32.load (i32.load offset=${PROBES} (local.get $scratch))) (i32.const ${NONE}))
      (then ${callPlace(get('len'))}))
    (local.set $out (i32.load offset=${OUT} (local.get $scratch)))
    (br_if $unsupported (i32.gt_u (i32.add (local.get $out) (i32.const 4)) (local.get $outEnd)))
    (i32.store (local.get $out) (i32.const -1))
    (return (i32.const 1)))
    (return (i32.const 2)))
    (i32.const 0))`;

const source = `;; generated by scripts/build-json-prefix-wasm.mjs
(module
  (memory (export "memory") 1)
  (func (export "scratchBytes") (param $len i32) (result i32) (i32.const ${SCRATCH}))
${classify}
${place}
${scan}
)
`;

/** The module's bytes, built from `source` with wabt. */
export async function buildJsonPrefixWasm() {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('json-prefix.wat', source, { simd: true, multi_value: true });
  mod.validate();
  return mod.toBinary({}).buffer;
}

/** The TypeScript module that carries the bytes (base64), as committed. */
export function bytesModule(bytes) {
  return `// Generated by scripts/build-json-prefix-wasm.mjs (npm run build:wasm): do not edit.

/** The json-prefix WebAssembly module (base64), compiled by json-prefix-engine.ts. */
export const JSON_PREFIX_WASM =
  '${Buffer.from(bytes).toString('base64')}';
`;
}

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await buildJsonPrefixWasm();
  writeFileSync(`${root}lib/capture/json-prefix-wasm-bytes.ts`, bytesModule(bytes));
  // `--wat FILE` also writes the text, to read what was built.
  const wat = process.argv.indexOf('--wat');
  if (wat !== -1 && process.argv[wat + 1]) writeFileSync(process.argv[wat + 1], source);
  console.log(`json-prefix.wasm: ${bytes.length} bytes`);
}
