import './styles/base.css';
import './styles/lobby.css';
import './styles/room.css';
import { App } from './app.ts';
import { pageFor } from './pages.ts';

const root = document.getElementById('app');
if (root) new App(root, pageFor).start();
