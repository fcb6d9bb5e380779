// The admin UI's entry point: registers the service worker (the app shell offline) and renders.
import { html, render } from './html.js';
import { App } from './App.js';
import { ready } from './i18n.js';

if ('serviceWorker' in navigator)
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {
    // Without a service worker the app still works online; offline reloads are what is lost.
  });

ready().then(() => render(html`<${App} />`, document.getElementById('app')));
