import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { PopupApp } from './PopupApp';

applyDocumentLocale(document.documentElement);
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
