// The Telegram Mini App protocol without Telegram's hosted script (nothing
// is loaded from another site): launch parameters come in the URL fragment
// (tgWebAppData, tgWebAppThemeParams), events go out by postEvent.
'use strict';
const tg = (() => {
  const hash = new URLSearchParams(location.hash.slice(1));
  const initData = hash.get('tgWebAppData') || '';
  let theme = {};
  try { theme = JSON.parse(hash.get('tgWebAppThemeParams') || '{}'); } catch (e) { theme = {}; }

  // Telegram's themeParams become --tg-theme-* CSS variables, as its own script does.
  function applyTheme(params) {
    for (const [key, value] of Object.entries(params || {})) {
      if (typeof value === 'string') {
        document.documentElement.style.setProperty('--tg-theme-' + key.replace(/_/g, '-'), value);
      }
    }
  }

  function postEvent(type, data) {
    const body = JSON.stringify({ eventType: type, eventData: data || {} });
    if (window.TelegramWebviewProxy) { window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data || {})); return; }
    if (window.external && 'notify' in window.external) { window.external.notify(body); return; }
    if (window.parent !== window) { window.parent.postMessage(body, '*'); }
  }

  // A theme change while the app is open arrives as a "theme_changed" event.
  window.addEventListener('message', (e) => {
    try {
      const msg = JSON.parse(e.data);
      if (msg.eventType === 'theme_changed') { applyTheme(msg.eventData.theme_params); }
    } catch (err) { /* not a Telegram event */ }
  });
  applyTheme(theme);

  function openLink(url) {
    if (window.parent !== window || window.TelegramWebviewProxy) { postEvent('web_app_open_link', { url }); return; }
    window.open(url, '_blank', 'noopener');
  }

  return { initData, postEvent, openLink };
})();

// api fetches JSON from the bot with the init data; it throws on any non-200.
async function api(path) {
  const res = await fetch('api/' + path, { headers: { 'X-Telegram-Init-Data': tg.initData } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) { throw new Error(body.error || res.statusText); }
  return body;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) e.append(c.nodeType ? c : document.createTextNode(String(c)));
  }
  return e;
}
