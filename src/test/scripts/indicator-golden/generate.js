// Generates the indicator golden fixtures used by the Java indicator tests.
//
//   npm ci && node generate.js
//
// Writes (relative to this folder):
//   ../../resources/indicators/bars.csv                the synthetic 5-minute bar series (input)
//   ../../resources/indicators/golden/*.csv            one file per indicator (expected values)
//   ../../resources/indicators/golden/SOURCES.md       provenance + cross-check report
//
// The reference is TA-Lib's C library through the npm package `talib` (a node-gyp build of the
// bundled TA-Lib C sources). A few composite indicators (MACD with per-EMA seeding, Donchian,
// Keltner, HMA, SuperTrend, Ichimoku, session VWAP, classic pivots) are assembled here from
// TA-Lib primitives or plain arithmetic, as documented in SOURCES.md. Independent npm libraries
// (technicalindicators, trading-signals, @debut/indicators) are only used for cross-checks,
// whose results are written into SOURCES.md; they never feed a golden value.
//
// Output is deterministic: running the script twice must give byte-identical files.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const talib = require('talib');
const TI = require('technicalindicators');
const TS = await import('trading-signals');
const DEBUT = require('@debut/indicators');

const RES_DIR = path.resolve(here, '../../resources/indicators');
const GOLD_DIR = path.join(RES_DIR, 'golden');
fs.mkdirSync(GOLD_DIR, { recursive: true });

const pkgDir = (name) => path.join(here, 'node_modules', name);
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')).version;
const talibCVersion = (() => {
  const src = fs.readFileSync(path.join(pkgDir('talib'), 'src/lib/src/ta_common/ta_version.c'), 'utf8');
  const g = (k) => src.match(new RegExp(`#define ${k} "([^"]*)"`))[1];
  return `${g('MAJOR')}.${g('MINOR')}.${g('BUILD')}-${g('EXTRA')}`;
})();

// ---------------------------------------------------------------------------------------------
// 1. Bars
// ---------------------------------------------------------------------------------------------
const SEED = 20261207;
const N = 320;
const BARS_PER_DAY = 78;

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
// Approximately standard normal (Irwin-Hall, 12 uniforms): plain arithmetic only, so the series
// does not depend on the platform's transcendental functions.
function gauss() {
  let s = 0;
  for (let i = 0; i < 12; i++) s += rnd();
  return s - 6;
}

// Regimes by bar index: drift and volatility per bar, as fractions of price.
const REGIMES = [
  { from: 0, drift: 0.0010, vol: 0.0011, name: 'trend up' },
  { from: 32, drift: -0.0010, vol: 0.0012, name: 'trend down' },
  { from: 55, drift: 0.0, vol: 0.0010, name: 'sideways' },
  { from: 78, drift: -0.0008, vol: 0.0018, name: 'trend down (after a gap down)' },
  { from: 112, drift: 0.0011, vol: 0.0014, name: 'trend up' },
  { from: 140, drift: 0.0, vol: 0.0026, name: 'choppy sideways, high volatility' },
  { from: 156, drift: 0.0010, vol: 0.0016, name: 'strong trend up (after a gap up)' },
  { from: 190, drift: -0.0009, vol: 0.0016, name: 'trend down' },
  { from: 215, drift: 0.0007, vol: 0.0014, name: 'trend up' },
  { from: 234, drift: 0.0, vol: 0.0008, name: 'quiet sideways, low volatility' },
  { from: 260, drift: -0.0007, vol: 0.0014, name: 'trend down' },
  { from: 285, drift: 0.0008, vol: 0.0014, name: 'trend up' },
  { from: 312, drift: 0.0006, vol: 0.0013, name: 'trend up (after a gap up)' },
];
const regimeAt = (i) => REGIMES.filter((r) => r.from <= i).pop();
// Overnight gaps at the start of days 2..5 (fraction of previous close).
const DAY_GAPS = [0, -0.009, 0.011, -0.002, 0.007];
// Bars forced to close exactly at the previous close ("flat" bars).
const FLAT_BARS = new Set([57, 249]);

const MS_5M = 5 * 60 * 1000;
// 2026-03-02 .. 2026-03-06 are before the 2026-03-08 DST switch: New York is UTC-5 (EST),
// so 09:30 New York = 14:30 UTC. Checked below with Intl against America/New_York.
const DAY_START_UTC = [2, 3, 4, 5, 6].map((d) => Date.UTC(2026, 2, d, 14, 30, 0));

const nyFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short',
});
function nyParts(t) {
  const p = Object.fromEntries(nyFmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hm: `${p.hour}:${p.minute}`, weekday: p.weekday };
}

function generateBars() {
  const bars = [];
  let prevClose = 10000; // cents
  for (let i = 0; i < N; i++) {
    const day = Math.floor(i / BARS_PER_DAY);
    const slot = i % BARS_PER_DAY;
    const t = DAY_START_UTC[day] + slot * MS_5M;
    const { drift, vol } = regimeAt(i);
    let open;
    if (i === 0) open = prevClose;
    else if (slot === 0) open = Math.round(prevClose * (1 + DAY_GAPS[day] + 0.001 * gauss()));
    else {
      const u = rnd();
      const gap = u < 0.7 ? 0 : u < 0.85 ? 1 + Math.floor(rnd() * 3) : -(1 + Math.floor(rnd() * 3));
      open = prevClose + gap;
    }
    let close = Math.round(open * (1 + drift + vol * gauss()));
    if (FLAT_BARS.has(i)) close = prevClose;
    const wickUp = Math.round(open * vol * 0.6 * Math.abs(gauss()));
    const wickDn = Math.round(open * vol * 0.6 * Math.abs(gauss()));
    const high = Math.max(open, close) + wickUp;
    const low = Math.min(open, close) - wickDn;
    // Intraday U-shaped volume, higher on big moves and in volatile regimes.
    const edge = 1 + 2.0 * Math.max(0, 1 - slot / 8) + 1.2 * Math.max(0, 1 - (BARS_PER_DAY - 1 - slot) / 8);
    const move = Math.abs(close - open) / (open * vol);
    let volume = Math.round(14000 * edge * (0.45 + 1.1 * rnd()) * (1 + 0.5 * move) * (vol / 0.0015));
    volume = Math.min(200000, Math.max(1000, volume));
    bars.push({ t, open, high, low, close, volume });
    prevClose = close;
  }
  return bars;
}

const cents = (c) => {
  const s = (Math.abs(c) / 100).toFixed(2);
  return c < 0 ? `-${s}` : s;
};

const rawBars = generateBars();
const barsCsv = ['t,open,high,low,close,volume']
  .concat(rawBars.map((b) => [b.t, cents(b.open), cents(b.high), cents(b.low), cents(b.close), b.volume].join(',')))
  .join('\n') + '\n';
fs.writeFileSync(path.join(RES_DIR, 'bars.csv'), barsCsv);

// Read the series back from the CSV text so every value below is computed from exactly the
// doubles a Java reader gets from Double.parseDouble on the same file.
const rows = barsCsv.trim().split('\n').slice(1).map((l) => l.split(','));
const T = rows.map((r) => Number(r[0]));
const O = rows.map((r) => Number(r[1]));
const H = rows.map((r) => Number(r[2]));
const L = rows.map((r) => Number(r[3]));
const C = rows.map((r) => Number(r[4]));
const V = rows.map((r) => Number(r[5]));
const NY = T.map(nyParts);

// Sanity checks on the series.
{
  const fail = (m) => { throw new Error(`bars.csv check failed: ${m}`); };
  if (rows.length !== N) fail('row count');
  for (let i = 0; i < N; i++) {
    if (!(H[i] >= Math.max(O[i], C[i]) && L[i] <= Math.min(O[i], C[i]))) fail(`OHLC order at ${i}`);
    if (!(V[i] >= 1000 && V[i] <= 200000 && Number.isInteger(V[i]))) fail(`volume at ${i}`);
    if (!/^\d+\.\d\d$/.test(rows[i][1] + '') || !/^\d+\.\d\d$/.test(rows[i][4])) fail(`price format at ${i}`);
    const p = NY[i];
    if (['Sat', 'Sun'].includes(p.weekday)) fail(`weekend at ${i}`);
    if (p.hm < '09:30' || p.hm > '15:55') fail(`outside session at ${i}: ${p.hm}`);
    if (i > 0 && NY[i - 1].date === p.date && T[i] - T[i - 1] !== MS_5M) fail(`spacing at ${i}`);
  }
  const days = [...new Set(NY.map((p) => p.date))];
  if (days.join() !== '2026-03-02,2026-03-03,2026-03-04,2026-03-05,2026-03-06') fail(`days ${days}`);
  if (NY[0].hm !== '09:30' || NY[77].hm !== '15:55' || NY[319].hm !== '10:05') fail('session bounds');
  if (!C.some((c, i) => i > 0 && c === C[i - 1])) fail('no flat bar');
}

// ---------------------------------------------------------------------------------------------
// 2. Helpers
// ---------------------------------------------------------------------------------------------
const nulls = (n = N) => new Array(n).fill(null);

// Runs a TA-Lib function; returns {outName: full-length array (null during warm-up)}.
// `offset` = bar index of element 0 of the supplied inputs.
function ta(name, inputs, opts = {}, offset = 0) {
  const len = (inputs.inReal || inputs.close || inputs.high).length;
  const r = talib.execute({ name, startIdx: 0, endIdx: len - 1, ...inputs, ...opts });
  if (r.error) throw new Error(`${name}: ${r.error}`);
  const out = {};
  for (const [k, arr] of Object.entries(r.result)) {
    const full = nulls();
    arr.forEach((v, j) => { full[offset + r.begIndex + j] = v; });
    out[k] = full;
  }
  return out;
}
const one = (res) => Object.values(res)[0];
const firstIdx = (a) => a.findIndex((v) => v !== null);
const sliceFrom = (a, k) => a.slice(k).map((v) => { if (v === null) throw new Error('gap'); return v; });

function fmt(v) {
  if (v === null || v === undefined) return '';
  if (!Number.isFinite(v)) throw new Error(`non-finite value ${v}`);
  return String(v === 0 ? 0 : v); // shortest round-trip repr; -0 printed as 0
}

const written = [];
function writeGolden(file, cols) {
  const names = Object.keys(cols);
  const lines = [['index', ...names].join(',')];
  for (let i = 0; i < N; i++) lines.push([i, ...names.map((n) => fmt(cols[n][i]))].join(','));
  fs.writeFileSync(path.join(GOLD_DIR, file), lines.join('\n') + '\n');
  written.push({ file, cols: names.map((n) => `${n} from ${firstIdx(cols[n])}`) });
}

// ---------------------------------------------------------------------------------------------
// 3. Golden values
// ---------------------------------------------------------------------------------------------
const G = {}; // file -> {col: array}

G['sma_20.csv'] = { value: one(ta('SMA', { inReal: C }, { optInTimePeriod: 20 })) };
G['ema_20.csv'] = { value: one(ta('EMA', { inReal: C }, { optInTimePeriod: 20 })) };
G['wma_20.csv'] = { value: one(ta('WMA', { inReal: C }, { optInTimePeriod: 20 })) };
const rsi14 = one(ta('RSI', { inReal: C }, { optInTimePeriod: 14 }));
G['rsi_14.csv'] = { value: rsi14 };
G['atr_14.csv'] = { value: one(ta('ATR', { high: H, low: L, close: C }, { optInTimePeriod: 14 })) };

// MACD, convention "each EMA seeded with the SMA of its own first N closes".
const ema12 = one(ta('EMA', { inReal: C }, { optInTimePeriod: 12 }));
const ema26 = one(ta('EMA', { inReal: C }, { optInTimePeriod: 26 }));
const macdLine = ema12.map((f, i) => (f !== null && ema26[i] !== null ? f - ema26[i] : null));
const macdStart = firstIdx(macdLine);
const macdSignal = one(ta('EMA', { inReal: sliceFrom(macdLine, macdStart) }, { optInTimePeriod: 9 }, macdStart));
const macdHist = macdLine.map((m, i) => (macdSignal[i] !== null ? m - macdSignal[i] : null));
G['macd_12_26_9.csv'] = { macd: macdLine, signal: macdSignal, histogram: macdHist };
const taMacd = ta('MACD', { inReal: C }, { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 });
G['macd_talib_12_26_9.csv'] = { macd: taMacd.outMACD, signal: taMacd.outMACDSignal, histogram: taMacd.outMACDHist };

const bb = ta('BBANDS', { inReal: C }, { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 });
const up = bb.outRealUpperBand, mid = bb.outRealMiddleBand, lo = bb.outRealLowerBand;
G['bbands_20_2.csv'] = {
  upper: up, middle: mid, lower: lo,
  percentB: C.map((c, i) => (up[i] !== null ? (c - lo[i]) / (up[i] - lo[i]) : null)),
  bandwidth: C.map((c, i) => (up[i] !== null ? (up[i] - lo[i]) / mid[i] : null)),
};

const stochOpts = { optInFastK_Period: 14, optInSlowK_Period: 3, optInSlowK_MAType: 0, optInSlowD_Period: 3, optInSlowD_MAType: 0 };
// %K alone: the same STOCH with a 1-bar %D, since TA-Lib holds every output back until %D has its value
const kOnlyOpts = { ...stochOpts, optInSlowD_Period: 1 };
const st = ta('STOCH', { high: H, low: L, close: C }, stochOpts);
const stK = ta('STOCH', { high: H, low: L, close: C }, kOnlyOpts);
G['stoch_14_3_3.csv'] = { k: stK.outSlowK, d: st.outSlowD };

const rsiStart = firstIdx(rsi14);
const rsiSeries = sliceFrom(rsi14, rsiStart);
const srsi = ta('STOCH', { high: rsiSeries, low: rsiSeries, close: rsiSeries }, stochOpts, rsiStart);
const srsiK = ta('STOCH', { high: rsiSeries, low: rsiSeries, close: rsiSeries }, kOnlyOpts, rsiStart);
G['stochrsi_14_14_3_3.csv'] = { k: srsiK.outSlowK, d: srsi.outSlowD };

G['adx_14.csv'] = {
  adx: one(ta('ADX', { high: H, low: L, close: C }, { optInTimePeriod: 14 })),
  plusDi: one(ta('PLUS_DI', { high: H, low: L, close: C }, { optInTimePeriod: 14 })),
  minusDi: one(ta('MINUS_DI', { high: H, low: L, close: C }, { optInTimePeriod: 14 })),
};
G['cci_20.csv'] = { value: one(ta('CCI', { high: H, low: L, close: C }, { optInTimePeriod: 20 })) };
G['willr_14.csv'] = { value: one(ta('WILLR', { high: H, low: L, close: C }, { optInTimePeriod: 14 })) };
G['roc_10.csv'] = { value: one(ta('ROC', { inReal: C }, { optInTimePeriod: 10 })) };
G['mom_10.csv'] = { value: one(ta('MOM', { inReal: C }, { optInTimePeriod: 10 })) };
G['obv.csv'] = { value: one(ta('OBV', { inReal: C, volume: V })) };
G['mfi_14.csv'] = { value: one(ta('MFI', { high: H, low: L, close: C, volume: V }, { optInTimePeriod: 14 })) };
G['stddev_20.csv'] = { value: one(ta('STDDEV', { inReal: C }, { optInTimePeriod: 20, optInNbDev: 1 })) };
G['linregslope_14.csv'] = { value: one(ta('LINEARREG_SLOPE', { inReal: C }, { optInTimePeriod: 14 })) };
const sar = one(ta('SAR', { high: H, low: L }, { optInAcceleration: 0.02, optInMaximum: 0.2 }));
G['sar_0.02_0.2.csv'] = { value: sar };

const maxH20 = one(ta('MAX', { inReal: H }, { optInTimePeriod: 20 }));
const minL20 = one(ta('MIN', { inReal: L }, { optInTimePeriod: 20 }));
G['donchian_20.csv'] = {
  upper: maxH20,
  middle: maxH20.map((u, i) => (u !== null ? (u + minL20[i]) / 2 : null)),
  lower: minL20,
};

const ema20 = G['ema_20.csv'].value;
const atr10 = one(ta('ATR', { high: H, low: L, close: C }, { optInTimePeriod: 10 }));
const kOk = (i) => ema20[i] !== null && atr10[i] !== null;
G['keltner_20_10_2.csv'] = {
  upper: ema20.map((m, i) => (kOk(i) ? m + 2 * atr10[i] : null)),
  middle: ema20.map((m, i) => (kOk(i) ? m : null)),
  lower: ema20.map((m, i) => (kOk(i) ? m - 2 * atr10[i] : null)),
};

// HMA(16) = WMA(2*WMA(close, 8) - WMA(close, 16), 4), all WMAs from TA-Lib.
const HMA_N = 16;
const wHalf = one(ta('WMA', { inReal: C }, { optInTimePeriod: Math.floor(HMA_N / 2) }));
const wFull = one(ta('WMA', { inReal: C }, { optInTimePeriod: HMA_N }));
const hmaRaw = wFull.map((f, i) => (f !== null ? 2 * wHalf[i] - f : null));
const hmaRawStart = firstIdx(hmaRaw);
const hma = one(ta('WMA', { inReal: sliceFrom(hmaRaw, hmaRawStart) }, { optInTimePeriod: Math.floor(Math.sqrt(HMA_N)) }, hmaRawStart));
G['hma_16.csv'] = { value: hma };

// SuperTrend(10, 3), TradingView ta.supertrend recursion on TA-Lib ATR(10).
function superTrend(atr, mult) {
  const value = nulls(), direction = nulls();
  let pUp = null, pLo = null, pOnUpper = null;
  for (let i = 0; i < N; i++) {
    if (atr[i] === null) continue;
    const hl2 = (H[i] + L[i]) / 2;
    const bUp = hl2 + mult * atr[i];
    const bLo = hl2 - mult * atr[i];
    let fUp, fLo, dirUp;
    if (pUp === null) {
      fUp = bUp; fLo = bLo; dirUp = false; // first bar with an ATR: down
    } else {
      fLo = bLo > pLo || C[i - 1] < pLo ? bLo : pLo;
      fUp = bUp < pUp || C[i - 1] > pUp ? bUp : pUp;
      dirUp = pOnUpper ? C[i] > fUp : !(C[i] < fLo);
    }
    value[i] = dirUp ? fLo : fUp;
    direction[i] = dirUp ? 1 : -1;
    pUp = fUp; pLo = fLo; pOnUpper = !dirUp;
  }
  return { value, direction };
}
const stt = superTrend(atr10, 3);
G['supertrend_10_3.csv'] = stt;

const midHL = (p) => {
  const mx = one(ta('MAX', { inReal: H }, { optInTimePeriod: p }));
  const mn = one(ta('MIN', { inReal: L }, { optInTimePeriod: p }));
  return mx.map((x, i) => (x !== null ? (x + mn[i]) / 2 : null));
};
const tenkan = midHL(9), kijun = midHL(26), senkouB = midHL(52);
const senkouA = tenkan.map((t, i) => (t !== null && kijun[i] !== null ? (t + kijun[i]) / 2 : null));
G['ichimoku_9_26_52.csv'] = { tenkan, kijun, senkouA, senkouB };

const vwap = nulls();
{
  let pv = 0, vv = 0;
  for (let i = 0; i < N; i++) {
    if (i === 0 || NY[i].date !== NY[i - 1].date) { pv = 0; vv = 0; }
    pv += ((H[i] + L[i] + C[i]) / 3) * V[i];
    vv += V[i];
    vwap[i] = pv / vv;
  }
}
G['vwap_session.csv'] = { value: vwap };

const dayStats = new Map(); // date -> {H, L, C}
for (let i = 0; i < N; i++) {
  const d = NY[i].date;
  const s = dayStats.get(d);
  if (!s) dayStats.set(d, { H: H[i], L: L[i], C: C[i] });
  else { s.H = Math.max(s.H, H[i]); s.L = Math.min(s.L, L[i]); s.C = C[i]; }
}
const dates = [...dayStats.keys()];
{
  const cols = { pivot: nulls(), r1: nulls(), r2: nulls(), r3: nulls(), s1: nulls(), s2: nulls(), s3: nulls() };
  for (let i = 0; i < N; i++) {
    const di = dates.indexOf(NY[i].date);
    if (di === 0) continue;
    const { H: hh, L: ll, C: cc } = dayStats.get(dates[di - 1]);
    const p = (hh + ll + cc) / 3;
    cols.pivot[i] = p;
    cols.r1[i] = 2 * p - ll; cols.s1[i] = 2 * p - hh;
    cols.r2[i] = p + (hh - ll); cols.s2[i] = p - (hh - ll);
    cols.r3[i] = hh + 2 * (p - ll); cols.s3[i] = ll - 2 * (hh - p);
  }
  G['pivots_classic.csv'] = cols;
}

for (const [file, cols] of Object.entries(G)) writeGolden(file, cols);

// ---------------------------------------------------------------------------------------------
// 4. Convention checks and cross-checks (reported in SOURCES.md, never written to a golden file)
// ---------------------------------------------------------------------------------------------
const e = (x) => (x === 0 ? '0' : x.toExponential(1));
const REL = 1e-6;

// Compares golden `g` with `o` (both full-length, null = no value). A bar "agrees" when
// |diff| <= max(REL * |golden|, ABS); max rel diff is taken over bars with |golden| >= 1e-6.
const ABS = 1e-9;
function cmp(g, o) {
  let n = 0, maxAbs = 0, maxRel = 0, lastBad = -1, onlyG = 0, onlyO = 0;
  for (let i = 0; i < N; i++) {
    const a = g[i], b = o[i] === undefined || Number.isNaN(o[i]) ? null : o[i];
    if (a === null && b === null) continue;
    if (a === null) { onlyO++; continue; }
    if (b === null) { onlyG++; continue; }
    n++;
    const d = Math.abs(a - b);
    maxAbs = Math.max(maxAbs, d);
    if (Math.abs(a) >= 1e-6) maxRel = Math.max(maxRel, d / Math.abs(a));
    if (d > Math.max(REL * Math.abs(a), ABS)) lastBad = i;
  }
  return { n, maxAbs, maxRel, lastBad, onlyG, onlyO, firstO: firstIdx(o.map((x) => (x === undefined || Number.isNaN(x) ? null : x))) };
}
function describe(c) {
  let s = `${c.n} bars compared, max abs diff ${e(c.maxAbs)}, max rel diff ${e(c.maxRel)}`;
  s += c.lastBad < 0 ? ' — AGREES on every compared bar'
    : c.lastBad === N - 1 ? ' — differs (still at the last bar)'
      : ` — differs up to bar ${c.lastBad}, agrees from bar ${c.lastBad + 1} on`;
  if (c.onlyG || c.onlyO) s += `; warm-up differs (other library's first value at bar ${c.firstO}; ${c.onlyG} bars only in golden, ${c.onlyO} only in other)`;
  return s;
}
const rightAlign = (arr, f = (x) => x) => {
  const out = nulls();
  arr.forEach((x, j) => { out[N - arr.length + j] = f(x); });
  return out;
};
// Streams a trading-signals indicator; `get` maps the update result (or the indicator) to a number.
function tsRun(ind, inputs, get = (r) => r) {
  return inputs.map((x) => {
    const r = ind.update(x, false);
    if (r === null || r === undefined || ind.isStable === false) return null;
    return get(r, ind);
  });
}
const candles = C.map((c, i) => ({ open: O[i], high: H[i], low: L[i], close: c, volume: V[i] }));
const checks = {}; // file -> [lines]
function check(file, label, fn) {
  (checks[file] ||= []);
  try {
    checks[file].push(`${label}: ${fn()}`);
  } catch (err) {
    checks[file].push(`${label}: could not run (${String(err.message || err).split('\n')[0]})`);
  }
}
const cmpCols = (file, pairs) => pairs.map(([col, arr]) => `${col}: ${describe(cmp(G[file][col], arr))}`).join('; ');

const TIV = `technicalindicators ${pkgVersion('technicalindicators')}`;
const TSV = `trading-signals ${pkgVersion('trading-signals')}`;
const DBV = `@debut/indicators ${pkgVersion('@debut/indicators')}`;

// --- convention confirmations
const notes = {};
{
  // EMA(20) seed = SMA of closes 0..19, then e += (c - e) * 2/(n+1).
  let s = 0; for (let i = 0; i < 20; i++) s += C[i];
  const seed = s / 20;
  const manual = nulls(); manual[19] = seed;
  for (let i = 20; i < N; i++) manual[i] = manual[i - 1] + (C[i] - manual[i - 1]) * (2 / 21);
  const c = cmp(G['ema_20.csv'].value, manual);
  notes.ema = `TA-Lib EMA(20) first value is at bar 19 and equals the SMA of closes 0..19 ` +
    `(|EMA[19] − SMA| = ${e(Math.abs(G['ema_20.csv'].value[19] - seed))}); an independent recursion ` +
    `e[i] = e[i−1] + 2/21·(close[i] − e[i−1]) from that seed gives max rel diff ${e(c.maxRel)} over ${c.n} bars.`;

  const m = cmp(G['macd_12_26_9.csv'].macd, taMacd.outMACD);
  const sg = cmp(G['macd_12_26_9.csv'].signal, taMacd.outMACDSignal);
  const hs = cmp(G['macd_12_26_9.csv'].histogram, taMacd.outMACDHist);
  // Reconstruct TA-Lib's MACD: fast EMA seeded at bar 25 with the SMA of closes 14..25.
  const emaFrom = (src, from, n, seedFrom) => {
    const out = nulls();
    let s0 = 0; for (let i = seedFrom; i <= from; i++) s0 += src[i];
    out[from] = s0 / (from - seedFrom + 1);
    for (let i = from + 1; i < N; i++) out[i] = out[i - 1] + (src[i] - out[i - 1]) * (2 / (n + 1));
    return out;
  };
  const f12 = emaFrom(C, 25, 12, 14), s26 = emaFrom(C, 25, 26, 0);
  const line = f12.map((x, i) => (x !== null ? x - s26[i] : null));
  const sig = emaFrom(line, 33, 9, 25);
  const rc = cmp(taMacd.outMACD, line.map((x, i) => (i >= 33 ? x : null)));
  const rs = cmp(taMacd.outMACDSignal, sig);
  notes.macd = {
    m, sg, hs,
    talibFirst: firstIdx(taMacd.outMACD),
    recon: `Reconstructing it in plain JS that way (EMA12 seeded with SMA(closes 14..25) at bar 25, EMA26 with SMA(closes 0..25), signal seeded with SMA(macd 25..33)) reproduces TA-Lib's MACD: macd max rel diff ${e(rc.maxRel)}, signal max rel diff ${e(rs.maxRel)}.`,
  };
}

// --- cross-checks
const RUN = (ctor, inputs, get) => tsRun(ctor, inputs, get);
check('sma_20.csv', TIV + ' SMA', () => cmpCols('sma_20.csv', [['value', rightAlign(TI.SMA.calculate({ period: 20, values: C }))]]));
check('sma_20.csv', TSV + ' SMA', () => cmpCols('sma_20.csv', [['value', RUN(new TS.SMA(20), C)]]));
check('ema_20.csv', TIV + ' EMA', () => cmpCols('ema_20.csv', [['value', rightAlign(TI.EMA.calculate({ period: 20, values: C }))]]));
check('ema_20.csv', TSV + ' EMA', () => cmpCols('ema_20.csv', [['value', RUN(new TS.EMA(20), C)]]));
check('wma_20.csv', TIV + ' WMA', () => cmpCols('wma_20.csv', [['value', rightAlign(TI.WMA.calculate({ period: 20, values: C }))]]));
check('wma_20.csv', TSV + ' WMA', () => cmpCols('wma_20.csv', [['value', RUN(new TS.WMA(20), C)]]));
check('rsi_14.csv', TIV + ' RSI (rounds its output to 2 decimals)', () => cmpCols('rsi_14.csv', [['value', rightAlign(TI.RSI.calculate({ period: 14, values: C }))]]));
check('rsi_14.csv', TSV + ' RSI', () => cmpCols('rsi_14.csv', [['value', RUN(new TS.RSI(14), C)]]));
check('atr_14.csv', TIV + ' ATR', () => cmpCols('atr_14.csv', [['value', rightAlign(TI.ATR.calculate({ period: 14, high: H, low: L, close: C }))]]));
check('atr_14.csv', TSV + ' ATR', () => cmpCols('atr_14.csv', [['value', RUN(new TS.ATR(14), candles)]]));
{
  const r = TI.MACD.calculate({ values: C, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false });
  const f = (k) => rightAlign(r, (x) => (x[k] === undefined ? null : x[k]));
  check('macd_12_26_9.csv', TIV + ' MACD', () => cmpCols('macd_12_26_9.csv', [['macd', f('MACD')], ['signal', f('signal')], ['histogram', f('histogram')]]));
  check('macd_talib_12_26_9.csv', TIV + ' MACD', () => cmpCols('macd_talib_12_26_9.csv', [['macd', f('MACD')], ['signal', f('signal')], ['histogram', f('histogram')]]));
}
{
  const r = TI.BollingerBands.calculate({ period: 20, stdDev: 2, values: C });
  const f = (k) => rightAlign(r, (x) => x[k]);
  check('bbands_20_2.csv', TIV + ' BollingerBands', () => cmpCols('bbands_20_2.csv', [['upper', f('upper')], ['middle', f('middle')], ['lower', f('lower')], ['percentB', f('pb')]]));
  const t = RUN(new TS.BollingerBands(20, 2), C, (x) => x);
  const g = (k) => t.map((x) => (x ? x[k] : null));
  check('bbands_20_2.csv', TSV + ' BollingerBands', () => cmpCols('bbands_20_2.csv', [['upper', g('upper')], ['middle', g('middle')], ['lower', g('lower')]]));
  check('bbands_20_2.csv', TSV + ' BollingerBandsWidth', () => cmpCols('bbands_20_2.csv', [['bandwidth', RUN(new TS.BollingerBandsWidth(new TS.BollingerBands(20, 2)), C)]]));
}
{
  const r = TI.Stochastic.calculate({ period: 14, signalPeriod: 3, high: H, low: L, close: C });
  check('stoch_14_3_3.csv', TIV + ' Stochastic (its d = SMA3 of fast %K = our slow k; it has no slow d)', () =>
    cmpCols('stoch_14_3_3.csv', [['k', rightAlign(r, (x) => (x.d === undefined ? null : x.d))]]));
  const t = RUN(new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), candles, (x) => x);
  check('stoch_14_3_3.csv', TSV + ' StochasticOscillator({kPeriod 14, kSlowingPeriod 3, dPeriod 3})', () =>
    cmpCols('stoch_14_3_3.csv', [['k', t.map((x) => (x ? x.stochK : null))], ['d', t.map((x) => (x ? x.stochD : null))]]));
}
{
  const r = TI.StochasticRSI.calculate({ values: C, rsiPeriod: 14, stochasticPeriod: 14, kPeriod: 3, dPeriod: 3 });
  check('stochrsi_14_14_3_3.csv', TIV + ' StochasticRSI (on its 2-decimal RSI)', () =>
    cmpCols('stochrsi_14_14_3_3.csv', [['k', rightAlign(r, (x) => x.k)], ['d', rightAlign(r, (x) => x.d)]]));
  const ind = new TS.StochasticRSI(14);
  const ks = [], ds = [];
  for (const c of C) {
    ind.update(c, false);
    ks.push(ind.smoothing.k.isStable ? 100 * ind.smoothing.k.getResultOrThrow() : null);
    ds.push(ind.smoothing.d.isStable ? 100 * ind.smoothing.d.getResultOrThrow() : null);
  }
  check('stochrsi_14_14_3_3.csv', TSV + ' StochasticRSI(14) smoothing k/d ×100', () => cmpCols('stochrsi_14_14_3_3.csv', [['k', ks], ['d', ds]]));
}
{
  const r = TI.ADX.calculate({ period: 14, high: H, low: L, close: C });
  check('adx_14.csv', TIV + ' ADX', () => cmpCols('adx_14.csv', [['adx', rightAlign(r, (x) => x.adx)], ['plusDi', rightAlign(r, (x) => x.pdi)], ['minusDi', rightAlign(r, (x) => x.mdi)]]));
  const ind = new TS.ADX(14);
  const a = [], p = [], m = [];
  for (const c of candles) {
    const v = ind.update(c, false);
    a.push(v === null ? null : v);
    p.push(typeof ind.pdi === 'number' ? 100 * ind.pdi : null);
    m.push(typeof ind.mdi === 'number' ? 100 * ind.mdi : null);
  }
  check('adx_14.csv', TSV + ' ADX(14) (pdi/mdi ×100)', () => cmpCols('adx_14.csv', [['adx', a], ['plusDi', p], ['minusDi', m]]));
}
check('cci_20.csv', TIV + ' CCI', () => cmpCols('cci_20.csv', [['value', rightAlign(TI.CCI.calculate({ period: 20, high: H, low: L, close: C }))]]));
check('cci_20.csv', TSV + ' CCI', () => cmpCols('cci_20.csv', [['value', RUN(new TS.CCI(20), candles)]]));
check('willr_14.csv', TIV + ' WilliamsR', () => cmpCols('willr_14.csv', [['value', rightAlign(TI.WilliamsR.calculate({ period: 14, high: H, low: L, close: C }))]]));
check('willr_14.csv', TSV + ' WilliamsR', () => cmpCols('willr_14.csv', [['value', RUN(new TS.WilliamsR(14), candles)]]));
check('roc_10.csv', TIV + ' ROC', () => cmpCols('roc_10.csv', [['value', rightAlign(TI.ROC.calculate({ period: 10, values: C }))]]));
check('roc_10.csv', TSV + ' ROC ×100', () => cmpCols('roc_10.csv', [['value', RUN(new TS.ROC(10), C, (x) => 100 * x)]]));
check('mom_10.csv', TSV + ' MOM', () => cmpCols('mom_10.csv', [['value', RUN(new TS.MOM(10), C)]]));
check('obv.csv', TIV + ' OBV', () => cmpCols('obv.csv', [['value', rightAlign(TI.OBV.calculate({ close: C, volume: V }))]]));
check('mfi_14.csv', TIV + ' MFI (rounds to 2 decimals)', () => cmpCols('mfi_14.csv', [['value', rightAlign(TI.MFI.calculate({ period: 14, high: H, low: L, close: C, volume: V }))]]));
check('mfi_14.csv', TSV + ' MFI', () => cmpCols('mfi_14.csv', [['value', RUN(new TS.MFI(14), candles)]]));
check('stddev_20.csv', TIV + ' SD', () => cmpCols('stddev_20.csv', [['value', rightAlign(TI.SD.calculate({ period: 20, values: C }))]]));
check('linregslope_14.csv', TSV + ' LinearRegression(14).slope', () => cmpCols('linregslope_14.csv', [['value', RUN(new TS.LinearRegression(14), C, (x) => x.slope)]]));
check('sar_0.02_0.2.csv', TIV + ' PSAR', () => cmpCols('sar_0.02_0.2.csv', [['value', rightAlign(TI.PSAR.calculate({ high: H, low: L, step: 0.02, max: 0.2 }))]]));
check('sar_0.02_0.2.csv', TSV + ' PSAR', () => cmpCols('sar_0.02_0.2.csv', [['value', RUN(new TS.PSAR({ accelerationStep: 0.02, accelerationMax: 0.2 }), candles)]]));
{
  const t = RUN(new TS.DonchianChannels(20), candles, (x) => x);
  const g = (k) => t.map((x) => (x ? x[k] : null));
  check('donchian_20.csv', TSV + ' DonchianChannels', () => cmpCols('donchian_20.csv', [['upper', g('upper')], ['middle', g('middle')], ['lower', g('lower')]]));
}
{
  const t = RUN(new TS.KeltnerChannels({ atrInterval: 10, emaInterval: 20, multiplier: 2 }), candles, (x) => x);
  const g = (k) => t.map((x) => (x ? x[k] : null));
  check('keltner_20_10_2.csv', TSV + ' KeltnerChannels', () => cmpCols('keltner_20_10_2.csv', [['upper', g('upper')], ['middle', g('middle')], ['lower', g('lower')]]));
  const r = TI.KeltnerChannels.calculate({ maPeriod: 20, atrPeriod: 10, useSMA: false, multiplier: 2, high: H, low: L, close: C });
  check('keltner_20_10_2.csv', TIV + ' KeltnerChannels', () => cmpCols('keltner_20_10_2.csv', [['upper', rightAlign(r, (x) => x.upper)], ['middle', rightAlign(r, (x) => x.middle)], ['lower', rightAlign(r, (x) => x.lower)]]));
}
check('hma_16.csv', TSV + ' HMA(16)', () => cmpCols('hma_16.csv', [['value', RUN(new TS.HMA(16), C)]]));
{
  const t = RUN(new TS.SuperTrend({ interval: 10, multiplier: 3 }), candles, (x) => x);
  check('supertrend_10_3.csv', TSV + ' SuperTrend({interval 10, multiplier 3}) (trend BULLISH→+1, BEARISH→−1)', () =>
    cmpCols('supertrend_10_3.csv', [['value', t.map((x) => (x ? x.supertrend : null))], ['direction', t.map((x) => (x ? (x.trend === 'BULLISH' ? 1 : -1) : null))]]));
  const d = new DEBUT.SuperTrend(10, 3, 'WEMA');
  const dv = [], dd = [];
  for (let i = 0; i < N; i++) {
    const r = d.nextValue(H[i], L[i], C[i]);
    dv.push(r ? r.superTrend : null);
    dd.push(r ? -r.direction : null);
  }
  check('supertrend_10_3.csv', DBV + " SuperTrend(10, 3, 'WEMA') (its direction is Pine's sign, negated here)", () =>
    cmpCols('supertrend_10_3.csv', [['value', dv], ['direction', dd]]));
}
{
  const r = TI.IchimokuCloud.calculate({ high: H, low: L, conversionPeriod: 9, basePeriod: 26, spanPeriod: 52, displacement: 26 });
  const f = (k) => rightAlign(r, (x) => x[k]);
  check('ichimoku_9_26_52.csv', TIV + ' IchimokuCloud (displacement 26 passed; output right-aligned to bars)', () =>
    cmpCols('ichimoku_9_26_52.csv', [['tenkan', f('conversion')], ['kijun', f('base')], ['senkouA', f('spanA')], ['senkouB', f('spanB')]]));
  const t = RUN(new TS.IchimokuCloud({ conversionInterval: 9, baseInterval: 26, spanBInterval: 52 }), candles, (x) => x);
  const g = (k) => t.map((x) => (x ? x[k] : null));
  check('ichimoku_9_26_52.csv', TSV + ' IchimokuCloud', () =>
    cmpCols('ichimoku_9_26_52.csv', [['tenkan', g('conversion')], ['kijun', g('base')], ['senkouA', g('spanA')], ['senkouB', g('spanB')]]));
}
{
  const ti = nulls(), ts = nulls();
  for (const d of dates) {
    const idx = [...Array(N).keys()].filter((i) => NY[i].date === d);
    const pick = (a) => idx.map((i) => a[i]);
    const r = TI.VWAP.calculate({ high: pick(H), low: pick(L), close: pick(C), volume: pick(V) });
    r.forEach((x, j) => { ti[idx[idx.length - r.length + j]] = x; });
    const ind = new TS.VWAP();
    idx.forEach((i) => { ts[i] = ind.update(candles[i], false); });
  }
  check('vwap_session.csv', TIV + ' VWAP, restarted each New York date', () => cmpCols('vwap_session.csv', [['value', ti]]));
  check('vwap_session.csv', TSV + ' VWAP, restarted each New York date', () => cmpCols('vwap_session.csv', [['value', ts]]));
}

// Series facts, reported in SOURCES.md.
const flips = (a) => a.reduce((n, x, i) => n + (i > 0 && a[i - 1] !== null && x !== null && Math.sign(x - C[i]) !== Math.sign(a[i - 1] - C[i - 1]) ? 1 : 0), 0);
const stFlips = stt.direction.reduce((n, x, i) => n + (i > 0 && stt.direction[i - 1] !== null && x !== stt.direction[i - 1] ? 1 : 0), 0);
const flatBars = C.map((c, i) => (i > 0 && c === C[i - 1] ? i : -1)).filter((i) => i >= 0);
const gaps = dates.slice(1).map((d) => {
  const i = NY.findIndex((p) => p.date === d);
  return `${d} open ${O[i].toFixed(2)} vs prior close ${C[i - 1].toFixed(2)}`;
});

// ---------------------------------------------------------------------------------------------
// 5. SOURCES.md
// ---------------------------------------------------------------------------------------------
const TAV = `TA-Lib C ${talibCVersion} (bundled in npm talib ${pkgVersion('talib')}, built from source by node-gyp)`;
const fileNotes = {
  'sma_20.csv': 'TA-Lib `SMA`, optInTimePeriod 20, on close.',
  'ema_20.csv': `TA-Lib \`EMA\`, optInTimePeriod 20, on close. ${notes.ema}`,
  'wma_20.csv': 'TA-Lib `WMA`, optInTimePeriod 20, on close (weights 1..20, newest heaviest).',
  'rsi_14.csv': 'TA-Lib `RSI`, optInTimePeriod 14, on close (Wilder smoothing, seeded with the simple average of the first 14 changes; unstable period 0).',
  'atr_14.csv': 'TA-Lib `ATR`, optInTimePeriod 14, on high/low/close. First value at bar 14 = mean of the true ranges of bars 1..14 (bar 0 has no true range in TA-Lib), then Wilder smoothing.',
  'macd_12_26_9.csv': 'Assembled from TA-Lib `EMA`: macd = EMA(close,12) − EMA(close,26), each EMA seeded with the SMA of its own first N closes from bar 0 (fast from closes 0..11, slow from 0..25), macd from bar 25; signal = TA-Lib `EMA`(9) applied to the macd series starting at bar 25 (seeded with the SMA of macd 25..33, first at bar 33); histogram = macd − signal. This is the StockCharts worked-example / npm technicalindicators convention, chosen on purpose because TA-Lib\'s own `MACD` differs (see macd_talib_12_26_9.csv).',
  'macd_talib_12_26_9.csv': null, // filled below
  'bbands_20_2.csv': 'TA-Lib `BBANDS`, optInTimePeriod 20, optInNbDevUp 2, optInNbDevDn 2, optInMAType 0 (SMA; population standard deviation). percentB = (close − lower)/(upper − lower) and bandwidth = (upper − lower)/middle are computed by generate.js from TA-Lib\'s bands.',
  'stoch_14_3_3.csv': 'TA-Lib `STOCH`, optInFastK_Period 14, optInSlowK_Period 3, optInSlowK_MAType 0 (SMA), optInSlowD_Period 3, optInSlowD_MAType 0 (SMA); d = outSlowD (from bar 17); k = outSlowK of the same call with optInSlowD_Period 1 (from bar 15), because TA-Lib starts both outputs together when %D is asked for, although %K exists two bars earlier (as charts show it); TA-Lib gives fast %K = 0 when the 14-bar range is 0.',
  'stochrsi_14_14_3_3.csv': 'TradingView Stoch RSI (14, 14, 3, 3): TA-Lib `RSI`(14) of close (first at bar 14), then TA-Lib `STOCH` on that RSI series used as high, low and close, optInFastK_Period 14, slow K 3 (SMA), slow D 3 (SMA); k and d as in stoch_14_3_3.csv (k from the call with optInSlowD_Period 1, from bar 29; d from bar 31), on a 0..100 scale. Not TA-Lib\'s `STOCHRSI` function (whose outputs are a fast %K/%D pair).',
  'adx_14.csv': 'TA-Lib `ADX`, `PLUS_DI`, `MINUS_DI`, each optInTimePeriod 14, on high/low/close (Wilder; DI from bar 14, ADX from bar 27).',
  'cci_20.csv': 'TA-Lib `CCI`, optInTimePeriod 20 (typical price, mean deviation, 0.015 constant).',
  'willr_14.csv': 'TA-Lib `WILLR`, optInTimePeriod 14 (range −100..0).',
  'roc_10.csv': 'TA-Lib `ROC`, optInTimePeriod 10: (close/close[n−10] − 1)·100, percent.',
  'mom_10.csv': 'TA-Lib `MOM`, optInTimePeriod 10: close − close[n−10].',
  'obv.csv': 'TA-Lib `OBV` on close and volume. TA-Lib starts the running total at bar 0 with +volume[0] (TradingView and technicalindicators start from 0, a constant offset of volume[0]); an unchanged close adds nothing.',
  'mfi_14.csv': 'TA-Lib `MFI`, optInTimePeriod 14, on high/low/close/volume (typical price; first value at bar 14).',
  'stddev_20.csv': 'TA-Lib `STDDEV`, optInTimePeriod 20, optInNbDev 1, on close (population standard deviation, divisor 20).',
  'linregslope_14.csv': 'TA-Lib `LINEARREG_SLOPE`, optInTimePeriod 14, on close (least-squares slope per bar, x = 0..13).',
  'sar_0.02_0.2.csv': 'TA-Lib `SAR`, optInAcceleration 0.02, optInMaximum 0.2, on high/low. First value at bar 1; TA-Lib picks the initial direction from the directional movement of bars 0..1 (short if −DM > +DM, else long) and starts the SAR at the bar-0 extreme.',
  'donchian_20.csv': 'upper = TA-Lib `MAX`(high, 20), lower = TA-Lib `MIN`(low, 20), middle = (upper + lower)/2 computed by generate.js. The window includes the current bar.',
  'keltner_20_10_2.csv': 'StockCharts Keltner Channels: middle = TA-Lib `EMA`(close, 20), upper/lower = middle ± 2 × TA-Lib `ATR`(10), computed by generate.js; empty until both exist (bar 19).',
  'hma_16.csv': 'Hull MA (Alan Hull): HMA(16) = WMA(2·WMA(close, 8) − WMA(close, 16), 4) with n/2 and sqrt(n) floored, every WMA being TA-Lib `WMA`; the inner series starts at bar 15, so HMA starts at bar 18. Assembled by generate.js.',
  'supertrend_10_3.csv': 'TradingView `ta.supertrend(3, 10)` recursion, written in plain JS in generate.js on top of TA-Lib `ATR`(10) (Wilder, first ATR at bar 10 = mean true range of bars 1..10). hl2 = (high+low)/2; basic bands hl2 ± 3·ATR; final lower = basic lower if basic lower > previous final lower or previous close < previous final lower, else previous final lower; final upper symmetric; first bar with an ATR is a down trend; afterwards, if the previous supertrend was the upper band, up when close > final upper, else (previous was the lower band) down when close < final lower. value = final lower in an up trend, final upper in a down trend. direction: +1 = up trend (line below price), −1 = down trend — the OPPOSITE sign of Pine\'s `direction` output (Pine uses −1 for up).',
  'ichimoku_9_26_52.csv': 'tenkan = (TA-Lib `MAX`(high,9) + `MIN`(low,9))/2, kijun = same over 26, senkouA = (tenkan + kijun)/2, senkouB = (MAX(high,52) + MIN(low,52))/2, all computed AT the bar from bars up to and including it — no forward (26-bar) displacement; a charting package plots senkouA/B at bar i + 26 (Pine: offset = displacement − 1 = 25 with its 1-based convention). Each column has its own warm-up (tenkan from 8, kijun/senkouA from 25, senkouB from 51).',
  'vwap_session.csv': 'Session VWAP computed by generate.js: per New York calendar date, Σ(typical × volume)/Σ volume from the day\'s first bar to the current bar, typical = (high+low+close)/3, reset at each new date.',
  'pivots_classic.csv': 'StockCharts classic (floor) pivots computed by generate.js from the PREVIOUS New York date\'s bars: H = highest high, L = lowest low, C = last close of that date; P = (H+L+C)/3, R1 = 2P − L, S1 = 2P − H, R2 = P + (H − L), S2 = P − (H − L), R3 = H + 2(P − L), S3 = L − 2(H − P). Empty on the first date (bars 0..77); the same values for every bar of a date.',
};
{
  const { m, sg, hs, talibFirst } = notes.macd;
  fileNotes['macd_talib_12_26_9.csv'] = `TA-Lib's own \`MACD\`, optInFastPeriod 12, optInSlowPeriod 26, optInSignalPeriod 9, for comparison only. ` +
    `TA-Lib starts all three outputs at bar ${talibFirst} and seeds the FAST EMA late, so that both EMAs start at the same bar: its EMA(12) is seeded with the SMA of closes 14..25 at bar 25 ` +
    `(instead of closes 0..11 at bar 11), and the signal with the SMA of the macd values 25..33. ${notes.macd.recon} Against macd_12_26_9.csv: ` +
    `macd — ${describe(m)}; signal — ${describe(sg)}; histogram — ${describe(hs)}. ` +
    `So the two conventions are NOT interchangeable at 1e-6 in the first part of the series (the fast-EMA seed difference decays by 11/13 per bar); macd_12_26_9.csv is the wanted convention.`;
}

const md = [];
md.push('# Indicator golden values — sources');
md.push('');
md.push('Generated by `src/test/scripts/indicator-golden/generate.js` (`npm ci && node generate.js` in that folder; dependency versions pinned exactly in its package.json / package-lock.json). The script rewrites every file in this folder, `../bars.csv` and this SOURCES.md byte for byte.');
md.push('');
md.push(`Reference: **${TAV}**, called through the package's \`execute\` API with startIdx 0, endIdx 319 and default unstable periods (0) / default compatibility (classic, EMA seeded with an SMA). Composite indicators are assembled in the script from TA-Lib outputs as stated per file. Cross-check libraries (never used for golden values): ${TIV}, ${TSV}, ${DBV}. The committed files were generated with Node v20.20.2 on Linux x86-64 (talib declares engines node >= 22 but builds and runs on Node 20).`);
md.push('');
md.push('## Input: ../bars.csv');
md.push('');
md.push(`320 five-minute bars (header \`t,open,high,low,close,volume\`, t = bar start in epoch ms UTC), US regular session 09:30–15:55 America/New_York (EST, UTC−5; all dates are before the 2026-03-08 DST change), 78 bars a day on ${dates.join(', ')} (the last date has 8 bars, 09:30–10:05). ` +
  `Synthetic random walk from 100.00, mulberry32 PRNG with seed ${SEED} and an Irwin-Hall normal, prices in integer cents printed with 2 decimals, volumes integers 1,000–200,000. ` +
  `Regimes by bar index: ${REGIMES.map((r) => `${r.from}+ ${r.name}`).join('; ')}. ` +
  `Overnight gaps: ${gaps.join('; ')}. Bars whose close equals the previous close: ${flatBars.join(', ')}. ` +
  `The SAR changes side ${flips(sar)} times and the SuperTrend changes direction ${stFlips} times.`);
md.push('');
md.push('## Format');
md.push('');
md.push('Each CSV: header `index,<columns>`, one row per bar index 0..319; an empty cell where the reference has no value yet (warm-up; each column has its own). Numbers are JavaScript\'s shortest round-trip representation of the double (`String(x)`; may use exponent notation such as `1.2e-7` or `-1.1842378929335002e-15`), so `Double.parseDouble` gets the exact double back. Intended comparison: 1e-6 relative, with an absolute floor (e.g. 1e-9) for cells whose exact value is 0 — see the last note below.');
md.push('');
md.push('## Files');
md.push('');
for (const w of written) {
  md.push(`### ${w.file}`);
  md.push('');
  md.push(`Columns: ${w.cols.join(', ')}.`);
  md.push('');
  md.push(fileNotes[w.file]);
  md.push('');
  if (checks[w.file]) {
    md.push('Cross-checks:');
    for (const c of checks[w.file]) md.push(`- ${c}`);
    md.push('');
  }
}
md.push('## Convention notes on the cross-checks');
md.push('');
md.push('- "Agrees" means |golden − other| ≤ max(1e-6·|golden|, 1e-9) on every bar where both have a value; "max rel diff" is taken over bars with |golden| ≥ 1e-6.');
md.push('- technicalindicators rounds its RSI and MFI outputs to 2 decimals (`toFixed(2)`), so those can only agree to ~5e-3 absolute; its StochasticRSI is built on that rounded RSI, hence its k/d differences.');
md.push('- technicalindicators MFI also ignores bar 0 (first money-flow comparison is bar 2 vs bar 1, first value at bar 15) and counts an unchanged typical price as negative flow (TA-Lib counts it as neither), so it never converges to TA-Lib here.');
md.push('- technicalindicators ADX seeds its smoothing differently (its DI first at bar 27, not 14); it converges to TA-Lib to 1e-6 as the seed decays (see adx_14.csv).');
md.push('- technicalindicators OBV starts its running total at 0 on bar 1 (like TradingView `ta.obv`, which is 0 on bar 0); TA-Lib starts at +volume[0] on bar 0, so the two differ by the constant volume[0] on every bar.');
md.push('- trading-signals EMA is seeded with the first close (not the SMA of the first n closes) and reports values from bar n−1, so it converges to TA-Lib\'s EMA only as the seed decays; its KeltnerChannels inherit that and its ATR difference.');
md.push('- trading-signals ATR (also inside its SuperTrend, KeltnerChannels, ADX) uses a true range of high − low on bar 0 and seeds Wilder\'s average with the mean of true ranges 0..n−1 (first ATR at bar n−1, like TradingView\'s `ta.atr`); TA-Lib skips bar 0 (first ATR at bar n from true ranges 1..n). The difference decays by (1 − 1/n) per bar. The golden files follow TA-Lib.');
md.push('- trading-signals DX/ADX counts both +DM and −DM when the up-move equals the down-move (ties are frequent with cent prices) where TA-Lib/Wilder count neither, and it feeds a zero DM for bar 0; it therefore never converges to TA-Lib here.');
md.push('- trading-signals StochasticRSI updates its d smoothing only when k is truthy (`if (k)`), so d skips bars where k is exactly 0; and its raw value is 100 (not 0) when the RSI range is 0. Its k agrees with the golden file wherever those cases are not involved.');
md.push('- trading-signals PSAR differs from TA-Lib for most of the series (its start-up/reversal handling differs; not investigated further). technicalindicators PSAR matches TA-Lib exactly, except that it also reports a value on bar 0.');
md.push('- technicalindicators IchimokuCloud accepts `displacement` but shifts nothing (the shift code is commented out): it returns unshifted tenkan/kijun/spanA/spanB identical to the at-the-bar values here, only starting when all inputs exist (first output at bar max(9, 26, 52, displacement 26) − 1 = 51). trading-signals IchimokuCloud is unshifted too, also starting at bar 51. To plot the cloud, shift senkouA/senkouB forward by 26 bars (value of bar i drawn at bar i + 26).');
md.push('- SuperTrend: @debut/indicators uses the same ATR as TA-Lib (skips bar 0, Wilder seeded with the mean of true ranges 1..10) and the same recursion, and agrees on every bar; its `direction` uses Pine\'s sign (+1 = down), negated for the comparison.');
md.push('- Near-zero values: TA-Lib\'s running sums leave rounding residue where the exact result is 0 (e.g. Stoch RSI k of −1.2e-15 when RSI sits at its 14-bar low for 3 bars). A test comparing at 1e-6 relative needs an absolute floor for such cells, e.g. |actual − expected| ≤ max(1e-6·|expected|, 1e-9).');
md.push('');
fs.writeFileSync(path.join(GOLD_DIR, 'SOURCES.md'), md.join('\n'));

console.log(`wrote bars.csv and ${written.length} golden files + SOURCES.md to ${path.relative(process.cwd(), GOLD_DIR) || '.'}`);
