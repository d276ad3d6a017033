/// <reference types="vite/client" />
import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { OptionsPage } from './OptionsPage';
import './options.css';

applyDocumentLocale(document.documentElement);
const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
