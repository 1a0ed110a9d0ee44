import { render } from 'preact';
import { App } from './App';
import './styles.css';

const root = document.getElementById('app')!;
// Replace the boot placeholder instead of rendering beside it.
root.textContent = '';
// Over plain http:// on a school address the browser allows no offline use: say so instead of
// half-working (that page and its words load only then, never on a secure first visit).
if (window.isSecureContext) render(<App />, root);
else void import('./shell/InsecureAddress').then(({ InsecureAddress }) => render(<InsecureAddress />, root));
