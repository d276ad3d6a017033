import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { PopupApp } from './PopupApp';
import { POPUP_MARKS } from './timing-marks';

performance.mark(POPUP_MARKS.scriptStart);

applyDocumentLocale(document.documentElement);
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
