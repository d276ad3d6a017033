// Names of the performance marks the popup sets on its way to the explanation, read by `npm run bench`
// (bench/measure-popup.ts imports this file: it has no imports of its own). A mark costs nothing measurable.
export const POPUP_MARKS = {
  /** The entry module's body runs: every eager module was fetched, compiled and evaluated. */
  scriptStart: 'popup-script-start',
  /** The tab and its stored record are asked for (popup-reads.ts, as its module body runs: before the entry's)… */
  readStart: 'popup-read-start',
  /** …and what the first frame shows has arrived. */
  readEnd: 'popup-read-end',
  /** The explanation is on screen (the first effect after the frame that painted it: IncidentView's ExplanationShown). */
  explanation: 'explanation-rendered',
} as const;
