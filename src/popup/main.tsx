// First: its body starts the popup's reads while the modules below are still evaluating (./popup-reads.ts).
import './popup-reads';
import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { PopupApp } from './PopupApp';
import { POPUP_MARKS } from './timing-marks';
import { readPopupAddress } from '../model/popup-address';

performance.mark(POPUP_MARKS.scriptStart);

// The welcome page loads this module too (it shares the popup's chunk, scripts/popup-chunk.ts): only the popup
// page has an #app root, so only there does anything happen.
const root = document.getElementById('app');
if (root) {
  applyDocumentLocale(document.documentElement);
  // The toolbar popup is 390 px wide; as a page (bound to a tab) or on Android (a full-screen tab) it fills the screen.
  if (readPopupAddress(location.search).ownPage || /Android/.test(navigator.userAgent))
    document.documentElement.classList.add('fill-width');
  render(<PopupApp />, root);
}
