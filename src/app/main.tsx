import { render } from 'preact';
import { App } from './App';
import './styles.css';

const root = document.getElementById('app')!;
// Replace the boot placeholder instead of rendering beside it.
root.textContent = '';
render(<App />, root);
