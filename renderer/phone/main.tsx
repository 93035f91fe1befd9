import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n.js';
import './phone.css';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The app shell works without signal once the service worker has it (sw.ts). Browsers offer
// service workers only to secure contexts (HTTPS, or http://127.0.0.1); elsewhere the page still
// works online and its outbox still keeps visits, it just cannot reopen without signal.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' }).catch((error: unknown) => {
    console.warn('The service worker could not be registered:', error);
  });
}
