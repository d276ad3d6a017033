/// <reference types="vite/client" />
import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { WelcomePage } from './WelcomePage';
import './welcome.css';

applyDocumentLocale(document.documentElement);
// Not #app: that root is the popup's, whose script this page also loads (it shares the popup's chunk).
const root = document.getElementById('welcome');
if (root) render(<WelcomePage />, root);
