import { createViewer } from './globe/viewer.ts';

const el = document.getElementById('app')!;
el.style.cssText = 'position:fixed;inset:0';
createViewer(el);
