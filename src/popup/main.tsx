import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { PopupApp } from './PopupApp';
import { PopupFooter } from './PopupFooter';

applyDocumentLocale(document.documentElement);
// The toolbar popup is 390 px wide; as a page (bound to a tab) or on Android (a full-screen tab) it fills the screen.
if (new URLSearchParams(location.search).has('tab') || /Android/.test(navigator.userAgent)) document.documentElement.classList.add('fill-width');
const root = document.getElementById('app');
if (root) render(
  <>
    <PopupApp />
    <PopupFooter />
  </>,
  root,
);
