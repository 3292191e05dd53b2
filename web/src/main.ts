// The operator console (issue 7), served by `vigil serve` at /.
import './style.css';
import { startConsole } from './ui/app.ts';

startConsole(document.getElementById('app')!);
