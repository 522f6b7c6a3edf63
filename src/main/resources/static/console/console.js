'use strict';
/*
 * The console's core: signing the person in (OAuth2 authorization code with PKCE, the token kept in this tab only),
 * calls to the gateway's FHIR API with the person's token, the texts in Danish and English, and the routes
 * (#/worklist, #/task/<id>, ... ) of the role's views. No library, no build.
 */
const KF = (() => {
  const TEXT = {
    da: {
      skip: 'Spring til indholdet', title: 'Klinisk Funktion – konsol', menu: 'Hovedmenu',
      'nav.worklist': 'Arbejdsliste', 'nav.cancellations': 'Afbestillinger', 'nav.deliveries': 'Forsendelser',
      'nav.audit': 'Revisionsspor', 'nav.deliveryStatus': 'Leveringsstatus',
      signIn: 'Log ind', signOut: 'Log ud', 'welcome.heading': 'Log ind',
      'welcome.text': 'Konsollen er for Klinisk Funktions sekretariat og gatewayens administrator.',
      signedInAs: '{0} ({1})', forbidden: 'Adgang nægtet (403): {0}', failed: 'Det lykkedes ikke ({0}): {1}',
      signInFailed: 'Login mislykkedes: {0}', loading: 'Henter …', noRole: 'Der er ingen sider til din rolle.',
      'role.SECRETARIAT': 'sekretariat', 'role.ADMINISTRATOR': 'administrator', 'role.MUNICIPALITY': 'kommune',
      'role.CLINIC': 'klinik', 'role.GP': 'praktiserende læge',
    },
    en: {
      skip: 'Skip to content', title: 'Klinisk Funktion – console', menu: 'Main menu',
      'nav.worklist': 'Work list', 'nav.cancellations': 'Cancellations', 'nav.deliveries': 'Deliveries',
      'nav.audit': 'Audit trail', 'nav.deliveryStatus': 'Delivery status',
      signIn: 'Sign in', signOut: 'Sign out', 'welcome.heading': 'Sign in',
      'welcome.text': "The console is for Klinisk Funktion's secretariat and the gateway's administrator.",
      signedInAs: '{0} ({1})', forbidden: 'Access denied (403): {0}', failed: 'That did not work ({0}): {1}',
      signInFailed: 'Sign-in failed: {0}', loading: 'Loading …', noRole: 'There are no pages for your role.',
      'role.SECRETARIAT': 'secretariat', 'role.ADMINISTRATOR': 'administrator', 'role.MUNICIPALITY': 'municipality',
      'role.CLINIC': 'clinic', 'role.GP': 'GP',
    },
  };
  const ZONE = 'Europe/Copenhagen';
  const state = { config: null, token: null, claims: null, lang: localStorage.getItem('kf-lang') || 'da', views: {} };
  const routes = {};

  /** A text in the chosen language, {0} {1} filled in. */
  function t(key, ...args) {
    const text = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.da[key] || key;
    return args.reduce((s, a, i) => s.replace('{' + i + '}', a), text);
  }

  function addTexts(texts) {
    Object.keys(texts).forEach(lang => Object.assign(TEXT[lang], texts[lang]));
  }

  function translate(root) {
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  }

  /** A DOM element: h('td', {class: 'x'}, 'text', child). Text is always text, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k.startsWith('on')) el.addEventListener(k.substring(2), v); else el.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => el.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : c)));
    return el;
  }

  /** Copenhagen time of an instant, as dd.MM.yyyy HH:mm, and its ISO form for the datetime attribute. */
  function copenhagen(instant) {
    const parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant))
      .forEach(p => { parts[p.type] = p.value; });
    return { text: `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`,
      iso: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}` };
  }

  function time(instant) {
    if (!instant) return '–';
    const at = copenhagen(instant);
    return h('time', { datetime: at.iso }, at.text);
  }

  function announce(text) {
    document.getElementById('announce').textContent = text;
  }

  function showError(where, error) {
    const text = error.status === 403 ? t('forbidden', error.message) : t('failed', error.status || '-', error.message);
    where.replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
  }

  // ---- signing in: authorization code with PKCE (RFC 7636), the token in sessionStorage of this tab only ----

  function base64url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(length) {
    return base64url(crypto.getRandomValues(new Uint8Array(length)));
  }

  function redirectUri() {
    return location.origin + '/console/';
  }

  async function signIn() {
    const verifier = random(32);
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const expected = random(16);
    sessionStorage.setItem('kf-pkce', JSON.stringify({ verifier, state: expected, route: location.hash }));
    const query = new URLSearchParams({ response_type: 'code', client_id: state.config.clientId,
      redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state: expected });
    location.assign(state.config.authorizationEndpoint + '?' + query);
  }

  async function finishSignIn(params) {
    const saved = JSON.parse(sessionStorage.getItem('kf-pkce') || 'null');
    sessionStorage.removeItem('kf-pkce');
    history.replaceState(null, '', '/console/' + ((saved && saved.route) || ''));
    if (params.get('error')) throw new Error(params.get('error_description') || params.get('error'));
    if (!saved || saved.state !== params.get('state')) throw new Error('state');
    const response = await fetch(state.config.tokenEndpoint, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: redirectUri(), client_id: state.config.clientId, code_verifier: saved.verifier }) });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error_description || body.error);
    sessionStorage.setItem('kf-token', body.access_token);
  }

  function claimsOf(token) {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function signOut() {
    sessionStorage.removeItem('kf-token');
    location.assign(state.config.signOut);
  }

  // ---- the FHIR API with the person's token ----

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function fhir(path, options) {
    const init = Object.assign({ method: 'GET' }, options || {});
    init.headers = Object.assign({ Authorization: 'Bearer ' + state.token, Accept: 'application/fhir+json',
      'Cache-Control': 'no-cache' }, init.headers || {});
    if (init.body && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
      init.headers['Content-Type'] = 'application/fhir+json';
    }
    const url = path.startsWith('http') ? path : state.config.fhirBase + '/' + path;
    const response = await fetch(url, init);
    if (response.status === 401) {
      await signIn(); // the token ran out: the sign-in session gives a new one without asking again
      throw new ApiError(401, 'signing in again');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const issue = body && body.issue && body.issue[0];
      throw new ApiError(response.status, (issue && (issue.diagnostics || (issue.details && issue.details.text)))
        || response.statusText);
    }
    return body;
  }

  /** Every resource of a search Bundle, by type, and the Bundle's paging links. */
  function entries(bundle, type) {
    return (bundle.entry || []).map(e => e.resource).filter(r => r && (!type || r.resourceType === type));
  }

  function link(bundle, relation) {
    const found = (bundle.link || []).find(l => l.relation === relation);
    return found ? found.url : null;
  }

  const cache = new Map();
  /** A directory resource (Organization, PractitionerRole) read once per page load. */
  function cached(reference) {
    if (!cache.has(reference)) cache.set(reference, fhir(reference).catch(() => null));
    return cache.get(reference);
  }

  // ---- views and routes ----

  async function view(name) {
    if (!state.views[name]) {
      const response = await fetch('/console/pages/' + name, { headers: { Authorization: 'Bearer ' + state.token } });
      const text = await response.text();
      if (!response.ok) throw new ApiError(response.status, text);
      state.views[name] = text;
    }
    return state.views[name];
  }

  function route(name, page, render) {
    routes[name] = { page, render };
  }

  let current = null;
  let navigation = 0;
  async function navigate() {
    const mine = ++navigation; // a later navigation supersedes this one wherever it waits
    const main = document.getElementById('main');
    const [name, param] = location.hash.replace(/^#\/?/, '').split('/');
    const target = routes[name] || routes[defaultRoute()];
    document.querySelectorAll('#nav a').forEach(a =>
      a.toggleAttribute('aria-current', a.getAttribute('href') === '#/' + (routes[name] ? name : defaultRoute())));
    if (current && current.leave) current.leave();
    current = null;
    if (!target) {
      main.replaceChildren(h('p', { class: 'notice' }, t('noRole')));
      return;
    }
    main.replaceChildren(h('p', { class: 'muted' }, t('loading')));
    try {
      const markup = await view(target.page);
      if (mine !== navigation) return;
      main.innerHTML = markup; // the view's markup is the gateway's own static file
      translate(main);
      const shown = await target.render(main, param ? decodeURIComponent(param) : null) || null;
      if (mine !== navigation) {
        if (shown && shown.leave) shown.leave();
        return;
      }
      current = shown;
      main.focus({ preventScroll: true });
    } catch (error) {
      if (mine === navigation) showError(main, error);
    }
  }

  function defaultRoute() {
    return { SECRETARIAT: 'worklist', ADMINISTRATOR: 'audit' }[state.claims && state.claims.kf_role];
  }

  function setLanguage(lang) {
    state.lang = lang;
    localStorage.setItem('kf-lang', lang);
    document.cookie = 'kf-lang=' + lang + '; path=/; SameSite=Lax';
    document.documentElement.lang = lang;
    const other = lang === 'da' ? 'en' : 'da';
    const button = document.getElementById('language');
    button.textContent = other === 'en' ? 'English' : 'Dansk';
    button.lang = other;
    translate(document);
    showWho();
  }

  function showWho() {
    if (!state.claims) return;
    document.getElementById('who').textContent =
      t('signedInAs', state.claims.name || state.claims.sub, t('role.' + state.claims.kf_role));
  }

  async function start() {
    state.config = await (await fetch('/console/config.json')).json();
    setLanguage(state.lang);
    document.getElementById('language').addEventListener('click', () => {
      setLanguage(state.lang === 'da' ? 'en' : 'da');
      navigate();
    });
    document.getElementById('sign-in').addEventListener('click', signIn);
    document.getElementById('sign-out').addEventListener('click', signOut);
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) {
      try {
        await finishSignIn(params);
      } catch (error) {
        document.getElementById('welcome').append(h('p', { class: 'error', role: 'alert' }, t('signInFailed', error.message)));
        return;
      }
    }
    state.token = sessionStorage.getItem('kf-token');
    if (!state.token) return;
    state.claims = claimsOf(state.token);
    showWho();
    document.getElementById('sign-out').hidden = false;
    const nav = document.getElementById('nav');
    nav.querySelectorAll('[data-role]').forEach(li => { li.hidden = li.dataset.role !== state.claims.kf_role; });
    nav.hidden = false;
    window.addEventListener('hashchange', navigate);
    navigate();
  }

  document.addEventListener('DOMContentLoaded', start);

  return { t, addTexts, h, time, copenhagen, fhir, entries, link, cached, route, announce, showError, state, ZONE };
})();
