// Display formatters for the popup, the options page, the copied report and the steps' evidence: numbers,
// durations and times in the person's language through Intl ("1.5 sec" in English, "1,5 Sek." in German).
// Pure: the caller passes the locale (platform/ui-locale.ts reads it from the browser, in one place).

type Unit = 'millisecond' | 'second' | 'minute';

const unit = (value: number, name: Unit, locale: string, fractionDigits = 0): string =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: name,
    unitDisplay: 'short',
    maximumFractionDigits: fractionDigits,
  }).format(value);

/** A time of day, hours and minutes, as the person's language writes it. */
export function formatTime(epochMs: number, locale: string): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** A count ("1,234" in English, "1.234" in German). */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** How long something took or has to wait: ms under a second, one decimal under ten seconds, then minutes and seconds. */
export function formatDuration(ms: number, locale: string): string {
  if (ms < 1000) return unit(Math.round(ms), 'millisecond', locale);
  // Rounded first, so 59,960 ms reads "1 min", not "60 sec".
  const tenths = Math.round(ms / 100) / 10;
  if (tenths < 10) return unit(tenths, 'second', locale, 1);
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second', locale);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${unit(minutes, 'minute', locale)} ${unit(rest, 'second', locale)}` : unit(minutes, 'minute', locale);
}
