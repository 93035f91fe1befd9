/* global document, location */
// The words come from the main process in the address's fragment (main/app/startup-words.ts): one
// source for every language, set as text, never as markup.
try {
  const words = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  if (typeof words.lang === 'string') document.documentElement.lang = words.lang;
  document.getElementById('title').textContent = String(words.title ?? '');
  document.getElementById('detail').textContent = String(words.detail ?? '');
} catch {
  // no words: the spinner alone
}
