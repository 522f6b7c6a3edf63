'use strict';
/*
 * The administrator's views: the audit trail searched by citizen (CPR), party, date and outcome, the delivery status
 * of the GP copies per receiver (from AuditEvents: the administrator sees no case data), and the notifications per
 * Subscription (its status and the delivery state the gateway shows on it).
 */
(() => {
  const { h, t, fhir, entries, link, time, route } = KF;
  const OUTCOMES = { 0: 'outcome.0', 4: 'outcome.4', 8: 'outcome.8' };

  KF.addTexts({
    da: {
      'audit.heading': 'Revisionsspor', 'audit.cpr': 'Borgerens CPR-nummer', 'audit.party': 'Part (person eller system)',
      'audit.from': 'Fra dato', 'audit.to': 'Til dato', 'audit.outcome': 'Udfald', 'audit.any': 'Alle',
      'audit.search': 'Søg', 'audit.caption': 'Hændelser, nyeste først', 'audit.col.time': 'Tidspunkt',
      'audit.col.party': 'Part', 'audit.col.what': 'Handling', 'audit.col.outcome': 'Udfald',
      'audit.col.citizen': 'Borger', 'audit.col.entities': 'Data', 'audit.empty': 'Ingen hændelser.',
      'audit.via': 'via {0}', 'outcome.0': 'Gennemført', 'outcome.4': 'Afvist', 'outcome.8': 'Fejl',
      'page.previous': 'Forrige', 'page.next': 'Næste',
      'delivery.heading': 'Leveringsstatus',
      'delivery.source': 'Kopier til de praktiserende læger, efter revisionssporets leveringshændelser.',
      'delivery.caption': 'Pr. modtager', 'delivery.col.receiver': 'Modtager',
      'delivery.col.queued': 'I kø (sendt igen)', 'delivery.col.delivered': 'Leveret', 'delivery.col.dead': 'Opgivet',
      'delivery.col.latest': 'Seneste', 'delivery.unknown': 'ukendt modtager', 'delivery.empty': 'Ingen forsendelser.',
      'notification.heading': 'Notifikationer',
      'notification.source': 'Abonnementer (rest-hook) og deres levering, pr. modtager.',
      'notification.caption': 'Pr. abonnement', 'notification.col.receiver': 'Modtager',
      'notification.col.criteria': 'Kriterier', 'notification.col.status': 'Status', 'notification.col.queued': 'I kø',
      'notification.col.delivered': 'Seneste levering', 'notification.col.failed': 'Seneste fejl',
      'notification.empty': 'Ingen abonnementer.', 'notification.active': 'Aktiv', 'notification.error': 'Fejl',
      'notification.off': 'Slået fra', 'notification.requested': 'Anmodet',
    },
    en: {
      'audit.heading': 'Audit trail', 'audit.cpr': "Citizen's CPR number", 'audit.party': 'Party (person or system)',
      'audit.from': 'From date', 'audit.to': 'To date', 'audit.outcome': 'Outcome', 'audit.any': 'All',
      'audit.search': 'Search', 'audit.caption': 'Events, newest first', 'audit.col.time': 'Time',
      'audit.col.party': 'Party', 'audit.col.what': 'Action', 'audit.col.outcome': 'Outcome',
      'audit.col.citizen': 'Citizen', 'audit.col.entities': 'Data', 'audit.empty': 'No events.',
      'audit.via': 'via {0}', 'outcome.0': 'Succeeded', 'outcome.4': 'Refused', 'outcome.8': 'Failed',
      'page.previous': 'Previous', 'page.next': 'Next',
      'delivery.heading': 'Delivery status',
      'delivery.source': "Copies to the citizens' GPs, from the delivery events of the audit trail.",
      'delivery.caption': 'Per receiver', 'delivery.col.receiver': 'Receiver',
      'delivery.col.queued': 'Queued (sent again)', 'delivery.col.delivered': 'Delivered', 'delivery.col.dead': 'Dead',
      'delivery.col.latest': 'Latest', 'delivery.unknown': 'unknown receiver', 'delivery.empty': 'No deliveries.',
      'notification.heading': 'Notifications',
      'notification.source': 'Subscriptions (rest-hook) and their delivery, per receiver.',
      'notification.caption': 'Per subscription', 'notification.col.receiver': 'Receiver',
      'notification.col.criteria': 'Criteria', 'notification.col.status': 'Status', 'notification.col.queued': 'Queued',
      'notification.col.delivered': 'Last delivery', 'notification.col.failed': 'Last failure',
      'notification.empty': 'No subscriptions.', 'notification.active': 'Active', 'notification.error': 'Error',
      'notification.off': 'Off', 'notification.requested': 'Requested',
    },
  });

  function only(main, name) {
    main.querySelectorAll('[data-view]').forEach(section => { if (section.dataset.view !== name) section.remove(); });
  }

  function requestor(event) {
    return (event.agent || []).find(a => a.requestor) || (event.agent || [])[0] || {};
  }

  function application(event) {
    return (event.agent || []).find(a => !a.requestor && a.type && (a.type.coding || []).some(c => c.code === '110150'));
  }

  function citizenOf(event) {
    const entity = (event.entity || []).find(e => e.role && e.role.code === '1');
    if (!entity) return '';
    return entity.name ? 'CPR ' + entity.name : (entity.what && entity.what.reference) || '';
  }

  // ---- audit trail ----

  route('audit', 'administrator', async main => {
    only(main, 'audit');
    const form = main.querySelector('#audit-filters');
    const body = main.querySelector('#audit-results tbody');
    let links = {};

    function query() {
      const filters = new FormData(form);
      const query = new URLSearchParams({ _sort: '-date', _count: 20 });
      if (filters.get('cpr')) query.set('entity-name', filters.get('cpr').replace(/\D/g, ''));
      if (filters.get('party')) query.set('agent-name', filters.get('party').trim());
      if (filters.get('from')) query.append('date', 'ge' + filters.get('from'));
      if (filters.get('to')) query.append('date', 'le' + filters.get('to'));
      if (filters.get('outcome')) query.set('outcome', filters.get('outcome'));
      return 'AuditEvent?' + query;
    }

    function row(event) {
      const who = requestor(event);
      const app = application(event);
      const subtype = ((event.subtype || [])[0] || {}).code || '';
      const role = ((((who.role || [])[0] || {}).coding || [])[0] || {}).code || '';
      return h('tr', { 'data-audit-event': event.id },
        h('td', {}, time(event.recorded)),
        h('td', {}, who.name || who.altId || '', h('div', { class: 'muted' },
          [role, app ? t('audit.via', app.name) : ''].filter(Boolean).join(', '))),
        h('td', {}, subtype + ' (' + (event.action || '') + ')'),
        h('td', {}, t(OUTCOMES[event.outcome] || event.outcome), event.outcomeDesc
          ? h('div', { class: 'muted' }, event.outcomeDesc) : ''),
        h('td', {}, citizenOf(event)),
        h('td', {}, (event.entity || []).filter(e => !e.role || e.role.code !== '1')
          .map(e => h('div', {}, (e.what && e.what.reference) || ''))));
    }

    async function load(url) {
      const bundle = await fhir(url);
      const events = entries(bundle, 'AuditEvent');
      body.replaceChildren(...(events.length ? events.map(row)
        : [h('tr', {}, h('td', { colspan: 6 }, t('audit.empty')))]));
      links = { next: link(bundle, 'next'), previous: link(bundle, 'previous') };
      body.dataset.search = url; // which search the rows answer
      main.querySelector('#audit-next').disabled = !links.next;
      main.querySelector('#audit-previous').disabled = !links.previous;
    }

    form.addEventListener('submit', event => {
      event.preventDefault();
      load(query()).catch(error => KF.showError(body, error));
    });
    main.querySelector('#audit-next').addEventListener('click', () => load(links.next));
    main.querySelector('#audit-previous').addEventListener('click', () => load(links.previous));
    await load(query());
  });

  // ---- delivery status of the GP copies, per receiver ----

  /**
   * The receiver an event names: "acknowledged ok by X" (a MedCom acknowledgement; "delivered to X" before), or the
   * endpoint of a failure ("... from http://...").
   */
  function receiverOf(event) {
    const text = event.outcomeDesc || '';
    const delivered = text.match(/^(?:delivered to|acknowledged \S+ by) (.+)$/);
    if (delivered) return delivered[1];
    const from = text.match(/from (\S+)/);
    return from ? from[1] : null;
  }

  function copyOf(event) {
    const entity = (event.entity || []).find(e => e.what && /^Communication\//.test(e.what.reference || ''));
    return entity ? entity.what.reference : null;
  }

  route('delivery-status', 'administrator', async main => {
    only(main, 'delivery-status');
    const deliveries = entries(await fhir('AuditEvent?' + new URLSearchParams(
      { subtype: 'delivery', _sort: '-date', _count: 200 })), 'AuditEvent');
    const retries = entries(await fhir('AuditEvent?' + new URLSearchParams(
      { subtype: 'operation', outcome: '0', _sort: '-date', _count: 200 })), 'AuditEvent').filter(copyOf);
    // each copy's latest state, in the order things happened: delivered, dead, or queued when sent again after it
    // was given up
    const copies = new Map();
    [...deliveries, ...retries].sort((a, b) => new Date(a.recorded) - new Date(b.recorded)).forEach(event => {
      const copy = copyOf(event);
      const known = copies.get(copy);
      if (event.subtype[0].code === 'delivery') {
        copies.set(copy, { receiver: receiverOf(event) || (known && known.receiver), at: event.recorded,
          state: event.outcome === '0' ? 'delivered' : 'dead' });
      } else if (known && known.state === 'dead') {
        Object.assign(known, { state: 'queued', at: event.recorded });
      }
    });
    const receivers = new Map();
    copies.forEach(copy => {
      const name = copy.receiver || t('delivery.unknown');
      const sum = receivers.get(name) || { queued: 0, delivered: 0, dead: 0, latest: null };
      sum[copy.state]++;
      if (!sum.latest || copy.at > sum.latest) sum.latest = copy.at;
      receivers.set(name, sum);
    });
    const rows = [...receivers.entries()].map(([name, sum]) => h('tr', { 'data-receiver': name },
      h('th', { scope: 'row' }, name), h('td', { class: 'queued' }, String(sum.queued)),
      h('td', { class: 'delivered' }, String(sum.delivered)), h('td', { class: 'dead' }, String(sum.dead)),
      h('td', {}, time(sum.latest))));
    main.querySelector('#delivery-status tbody').replaceChildren(...(rows.length ? rows
      : [h('tr', {}, h('td', { colspan: 5 }, t('delivery.empty')))]));
    await notifications(main);
  });

  // ---- notifications: every party's Subscriptions, with the delivery state the gateway shows on each ----

  const STATE = 'http://kf-gateway.dk/fhir/StructureDefinition/subscription-';

  function state(subscription, name) {
    const found = (subscription.extension || []).find(e => e.url === STATE + name);
    return found ? (found.valueInstant || found.valueString || found.valueUnsignedInt) : null;
  }

  async function notifications(main) {
    const subscriptions = entries(await fhir('Subscription?' + new URLSearchParams({ _count: 200 })), 'Subscription');
    const rows = subscriptions.map(s => h('tr', { 'data-subscription': s.id, class: s.status },
      h('th', { scope: 'row' }, s.channel.endpoint), h('td', {}, s.criteria),
      h('td', { class: 'status' }, t('notification.' + s.status), s.error ? h('div', { class: 'muted' }, s.error) : ''),
      h('td', { class: 'queued' }, String(state(s, 'queued') || 0)), h('td', {}, time(state(s, 'last-delivery'))),
      h('td', {}, time(state(s, 'last-failure')), state(s, 'last-failure-reason')
        ? h('div', { class: 'muted' }, state(s, 'last-failure-reason')) : '')));
    main.querySelector('#notifications tbody').replaceChildren(...(rows.length ? rows
      : [h('tr', {}, h('td', { colspan: 6 }, t('notification.empty')))]));
  }
})();
