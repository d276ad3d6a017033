/// <reference types="vite/client" />
import { render } from 'preact';
import { applyDocumentLocale } from '../ui/document-locale';
import { WelcomePage } from './WelcomePage';
import './welcome.css';

applyDocumentLocale(document.documentElement);
const root = document.getElementById('app');
if (root) render(<WelcomePage />, root);
