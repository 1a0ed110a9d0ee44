import { render } from 'preact';
import { App } from './App';
import { InsecureAddress } from './shell/InsecureAddress';
import './styles.css';

const root = document.getElementById('app')!;
// Replace the boot placeholder instead of rendering beside it.
root.textContent = '';
// Over plain http:// on a school address the browser allows no offline use: say so instead of half-working.
render(window.isSecureContext ? <App /> : <InsecureAddress />, root);
