'use strict';
/*
 * The secretariat's views: the work list (polled), a task's page, the municipalities' cancellation requests and the
 * GP copies that could not be delivered. Everything through the FHIR API with the person's token.
 */
(() => {
  const { h, t, fhir, entries, link, cached, time, route } = KF;
  /** "Due soon": a deadline within this many days. */
  const SOON_DAYS = 3;
  const DAY = 24 * 3600 * 1000;
  const DEADLINE = 'http://kf-gateway.dk/fhir/StructureDefinition/kf-deadline';
  const CPR = 'urn:oid:1.2.208.176.1.2';
  const TASK_CODE = 'http://hl7.org/fhir/CodeSystem/task-code';
  const CATEGORIES = 'http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories';
  const SERVICES = 'http://kf-gateway.dk/fhir/CodeSystem/kf-services';
  const DEADLINE_RULES = 'http://kf-gateway.dk/fhir/CodeSystem/kf-deadline-rules';
  const CONSENT_WORDING = 'http://kf-gateway.dk/fhir/consent-wording/eg-sundhed-samtykke-2025';
  const STATUSES = ['requested', 'received', 'accepted', 'in-progress', 'on-hold', 'completed', 'cancelled',
    'rejected', 'failed'];

  KF.addTexts({
    da: {
      'worklist.heading': 'Arbejdsliste', 'worklist.caption': 'Klinikkens åbne opgaver, efter frist',
      'worklist.updated': 'Opdateret {0}; hentes igen hvert {1}. sekund.', 'worklist.new': '{0} nye opgaver',
      'worklist.empty': 'Ingen opgaver.', 'filter.status': 'Status', 'filter.open': 'Alle åbne', 'filter.due': 'Frist',
      'filter.any': 'Alle', 'filter.dueSoon': 'Inden for 3 dage (eller overskredet)', 'filter.rule': 'Fristregel',
      'filter.size': 'Pr. side', 'filter.apply': 'Vis', 'page.previous': 'Forrige', 'page.next': 'Næste',
      'page.number': 'Side {0}', 'col.deadline': 'Frist', 'col.rule': 'Fristregel og kilde', 'col.status': 'Status',
      'col.service': 'Ydelse', 'col.municipality': 'Kommune', 'col.citizen': 'Borger', 'col.asked': 'Anmodet',
      'col.task': 'Opgave', 'col.reason': 'Begrundelse', 'col.action': 'Handling', 'col.sent': 'Sendt',
      'col.recipient': 'Modtager', 'col.category': 'Slags', 'col.title': 'Titel', 'col.type': 'Type',
      'col.date': 'Dato', 'col.version': 'Version', 'col.time': 'Tidspunkt', 'col.outcome': 'Visitation',
      'due.overdue': 'Overskredet', 'due.soon': 'Snart', 'due.none': 'ingen frist endnu',
      'status.requested': 'Anmodet', 'status.received': 'Modtaget', 'status.accepted': 'Visiteret',
      'status.in-progress': 'I gang', 'status.on-hold': 'I bero', 'status.completed': 'Afsluttet',
      'status.cancelled': 'Afbestilt', 'status.rejected': 'Tilbagevist', 'status.failed': 'Mislykket',
      'status.stopped': 'Opgivet', 'status.preparation': 'Under forberedelse',
      'citizen.hidden': 'Skjult: intet gældende samtykke til klinikken',
      'task.heading': 'Opgave', 'task.back': 'Tilbage til arbejdslisten', 'task.questions': 'Henvisningens spørgsmål',
      'task.documents': 'Dokumenter', 'task.consent': 'Samtykke', 'task.history': 'Statusændringer',
      'task.copies': 'Kopier sendt', 'task.none': 'Ingen.', 'task.reason': 'Årsag',
      'fact.status': 'Status', 'fact.deadline': 'Frist', 'fact.rule': 'Fristregel', 'fact.service': 'Ydelse',
      'fact.municipality': 'Kommune', 'fact.citizen': 'Borger', 'fact.received': 'Indsendt',
      'pdf.show': 'Vis PDF', 'pdf.open': 'Åbn PDF i nyt vindue', 'pdf.title': 'PDF: {0}',
      'consent.specific': 'specifik ordlyd (LÆ 275)', 'consent.general': 'generelt samtykke',
      'consent.period': 'gyldigt {0} – {1}',
      'cancellations.heading': 'Afbestillinger fra kommunerne', 'cancellations.caption': 'Anmodninger, der venter',
      'cancellations.rule': 'Efter visitationen afbestiller kommunen gennem sekretariatet (vejledningen pkt. 8).',
      'cancellations.carryOut': 'Afbestil opgaven', 'cancellations.done': 'Afbestilt',
      'cancellations.empty': 'Ingen anmodninger venter.',
      'cancellations.reasonText': 'Afbestilt efter kommunens anmodning {0} (vejledningen pkt. 8)',
      'deliveries.heading': 'Forsendelser til de praktiserende læger',
      'deliveries.dead': 'Opgivne forsendelser (døde breve)',
      'deliveries.exceptions': 'Routing-undtagelser: kopi skyldes, men ingen kendt læge',
      'deliveries.retry': 'Send igen', 'deliveries.retried': 'Sendt igen – afventer levering',
      'deliveries.empty': 'Ingen.',
    },
    en: {
      'worklist.heading': 'Work list', 'worklist.caption': "The clinic's open tasks, by deadline",
      'worklist.updated': 'Updated {0}; fetched again every {1} seconds.', 'worklist.new': '{0} new tasks',
      'worklist.empty': 'No tasks.', 'filter.status': 'Status', 'filter.open': 'All open', 'filter.due': 'Deadline',
      'filter.any': 'All', 'filter.dueSoon': 'Within 3 days (or overdue)', 'filter.rule': 'Deadline rule',
      'filter.size': 'Per page', 'filter.apply': 'Show', 'page.previous': 'Previous', 'page.next': 'Next',
      'page.number': 'Page {0}', 'col.deadline': 'Deadline', 'col.rule': 'Deadline rule and source',
      'col.status': 'Status', 'col.service': 'Service', 'col.municipality': 'Municipality', 'col.citizen': 'Citizen',
      'col.asked': 'Asked', 'col.task': 'Task', 'col.reason': 'Reason', 'col.action': 'Action', 'col.sent': 'Sent',
      'col.recipient': 'Recipient', 'col.category': 'Kind', 'col.title': 'Title', 'col.type': 'Type',
      'col.date': 'Date', 'col.version': 'Version', 'col.time': 'Time', 'col.outcome': 'Triage',
      'due.overdue': 'Overdue', 'due.soon': 'Due soon', 'due.none': 'no deadline yet',
      'status.requested': 'Requested', 'status.received': 'Received', 'status.accepted': 'Accepted',
      'status.in-progress': 'In progress', 'status.on-hold': 'On hold', 'status.completed': 'Completed',
      'status.cancelled': 'Cancelled', 'status.rejected': 'Returned', 'status.failed': 'Failed',
      'status.stopped': 'Given up', 'status.preparation': 'In preparation',
      'citizen.hidden': 'Hidden: no consent in force for the clinic',
      'task.heading': 'Task', 'task.back': 'Back to the work list', 'task.questions': "The referral's questions",
      'task.documents': 'Documents', 'task.consent': 'Consent', 'task.history': 'Status changes',
      'task.copies': 'Copies sent', 'task.none': 'None.', 'task.reason': 'Reason',
      'fact.status': 'Status', 'fact.deadline': 'Deadline', 'fact.rule': 'Deadline rule', 'fact.service': 'Service',
      'fact.municipality': 'Municipality', 'fact.citizen': 'Citizen', 'fact.received': 'Submitted',
      'pdf.show': 'Show PDF', 'pdf.open': 'Open the PDF in a new window', 'pdf.title': 'PDF: {0}',
      'consent.specific': 'specific wording (LÆ 275)', 'consent.general': 'general consent',
      'consent.period': 'valid {0} – {1}',
      'cancellations.heading': 'Cancellations from the municipalities', 'cancellations.caption': 'Requests waiting',
      'cancellations.rule': 'After triage the municipality cancels through the secretariat (guide pkt. 8).',
      'cancellations.carryOut': 'Cancel the task', 'cancellations.done': 'Cancelled',
      'cancellations.empty': 'No requests waiting.',
      'cancellations.reasonText': "Cancelled on the municipality's request {0} (guide pkt. 8)",
      'deliveries.heading': "Deliveries to the citizens' GPs", 'deliveries.dead': 'Deliveries given up (dead letters)',
      'deliveries.exceptions': 'Routing exceptions: a copy is due but no GP is known',
      'deliveries.retry': 'Send again', 'deliveries.retried': 'Sent again – waiting for delivery',
      'deliveries.empty': 'None.',
    },
  });

  /** Keeps only the named section of the secretariat's view. */
  function only(main, name) {
    main.querySelectorAll('[data-view]').forEach(section => { if (section.dataset.view !== name) section.remove(); });
  }

  function statusText(code) {
    return STATUSES.includes(code) || code === 'stopped' || code === 'preparation' ? t('status.' + code) : code;
  }

  function concept(value) {
    if (!value) return '';
    const coding = (value.coding || [])[0] || {};
    return value.text || coding.display || coding.code || '';
  }

  function sub(extension, url) {
    return extension && (extension.extension || []).find(e => e.url === url);
  }

  function deadlineOf(task) {
    return task.restriction && task.restriction.period && task.restriction.period.end;
  }

  /** Overdue or due soon, for an open task with a deadline. */
  function mark(task) {
    const end = deadlineOf(task);
    if (!end || !['received', 'accepted', 'in-progress'].includes(task.status)) return '';
    const left = new Date(end).getTime() - Date.now();
    if (left < 0) return h('span', { class: 'badge overdue' }, t('due.overdue'));
    return left < SOON_DAYS * DAY ? h('span', { class: 'badge soon' }, t('due.soon')) : '';
  }

  async function ruleOf(task) {
    const extension = (task.extension || []).find(e => e.url === DEADLINE);
    const rule = sub(extension, 'rule');
    const source = sub(extension, 'source');
    const reason = sub(extension, 'reason');
    if (!rule) return [];
    return [await codeName(DEADLINE_RULES, rule.valueCoding),
      source ? h('div', { class: 'muted' }, source.valueString) : '',
      reason ? h('div', { class: 'muted' }, reason.valueString) : ''];
  }

  function statusCell(task) {
    const parts = [statusText(task.status)];
    if (task.status === 'on-hold' || task.status === 'rejected') {
      parts.push(h('div', { class: 'muted' }, concept(task.statusReason)));
    }
    return parts;
  }

  async function organisationName(reference) {
    if (!reference) return '';
    const resource = await cached(reference);
    if (!resource) return reference;
    if (resource.resourceType === 'PractitionerRole') {
      return organisationName(resource.organization && resource.organization.reference);
    }
    return resource.name || reference;
  }

  function citizen(patient) {
    if (!patient) return h('span', { class: 'muted' }, t('citizen.hidden'));
    const name = (patient.name || [])[0] || {};
    const cpr = (patient.identifier || []).find(i => i.system === CPR);
    return [[(name.given || []).join(' '), name.family].filter(Boolean).join(' '),
      cpr ? h('div', { class: 'muted' }, 'CPR ' + cpr.value) : ''];
  }

  const codeSystems = new Map();
  /** A code's name from its CodeSystem (the service catalogue, the deadline rules), Danish where it has one. */
  async function codeName(url, coding) {
    if (!codeSystems.has(url)) {
      codeSystems.set(url, fhir('CodeSystem?' + new URLSearchParams({ url, _count: 1 })).then(bundle => {
        const names = new Map();
        entries(bundle, 'CodeSystem').forEach(cs => (cs.concept || []).forEach(c => names.set(c.code, c)));
        return names;
      }).catch(() => new Map()));
    }
    const found = (await codeSystems.get(url)).get((coding || {}).code);
    const danish = found && (found.designation || []).find(d => d.language === 'da');
    return found ? (KF.state.lang === 'da' && danish ? danish.value : found.display) : ((coding || {}).code || '');
  }

  function serviceName(code) {
    return codeName(SERVICES, ((code && code.coding) || [])[0]);
  }

  function byReference(bundle) {
    const found = new Map();
    entries(bundle).forEach(r => found.set(r.resourceType + '/' + r.id, r));
    return found;
  }

  // ---- work list ----

  route('worklist', 'secretariat', async main => {
    only(main, 'worklist');
    const form = main.querySelector('#filters');
    const body = main.querySelector('#worklist tbody');
    const seen = new Set();
    let page = 1;
    let links = {};
    let firstLoad = true;

    function firstPage() {
      const filters = new FormData(form);
      const query = new URLSearchParams({ owner: KF.state.claims.kf_org, status: filters.get('status'),
        'code:not': TASK_CODE + '|abort', _sort: 'due,-_lastUpdated', _count: filters.get('size') });
      query.append('_include', 'Task:focus');
      query.append('_include', 'Task:patient');
      if (filters.get('due')) {
        const until = Date.now() + (filters.get('due') === 'soon' ? SOON_DAYS * DAY : 0);
        query.set('due', 'lt' + new Date(until).toISOString());
      }
      if (filters.get('rule')) query.set('deadline-rule', filters.get('rule'));
      return 'Task?' + query;
    }

    async function row(task, included) {
      const request = task.focus && included.get(task.focus.reference);
      const patient = task.for && included.get(task.for.reference);
      const municipality = await organisationName((task.requester && task.requester.reference)
        || (request && request.requester && request.requester.reference));
      const service = request ? await serviceName(request.code) : (task.description || task.id);
      const tr = h('tr', { 'data-task': task.id },
        h('td', { class: 'deadline' }, deadlineOf(task) ? time(deadlineOf(task)) : h('span', { class: 'muted' },
          t('due.none')), ' ', mark(task)),
        h('td', {}, await ruleOf(task)),
        h('td', {}, statusCell(task)),
        h('td', {}, h('a', { href: '#/task/' + encodeURIComponent(task.id) }, service)),
        h('td', {}, municipality),
        h('td', {}, citizen(patient)));
      if (!firstLoad && !seen.has(task.id)) tr.classList.add('new');
      return tr;
    }

    let lastShown = null;

    async function load(url) {
      const bundle = await fhir(url);
      const included = byReference(bundle);
      const tasks = entries(bundle, 'Task').filter(r => (bundle.entry.find(e => e.resource === r).search || {}).mode
        !== 'include');
      // a poll that finds the same tasks in the same versions leaves the rows as they are (no redraw under the reader)
      const shown = url + ' ' + tasks.map(task => task.id + '/' + ((task.meta || {}).versionId || '')).join(',');
      const fresh = firstLoad ? 0 : tasks.filter(task => !seen.has(task.id)).length;
      if (shown !== lastShown) {
        const rows = await Promise.all(tasks.map(task => row(task, included)));
        body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: 6 }, t('worklist.empty')))]));
        lastShown = shown;
      }
      tasks.forEach(task => seen.add(task.id));
      links = { next: link(bundle, 'next'), previous: link(bundle, 'previous') };
      main.querySelector('#page-next').disabled = !links.next;
      main.querySelector('#page-previous').disabled = !links.previous;
      main.querySelector('#page-number').textContent = t('page.number', page);
      main.querySelector('#worklist-updated').textContent =
        t('worklist.updated', KF.copenhagen(Date.now()).text, KF.state.config.pollSeconds);
      if (fresh > 0) KF.announce(t('worklist.new', fresh));
      firstLoad = false;
    }

    const refresh = () => load(firstPage()).catch(error => KF.showError(main.querySelector('#worklist-updated'), error));
    form.addEventListener('submit', event => {
      event.preventDefault();
      page = 1;
      firstLoad = true;
      seen.clear();
      refresh();
    });
    main.querySelector('#page-next').addEventListener('click', () => { page++; load(links.next); });
    main.querySelector('#page-previous').addEventListener('click', () => { page--; load(links.previous); });
    await load(firstPage());
    // new tasks appear without reloading: the first page is asked again every few seconds
    const timer = setInterval(() => { if (page === 1) refresh(); }, KF.state.config.pollSeconds * 1000);
    return { leave: () => clearInterval(timer) };
  });

  // ---- a task's page ----

  function table(headings, rows) {
    if (!rows.length) return h('p', { class: 'muted' }, t('task.none'));
    return h('table', {}, h('thead', {}, h('tr', {}, headings.map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows));
  }

  function facts(list) {
    return list.flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]);
  }

  async function pdfBytes(attachment) {
    let data = attachment.data;
    if (!data && attachment.url) {
      const binary = await fhir(attachment.url.replace(/^.*\/(Binary\/[^/]+)$/, '$1'));
      data = binary.data;
    }
    return Uint8Array.from(atob(data || ''), c => c.charCodeAt(0));
  }

  async function showPdf(main, document) {
    const attachment = document.content[0].attachment;
    const url = URL.createObjectURL(new Blob([await pdfBytes(attachment)], { type: 'application/pdf' }));
    const title = document.description || attachment.title || document.id;
    const frame = h('iframe', { class: 'pdf', src: url, title: t('pdf.title', title), 'data-document': document.id });
    main.querySelector('#task-pdf').replaceChildren(frame,
      h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, t('pdf.open'))));
    frame.scrollIntoView({ block: 'start' });
  }

  async function history(id, latest) {
    const versions = [];
    for (let version = Number(latest); version >= 1; version--) {
      versions.push(await fhir('Task/' + id + '/_history/' + version));
    }
    // a row per change of status (the first version included), newest first
    return versions.filter((v, i) => i === versions.length - 1 || v.status !== versions[i + 1].status);
  }

  route('task', 'secretariat', async (main, id) => {
    only(main, 'task');
    const task = await fhir('Task/' + encodeURIComponent(id));
    const request = task.focus ? await fhir(task.focus.reference).catch(() => null) : null;
    const patient = task.for ? await fhir(task.for.reference).catch(() => null) : null;
    const municipality = await organisationName(task.requester && task.requester.reference);
    const service = request ? await serviceName(request.code) : '';
    main.querySelector('#task-heading').textContent = t('task.heading') + ': ' + (service || task.id);
    main.querySelector('#task-facts').replaceChildren(...facts([
      ['fact.status', statusCell(task)],
      ['fact.deadline', [deadlineOf(task) ? time(deadlineOf(task)) : t('due.none'), ' ', mark(task)]],
      ['fact.rule', await ruleOf(task)],
      ['fact.service', service],
      ['fact.municipality', municipality],
      ['fact.citizen', citizen(patient)],
      ['fact.received', time(task.authoredOn)],
    ]));
    const notes = (request && request.note) || [];
    main.querySelector('#task-questions').replaceChildren(notes.length
      ? h('ul', {}, notes.map(n => h('li', {}, n.text))) : h('p', { class: 'muted' }, t('task.none')));

    const related = request ? 'ServiceRequest/' + request.id : null;
    const documents = related ? entries(await fhir('DocumentReference?' + new URLSearchParams(
      { related, _count: 50 })), 'DocumentReference') : [];
    main.querySelector('#task-documents').replaceChildren(table(['col.title', 'col.type', 'col.date', 'col.action'],
      documents.map(doc => h('tr', { 'data-document': doc.id },
        h('td', {}, doc.description || (doc.content[0].attachment.title) || doc.id),
        h('td', {}, concept(doc.type)),
        h('td', {}, time(doc.date)),
        h('td', {}, h('button', { type: 'button', class: 'show-pdf', onclick: () => showPdf(main, doc)
          .catch(error => KF.showError(main.querySelector('#task-pdf'), error)) }, t('pdf.show')))))));

    const consents = task.for ? entries(await fhir('Consent?' + new URLSearchParams(
      { patient: task.for.reference, _count: 20 })), 'Consent') : [];
    main.querySelector('#task-consent').replaceChildren(table(['col.status', 'col.type', 'col.date'],
      consents.map(c => {
        const period = c.provision && c.provision.period;
        const specific = (c.policy || []).some(p => p.uri === CONSENT_WORDING);
        return h('tr', {}, h('td', {}, c.status),
          h('td', {}, t(specific ? 'consent.specific' : 'consent.general')),
          h('td', {}, time(c.dateTime), period ? h('div', { class: 'muted' },
            t('consent.period', period.start || '–', period.end || '–')) : ''));
      })));

    const versions = await history(task.id, task.meta.versionId);
    main.querySelector('#task-history').replaceChildren(table(['col.time', 'col.status', 'task.reason', 'col.outcome'],
      versions.map(v => h('tr', {}, h('td', {}, time(v.meta.lastUpdated)), h('td', {}, statusText(v.status)),
        h('td', {}, concept(v.statusReason)), h('td', {}, concept(v.businessStatus))))));

    const copies = related ? entries(await fhir('Communication?' + new URLSearchParams(
      { about: related, _count: 50 })), 'Communication') : [];
    const copyRows = await Promise.all(copies.map(async c => h('tr', {},
      h('td', {}, time(c.sent)),
      h('td', {}, concept((c.category || [])[0])),
      h('td', {}, (await Promise.all((c.recipient || []).map(r => organisationName(r.reference)))).join(', ')),
      h('td', {}, statusText(c.status)))));
    main.querySelector('#task-copies').replaceChildren(
      table(['col.sent', 'col.category', 'col.recipient', 'col.status'], copyRows));
  });

  // ---- cancellation requests (guide pkt. 8) ----

  async function put(task) {
    return fhir('Task/' + task.id, { method: 'PUT', body: task, headers: { 'If-Match': 'W/"' + task.meta.versionId + '"' } });
  }

  /**
   * One action: the referral's task is cancelled with the request named as the reason, then the request itself is
   * taken through to completed (the moves of the task table), so that the municipality sees both.
   */
  async function carryOut(request) {
    const target = await fhir(request.focus.reference);
    if (target.status !== 'cancelled') {
      target.status = 'cancelled';
      // statusReason is bound to the reasons for returning or holding; the request is named in a note instead
      target.note = (target.note || []).concat({ time: new Date().toISOString(),
        text: t('cancellations.reasonText', 'Task/' + request.id) });
      await put(target);
    }
    const steps = ['requested', 'received', 'accepted', 'in-progress', 'completed'];
    let current = await fhir('Task/' + request.id);
    for (let at = steps.indexOf(current.status) + 1; at > 0 && at < steps.length; at++) {
      current.status = steps[at];
      current = await put(current);
    }
  }

  route('cancellations', 'secretariat', async main => {
    only(main, 'cancellations');
    const query = new URLSearchParams({ code: TASK_CODE + '|abort', owner: KF.state.claims.kf_org,
      status: 'requested,received,accepted,in-progress', _include: 'Task:focus', _count: 50 });
    const bundle = await fhir('Task?' + query);
    const included = byReference(bundle);
    const requests = entries(bundle, 'Task').filter(r => (r.code && (r.code.coding || [])
      .some(c => c.code === 'abort')));
    const rows = await Promise.all(requests.map(async request => {
      const target = request.focus && included.get(request.focus.reference);
      const targetId = request.focus.reference.replace(/^Task\//, '');
      const action = h('td', {});
      const status = h('td', {}, target ? statusText(target.status) : '');
      const button = h('button', { type: 'button', class: 'primary carry-out', 'data-request': request.id,
        onclick: async () => {
          button.disabled = true;
          try {
            await carryOut(request);
            status.textContent = statusText('cancelled');
            action.replaceChildren(h('span', { class: 'badge done', role: 'status' }, t('cancellations.done')));
            KF.announce(t('cancellations.done'));
          } catch (error) {
            button.disabled = false;
            KF.showError(action, error);
          }
        } }, t('cancellations.carryOut'));
      action.append(button);
      return h('tr', { 'data-request': request.id, 'data-task': targetId },
        h('td', {}, time(request.authoredOn)),
        h('td', {}, h('a', { href: '#/task/' + encodeURIComponent(targetId) }, targetId)),
        status,
        h('td', {}, await organisationName(request.requester && request.requester.reference)),
        h('td', {}, ((request.note || [])[0] || {}).text || request.description || concept(request.reasonCode)),
        action);
    }));
    main.querySelector('#cancellations tbody').replaceChildren(...(rows.length ? rows
      : [h('tr', {}, h('td', { colspan: 6 }, t('cancellations.empty')))]));
  });

  // ---- GP copies: dead letters and routing exceptions ----

  route('deliveries', 'secretariat', async main => {
    only(main, 'deliveries');
    const dead = entries(await fhir('Communication?' + new URLSearchParams({ status: 'stopped', _count: 50 })),
      'Communication');
    const deadRows = await Promise.all(dead.map(async copy => {
      const action = h('td', {});
      const button = h('button', { type: 'button', class: 'primary retry', 'data-communication': copy.id,
        onclick: async () => {
          button.disabled = true;
          try {
            await fhir('Communication/' + copy.id + '/$retry-delivery', { method: 'POST' });
            action.replaceChildren(h('span', { class: 'badge done', role: 'status' }, t('deliveries.retried')));
            KF.announce(t('deliveries.retried'));
          } catch (error) {
            button.disabled = false;
            KF.showError(action, error);
          }
        } }, t('deliveries.retry'));
      action.append(button);
      const recipients = await Promise.all((copy.recipient || []).map(r => organisationName(r.reference)));
      return h('tr', { 'data-communication': copy.id }, h('td', {}, time(copy.sent)), h('td', {}, recipients.join(', ')),
        h('td', {}, concept((copy.category || [])[0])), h('td', {}, concept(copy.statusReason)), action);
    }));
    main.querySelector('#dead-letters tbody').replaceChildren(...(deadRows.length ? deadRows
      : [h('tr', {}, h('td', { colspan: 5 }, t('deliveries.empty')))]));

    const exceptions = entries(await fhir('Communication?' + new URLSearchParams({
      category: CATEGORIES + '|routing-exception', status: 'on-hold', _count: 50 })), 'Communication');
    const exceptionRows = exceptions.map(copy => {
      const task = ((copy.basedOn || [])[0] || {}).reference || '';
      const id = task.replace(/^Task\//, '');
      return h('tr', { 'data-communication': copy.id }, h('td', {}, time(copy.sent)),
        h('td', {}, id ? h('a', { href: '#/task/' + encodeURIComponent(id) }, id) : ''),
        h('td', {}, (copy.note || []).map(n => n.text).join(' ')));
    });
    main.querySelector('#routing-exceptions tbody').replaceChildren(...(exceptionRows.length ? exceptionRows
      : [h('tr', {}, h('td', { colspan: 3 }, t('deliveries.empty')))]));
  });
})();
