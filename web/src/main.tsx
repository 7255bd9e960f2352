/**
 * @module The link-gap explorer's entry point: mounts the app into `#app`.
 */
import { render } from 'preact';
import { App } from './components/app.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = '';
  render(<App />, root);
}
