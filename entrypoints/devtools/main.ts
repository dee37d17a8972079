// Registers the "Uqudo" DevTools panel.
import { browser } from 'wxt/browser';

browser.devtools.panels.create('Uqudo', '/icon/32.png', '/devtools-panel.html');
