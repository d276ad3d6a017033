// The "Issue 15: the popup's ideas" section of bench/results.md: what each idea was measured to do, or the
// measured bound on what it could do where it was not built as a variant.
import type { FirefoxFigures } from './measure-firefox';
import type { Spread } from './stats';
import type { PopupFigures } from './measure-popup';
import { BUDGETS } from './budgets';
import { round } from './stats';

/**
 * What a CPU profile and a Chrome trace of popup opens showed (session of 2026-12-06, not re-measured by each
 * run: the traced breakdown in "Popup breakdown" is), and what was changed at its cause.
 */
const PROFILED = [
  "- **Profiled** (CDP Profiler at 50 µs and Chrome traces of popup opens, an unminified build, load 5-15): before the change, the first effects after the frame that painted the explanation ran the sections below it first (Preact runs effects child by child): each lazy section's import went through Vite's preload helper, which appended a `<link rel=modulepreload>` per dependency (SendPreview's 49.8 KB gzip site-scope chunk among them): 16-40 ms of main thread between the paint and the mark; the footer's import ran while the reads were in flight (4-22 ms the storage answers waited behind); Playwright's waitForFunction injected its own script into the page (4-20 ms). Changed: no preload links for lazy chunks (import() loads them from the package), the footer asked for once the view shows, the mark set by a component right after the explanation (its effect still runs after that paint, before the sections below start loading), every read asked for at once (the record without waiting for tabs.get when the address names the tab), and the bench waits for the mark with a PerformanceObserver. A/B in one browser, 20 interleaved rounds, load 15: popup 215 → 202 ms against a 114 ms shell (1.89× → 1.77×); reads 20 → 17 ms, render 38 → 26 ms. With the steps a frame later too (below), at load 3-5: 162 → 145 ms against a 98 ms shell, 1.66× → 1.48× (render part 32 → 14 ms).",
  "- **What is left of the popup's own JS** before the mark (same profiles): Preact rendering the incident view ~6 ms; the eager modules' top level ~6.5 ms, of which ~3 ms was the bundler's CommonJS interop copying webextension-polyfill's export once per chunk that imports it (three eager chunks; gone since, see above); the storage reads' JS ~2 ms; the first Intl call (Intl.getCanonicalLocales in uiLocale, from applyDocumentLocale at start) ~2.5 ms, the ICU data loading once per page. The rest of the gap is the browser's: creating the document and its script context with the extension bindings (in the trivial-module page too), and style, layout and paint of the popup's ~120 elements against the shell's empty root.",
  "- **Firefox ESR, marked** (a copy of dist/firefox with a performance.mark at the start and end of each eager chunk, 8 opens, load 7.5, medians from navigation start): the trivial module has run at 39 ms; the popup's first chunk starts evaluating at 53 (14 ms more of fetching and compiling three files instead of one); it runs for 7.7 ms (the first touches of the `browser` namespace: the bundler's CommonJS interop enumerating it costs 2.9 ms the first time in a page, 0.1 ms after); the entry runs at 63, renders the busy shell and asks for everything by 67.5; the answers are in at 88 (20 ms: each API's first use in a page is its cost — asked alone and first, storage.session.get took 12.4 ms, permissions.contains 16.6, storage.local.get 6.4, tabs.get 3.6; all six at once when warm, 4.2 ms); render, paint and the frame to the mark: 25 ms, explanation at 113.",
];

/** Firefox ESR: what each extension API's first use costs a page, and the ideas tried against it (2026-12-06). */
const FIREFOX_FIRST_USE = [
  "- **Firefox ESR: each API's first use in a page is main-thread work** (measured, a scratch page in a copy of dist/firefox calling what the popup calls before its first frame, all at once in a rotating order, 27 fresh pages, load ~9, medians): making the nine calls took 21 ms of synchronous script before any answer (the namespaces built on first touch: storage.session.get 2.6 ms, runtime.getPlatformInfo 1.9, permissions.contains 1.2, tabs.get 1.1, storage.local.get 0.8, storage.onChanged.addListener 0.8, i18n.getMessage 0.4, whichever comes first paying most); answers from the call: storage.local.get 22 ms, tabs.get 13.5, storage.session.get 11.6, runtime.getPlatformInfo 10.8, getBrowserInfo 10.6, permissions.contains 9; all in at 38 ms. The reads floor row measures the part the first frame waits for. Not built: asking for runtime's and permissions' answers after the first frame (they no longer gate it, but their first use still takes ~3 ms of the page's main thread before it): at most that, below what 40 interleaved rounds resolve here.",
  "- **A separate first `<script type=\"module\">` in Firefox's popup.html asking for the reads** (measured, not built): a copy of dist/firefox with a first module file that asks for the tab, its record and storage.local with the native `browser` before the popup's modules (bench/ab-popup.ts, 16 interleaved rounds, load 10.6): the reads were asked at 55 ms instead of 68, but answered at 94 against 102, and the popup's entry module ran at 88 against 78: the calls' first use is main-thread work the eager modules then wait for (the row above). Explanation 129 vs 126 ms (0.97x per round; a first run of 20 rounds at load 13: 190 vs 189 ms): nothing to gain, so the reads stay in popup-reads.ts.",
  "- **No webextension-polyfill code in Firefox's pages** (built, kept): in Firefox the polyfill only ever exports `globalThis.browser`, so the Firefox build's pages import a one-line module with that (scripts/polyfill-esm.ts, firefoxBrowserModule): its eager popup JS is 60 KB raw instead of 70 (dist/chrome byte-identical). A/B (bench/ab-popup.ts): 30 rounds at load 11, 120 vs 147 ms but 1.00x per round; 40 rounds at load 7.5, 125 vs 125 ms, 0.98x per round; 60 rounds at load 10-12, 141 vs 135 ms, 1.03x per round: no time difference to claim either way; fewer bytes to parse in every Firefox page.",
];

/** Firefox ESR: where the popup's time before its entry module goes, from Firefox's own script loader log (2026-12-06). */
const FIREFOX_LOADER = [
  "- **Firefox ESR, the script loader's own log** (MOZ_LOG=timestamp,ScriptLoader:5,ModuleLoaderBase:5 on the harness's Firefox, a copy of dist/firefox with a mark at the start and end of each eager file; scratch pages next to popup.html, 12-16 opens each, load 4.5-11, medians from navigation start, so read the differences): (1) **fetching**: every moz-extension file, even the trivial module's 42 bytes, takes 27-40 ms from its request to its last byte (the popup's four files are all asked for while the head is parsed and all arrive together, ~10 ms after the trivial module's one), and opening each request costs 1-3 ms of the page's main thread (ScriptLoader \"Start Module Load\" to \"Start fetching\"); (2) **compiling**: every file over ~5,000 characters (popup 5.8 KB, jsxRuntime 13.5, IncidentView 40 raw minified) is parsed off the main thread, its functions compiled ahead of their first call (the log's \"non-on-demand-only (omt) Parsing Enabled\"), and the entry ran 4-14 ms after its last byte waiting for those parses on a machine whose two cores the main thread shares (report-env, 0.9 KB, is compiled on the main thread in 0.8 ms); no bytecode cache for extension files (\"Bytecode-cache: Skip all: Unsupported scheme\"); (3) **evaluating** the eager files: 0.7-3 ms (jsxRuntime the most); (4) **the reads' first calls**: from popup-read-start to the entry's mark 9-16 ms of synchronous work (each API namespace's first use, the row below). Eager bytes and files cost in Firefox: a page importing the popup's three eager chunks and only setting the mark ran it 16 ms after the trivial module (58.5 against 42.3 ms), and with four of the lazy chunks imported too (SendPreview, ReportButton, OwnerChecklist, WatchPanel: four files, 15.5 KB raw more) 11 ms later again (69.3 ms); a 60 KB module that is one comment cost nothing over the trivial one (bytes without code are free: the parse is the cost, not the transfer). So every KB of code taken out of what popup.html loads before its first frame is worth something in Firefox (here 11 ms for 15.5 KB of code in four files), and nothing of the browser's fetch latency is ours to remove.",
  "- **Firefox ESR, one more eager file alone** (measured): a copy of main's Firefox build whose entry also imports a 40-byte module, preloaded like the others (five eager files instead of four, no other change): 113 vs 113 ms, 0.94x per round (bench/ab-popup.ts, 30 interleaved rounds, load 3.5): a file's own cost (request, fetch) is lost in the noise; what the eager files cost is their code.",
  "- **The guided steps' list on demand** (built, measured, not kept): StepList and StepItem in a chunk of their own, loaded by an effect after the explanation's first frame, the view busy (aria-busy) until the steps show, the welcome page loading them before it renders. Chrome's eager popup JS 23.1 -> 22.0 KB gzip; Firefox's IncidentView chunk 40.0 -> 35.5 KB raw (the bundler put the steps' model, src/model/checks.ts, 0.4 KB, into a fifth eager file). A/B against main (bench/ab-popup.ts, 30 interleaved rounds each): Firefox ESR 119 vs 107 ms (1.16x per round, load 10), 129 vs 106 ms (1.13x, load 8), 127 vs 130 ms (1.01x, load 3-9); Chromium 141 vs 141 ms (1.15x, load 11), 159 vs 181 ms (0.92x, load 3-9). The sign flips from run to run: no gain this machine can show (4.5 KB of code is ~3 ms by the row above, below what 30 rounds at load 3-11 resolve), so the popup keeps its steps in the eager files.",
  "- **Firefox ESR, two eager files** (built, measured, not kept): every eager module of ours in one chunk next to Preact's (a codeSplitting group for the Firefox build: jsxRuntime 13.5 KB and 42 KB raw, entry and report-env folded in, steps on demand as above): 137 vs 120 ms against main, 1.08x per round (24 rounds, load 10.5): no gain; with the one-file result above, the split the bundler makes stays.",
];

/** The reads started by the popup's first module and what gates the first frame (built; A/B and marks of 2026-12-06). */
const READS_EARLY =
  "- **Reads started before the popup's modules have evaluated, and only what the explanation shows gating its frame** (built): src/popup/popup-reads.ts is main.tsx's first import, so its body asks for the tab, its record, settings and history while the rest of the modules evaluate; the report's environment (runtime.getPlatformInfo / getBrowserInfo) and, for an incident, permissions.contains no longer hold the first frame (the view stays aria-busy until they are in). A/B in one browser (bench/ab-popup.ts, 20 interleaved rounds, load 10-15): Firefox ESR reads start 85 → 69 ms (before the entry module, 80), explanation 131 → 120 ms against a 50 ms shell; Chromium 228 → 198 ms against 132 (per round 0.85×). Marked per read in Firefox (15 opens, load 7-11): asked at 63-70 ms, tab and record in 10-13 ms later, storage.local (settings and history, for the history line) 8-14 ms after those: in Firefox storage.local is now the read that holds the first frame. Not built: a separate first `<script type=\"module\">` (reads asked at the trivial module's time: measured in Firefox since, below: nothing to gain); and a history line that arrives after the first frame moves the verdict below it (a visible jump).";

export function popupIdeas(popup: PopupFigures | undefined, firefox: FirefoxFigures | undefined): string[] {
  if (!popup) return [];
  const b = popup.breakdown;
  const at = (n: number) => `${round(n, 0)} ms`;
  const shell = popup.shell.median;
  const trivial = popup.variants?.trivialModule?.median;
  const inline = popup.variants?.inlineCss?.median;
  const content = popup.variants?.contentFloor?.median;
  const frame = popup.variants?.frameFloor?.median;
  const read = b.readEnd.median - b.readStart.median;
  const render = popup.popup.median - b.readEnd.median;
  const cached = popup.codeCache?.filter((c) => c.consumedCacheSize > 0 && !c.cacheRejected) ?? [];
  const ff = firefox?.popup;
  const ffContent = ff?.frameFloor && ff.contentFloor ? ff.contentFloor.median : undefined;
  return [
    "## Issue 15: the popup's ideas, one at a time (Chromium, same rounds as row 1)",
    ...(trivial !== undefined
      ? [
          `- **The browser's floor** (measured): popup.html's own HTML and CSS with one trivial module that only sets the mark reaches it at ${at(trivial)}, ${round(trivial / shell, 2)}× the script-less shell (${at(shell)}); the popup is ${round(popup.popup.median / shell, 2)}×.` +
            (trivial / shell > BUDGETS.popupVsShellMedians
              ? ` Running any module at all in an extension page already costs more than ${BUDGETS.popupVsShellMedians}× allows: that part of the breakdown is the browser's.`
              : ` The floor leaves room under ${BUDGETS.popupVsShellMedians}×: the gap is the popup's own eager modules — its entry runs at ${at(b.scriptStart.median)} where the trivial module has already run at ${at(trivial)} (${at(b.scriptStart.median - trivial)} of fetching, compiling and evaluating its eager files), then reads and render (${at(popup.popup.median - b.readStart.median)}).`) +
            (ff
              ? ` Firefox ESR: trivial module ${at(ff.trivialModule.median)} = ${round(ff.trivialModule.median / ff.shell.median, 2)}× its shell (${at(ff.shell.median)}), the popup ${round(ff.popup.median / ff.shell.median, 2)}×.`
              : ''),
        ]
      : []),
    ...(content !== undefined && frame !== undefined && trivial !== undefined
      ? [
          `- **The floor with the popup's content** (measured): the popup's first frame as a static page (its DOM copied from an open and written into popup.html's markup, the same CSS, one module that only sets the mark after the next frame, as the popup's does; no code builds the content) reaches the mark at ${at(content)}, ${round(content / shell, 2)}× the shell: a module runs at ${at(trivial)}, the same page's next frame comes at ${at(frame)}, and with the explanation's markup in the page ${at(content - frame)} more (parsing, style, layout and paint of it: the one difference between those two pages).` +
            (popup.popup.median >= content
              ? ` Of the popup's ${at(popup.popup.median - shell)} over the shell, ${at(content - shell)} is this floor and ${at(popup.popup.median - content)} the popup's own (its modules, reads and render).`
              : ` The popup reached its mark ${at(content - popup.popup.median)} before this floor in this run, so this run does not split the popup's time into the floor and its own.`) +
            (ffContent
              ? ` Firefox ESR: ${at(ff!.trivialModule.median)} → ${at(ff!.frameFloor!.median)} → ${at(ffContent)}, ${round(ffContent / ff!.shell.median, 2)}× its shell; the popup's own: ${at(ff!.popup.median - ffContent)}.`
              : ''),
        ]
      : []),
    ...readsFloorIdea(popup, ff),
    ...(inline !== undefined
      ? [
          `- **Critical CSS inline** (measured, not kept): both stylesheets in a <style> gave ${at(inline)} against ${at(popup.popup.median)} as built (${round(inline / popup.popup.median, 2)}×): no gain worth a build step; extension CSS is read from the package, not the network.`,
        ]
      : []),
    ...(popup.codeCache?.length
      ? [
          `- **Chrome's code cache on extension pages** (measured): ${cached.length} of ${popup.codeCache.length} modules compiled from the cache in a traced open after the rounds (V8's compile event: consumedCacheSize, not rejected); compile took ${popup.codeCache.map((c) => `${c.url.replace(/^.*\//, '')} ${round(c.compileMs, 1)} ms`).join(', ')}.` +
            " It applies (from the third open of a profile on; the first opens compile from source, streamed off the main thread), so compile is not where the time goes: evaluation and the browser's module loading are.",
        ]
      : []),
    "- **The polyfill as an ES module** (built, kept): webextension-polyfill's UMD file is wrapped as an ES module at build time (scripts/polyfill-esm.ts), so it is evaluated once per page and imported by reference: no CommonJS interop copying the `browser` namespace in each chunk that imports it (Chrome 156 has a native `browser`, so that copy touched every API namespace, as in Firefox). A/B in one browser (bench/ab-popup.ts, this build with one eager file against the build before both changes, 24 rounds in rotating order, load 10): Chromium, entry module runs at 110 ms (was 141), explanation 155 ms (was 177), the old build 1.17× slower per round (a second run with 30 rounds: 1.16×, entry 107 vs 124 ms); Firefox ESR, no difference beyond the noise (explanation 108 vs 112 ms, entry 63 vs 61 ms; per round 0.89×, 0.92× and 1.11× in three runs at load 10-16).",
    "- **One eager chunk** (built; Chrome only): every module the popup imports statically goes into one file (scripts/popup-chunk.ts), and the options page is built apart so it loads none of it (scripts/options-build.ts: one 13.8 KB gzip file, was 15.7 KB in four, 3.7 KB of them its own). Chrome's popup loads 23.1 KB gzip in one file (24.2 KB in three before: one file compresses better, and the polyfill's interop is gone). A/B against the polyfill change alone: Chromium 1.00× per round (30 rounds, entry 114 vs 109 ms): as fast, and smaller; Firefox ESR 0.93× (60 rounds, load 7-10: one file 93 ms against 86, its entry 55 against 48.5 ms), and 0.94× on the later main (60 rounds, 118 vs 113 ms): one file was slower there, so the Firefox build keeps the bundler's own split (four files, its entry at 92 against 94 ms for the three-file build, 0.98× per round in 60 rounds: as fast). The number of files is not where Chromium's module time goes; in Firefox, one large file is worse than several.",
    "- **No Intl work before the first render** (measured, not changed): in a fresh script-less page of the extension, the first Intl.getCanonicalLocales (uiLocale's check, from applyDocumentLocale at start) takes 0.1 ms in Chromium and 0.18 ms in Firefox ESR (medians of 16 pages each), and the first toLocaleTimeString 0.4 and 0.9-1.0 ms with or without it before: the incident view formats a time in its first frame anyway (HistoryLine), and the ~2.5 ms the profile showed for the first Intl call is not the locale check's to save.",
    "- **No `crossorigin` on the popup's script** (measured, not changed): Vite marks module scripts crossorigin and the trivial module is not; A/B with it taken out of popup.html (30 rounds each, load 13-16): Chromium 0.92× per round, Firefox ESR 0.91× then 1.08× in two runs: noise, no effect to claim.",
    `- **An explanation view stored ready by the background** (bounded, not built): the storage read is ${at(read)} and render ${at(render)}; a stored view still needs one read, and Preact renders the same DOM from it, so the most it could save is part of those ${at(read + render)} — not the module floor.`,
    `- **Steps a frame after the explanation** (built): the steps and the sections below them render in the frame after the explanation, so the render part above (${at(render)}) is the explanation's own frame. A/B when it was built (one Chromium with both builds, 20 interleaved rounds, load 3-5): 160 → 145 ms against a 98 ms shell, render part 24 → 14 ms.`,
    READS_EARLY,
    ...FIREFOX_LOADER,
    ...FIREFOX_FIRST_USE,
    ...PROFILED,
    '',
  ];
}

/**
 * The floor with the reads: the content floor's page that shows its content only once the reads the popup's first
 * frame waits for have answered (bench/first-frame.ts, readsThenShow). What the popup takes over it is its own code.
 */
function readsFloorIdea(popup: PopupFigures, ff: FirefoxFigures['popup']): string[] {
  const at = (n: number) => `${round(n, 0)} ms`;
  const part = (name: string, p: { popup: Spread; shell: Spread }, content?: Spread, reads?: Spread) =>
    content && reads
      ? `${name}: ${at(reads.median)}, ${round(reads.median / p.shell.median, 2)}× its shell (${at(reads.median - content.median)} over the content floor: each API's first use in the page), the popup ${at(p.popup.median)}: its own ${at(p.popup.median - reads.median)} (its eager modules, Preact building the DOM)`
      : undefined;
  const parts = [
    part('Chromium', popup, popup.variants?.contentFloor, popup.variants?.readsFloor),
    ff && part('Firefox ESR', ff, ff.contentFloor, ff.readsFloor),
  ].filter((p): p is string => Boolean(p));
  if (!parts.length) return [];
  return [
    `- **The floor with the popup's reads** (measured): the content floor's page that asks for what the popup's first frame waits for (the same calls: a storage.onChanged listener, tabs.get, storage.session.get of the record, storage.local.get of settings, history and the note; the browser's own \`browser\` or \`chrome\`, no bundle) and shows its content only once all have answered. Nothing of the popup's code runs in it, so what the popup takes over it is the popup's own. ${parts.join('; ')}.`,
  ];
}
