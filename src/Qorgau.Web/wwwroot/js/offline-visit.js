// The offline visit form (docs/decisions/0007). Each entry is sealed when saved: an ephemeral ECDH P-256
// key with the visit's sealing key, HKDF-SHA256 (salt: the visit id, info: "qorgau-offline-entry"),
// AES-256-GCM with a random 96-bit nonce and the visit id as associated data. Only the sealed entry is
// kept (localStorage, under the visit id); the typed text is dropped, and this page cannot read its own
// queue back. The queue is sent when the network returns, with the page's anti-forgery token.
(function () {
  'use strict';
  var root = document.getElementById('offline-visit');
  var scriptUrl = document.currentScript && document.currentScript.src;
  if (!root || !window.crypto || !window.crypto.subtle || !window.localStorage) {
    return; // Without WebCrypto the forms post to the visit page as the online ones do.
  }

  var subtle = window.crypto.subtle;
  var encoder = new TextEncoder();
  var visitId = root.dataset.visit;
  var storeKey = 'qorgau-offline:' + visitId;
  var text = function (name) { return root.dataset['text' + name] || ''; };
  var format = function (pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d+)\}/g, function (_, i) { return args[+i]; });
  };
  var toBase64 = function (buffer) {
    var bytes = new Uint8Array(buffer), binary = '';
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary);
  };
  var fromBase64 = function (value) {
    var binary = atob(value), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  };
  var tokenField = document.querySelector('input[name="__RequestVerificationToken"]');
  var forms = document.querySelectorAll('form[data-kind]');

  function queue() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || []; } catch (e) { return []; }
  }

  function keep(items) {
    if (items.length === 0) { localStorage.removeItem(storeKey); } else { localStorage.setItem(storeKey, JSON.stringify(items)); }
  }

  async function seal(plaintext) {
    var curve = { name: 'ECDH', namedCurve: 'P-256' };
    var recipient = await subtle.importKey('spki', fromBase64(root.dataset.key), curve, false, []);
    var ephemeral = await subtle.generateKey(curve, true, ['deriveBits']);
    var secret = await subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256);
    var hkdf = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
    var key = await subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(visitId), info: encoder.encode('qorgau-offline-entry') },
      hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    var nonce = window.crypto.getRandomValues(new Uint8Array(12));
    var cipher = await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: encoder.encode(visitId) }, key, encoder.encode(plaintext));
    return { key: toBase64(await subtle.exportKey('raw', ephemeral.publicKey)), nonce: toBase64(nonce), cipher: toBase64(cipher) };
  }

  function showQueue() {
    var items = queue();
    var line = document.getElementById('offline-queue');
    line.dataset.count = String(items.length);
    line.textContent = items.length === 0
      ? text('Empty')
      : format(text('Queued'), items.length, new Date(items[items.length - 1].savedAt).toLocaleString(document.documentElement.lang || undefined));
    var network = document.getElementById('offline-network');
    network.dataset.online = navigator.onLine ? 'yes' : 'no';
    network.textContent = navigator.onLine ? text('Online') : text('Offline');
  }

  function result(id, className) {
    var list = document.getElementById('offline-results');
    var item = id ? document.getElementById('offline-' + id) : null;
    if (!item) {
      item = document.createElement('li');
      if (id) { item.id = 'offline-' + id; }
      list.appendChild(item);
    }
    item.className = className;
    item.textContent = '';
    return item;
  }

  function titleOf(kind) {
    var form = document.querySelector('form[data-kind="' + kind + '"]');
    return form ? form.dataset.title : kind;
  }

  function labelOf(name) {
    var field = document.querySelector('[name="' + name + '"]');
    var label = field && field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
    var legend = field && field.closest('fieldset') ? field.closest('fieldset').querySelector('legend') : null;
    return (label || legend) ? (label || legend).textContent.trim() : name;
  }

  function showApplied(answer) {
    var item = result(null, 'offline-applied');
    item.textContent = format(text('Applied'), titleOf(answer.kind));
    if (answer.recordedMeanwhile) {
      var note = document.createElement('p');
      note.className = 'offline-meanwhile';
      note.textContent = text('Meanwhile') + ' ';
      var link = document.createElement('a');
      link.href = root.dataset.visitPage;
      link.textContent = text('SeeVisit');
      note.appendChild(link);
      item.appendChild(note);
    }
  }

  function showRefused(entry, answer) {
    var item = result(entry.id, 'offline-refused');
    var head = document.createElement('p');
    head.textContent = format(text('Refused'), answer.kind ? titleOf(answer.kind) : '', (answer.reasons || []).join(' '));
    item.appendChild(head);
    if (answer.fields) {
      var fields = document.createElement('dl');
      Object.keys(answer.fields).forEach(function (name) {
        var dt = document.createElement('dt');
        dt.textContent = labelOf(name);
        var dd = document.createElement('dd');
        dd.textContent = answer.fields[name] || '—';
        fields.appendChild(dt);
        fields.appendChild(dd);
      });
      item.appendChild(fields);
    }

    var discard = document.createElement('button');
    discard.type = 'button';
    discard.textContent = text('Discard');
    discard.addEventListener('click', function () {
      keep(queue().filter(function (other) { return other.id !== entry.id; }));
      item.remove();
      showQueue();
    });
    item.appendChild(discard);
  }

  var sending = false;
  async function send() {
    if (sending || !navigator.onLine || !tokenField) { return; }
    sending = true;
    try {
      var seen = '';
      var items = queue();
      for (var i = 0; i < items.length; i++) {
        var entry = items[i];
        var body = new URLSearchParams();
        body.set('Entry.Key', entry.key);
        body.set('Entry.Nonce', entry.nonce);
        body.set('Entry.Cipher', entry.cipher);
        body.set('Entry.Seen', seen);
        body.set('__RequestVerificationToken', tokenField.value);
        var response;
        try {
          response = await fetch(root.dataset.upload, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } });
        } catch (e) {
          break; // The network went again: the rest waits.
        }

        var answer = null;
        try { answer = await response.json(); } catch (e) { answer = null; }
        if (response.status === 200 && answer && answer.applied) {
          seen = answer.version;
          keep(queue().filter(function (other) { return other.id !== entry.id; }));
          showApplied(answer);
        } else if ((response.status === 409 || response.status === 400) && answer && answer.reasons) {
          showRefused(entry, answer);
        } else {
          result('stopped', 'offline-stopped').textContent = text('SignIn');
          break;
        }
      }
    } finally {
      sending = false;
      showQueue();
    }
  }

  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      if (!root.dataset.key) { return; }
      var fields = {};
      new FormData(form).forEach(function (value, name) {
        if (name !== '__RequestVerificationToken') { fields[name] = String(value); }
      });
      var plaintext = JSON.stringify({ kind: form.dataset.kind, fields: fields, version: root.dataset.version, typedAt: new Date().toISOString() });
      var sealed = await seal(plaintext);
      plaintext = null;
      fields = null;
      var items = queue();
      items.push({ id: window.crypto.randomUUID(), savedAt: new Date().toISOString(), key: sealed.key, nonce: sealed.nonce, cipher: sealed.cipher });
      keep(items);
      form.reset();
      result(null, 'offline-sealed').textContent = format(text('Sealed'), form.dataset.title);
      showQueue();
      send();
    });
  });

  window.addEventListener('online', send);
  window.addEventListener('offline', showQueue);
  showQueue();
  send();

  // The service worker keeps this page, its stylesheets and this script for a reload without a network.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/visits/offline-sw.js', { scope: '/visits/' })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var urls = [location.pathname, scriptUrl].concat(Array.prototype.map.call(document.querySelectorAll('link[rel="stylesheet"]'), function (link) { return link.href; }));
        if (registration.active) { registration.active.postMessage({ cache: urls.filter(Boolean) }); }
      })
      .catch(function () { /* Without a service worker the page still seals and sends; it only cannot reload offline. */ });
  }
})();
