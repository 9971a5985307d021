// Qorgau: solves the form's proof-of-work challenge before sending, when the switch is on.
// Without JavaScript the form still works: the server then accepts it once it has been open a while.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow-bits]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) { return; }
  var bits = parseInt(form.getAttribute("data-pow-bits"), 10);
  var solving = false;
  function leadingZeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { count += 8; continue; }
      for (var b = 7; b >= 0 && !(bytes[i] & (1 << b)); b--) { count++; }
      break;
    }
    return count;
  }
  async function solve(challenge) {
    var encoder = new TextEncoder();
    for (var nonce = 0; nonce < 1 << 26; nonce++) {
      var hash = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + nonce)));
      if (leadingZeroBits(hash) >= bits) { return String(nonce); }
    }
    return "";
  }
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (solving || (submitter && submitter.value === "places")) { return; }
    event.preventDefault();
    solving = true;
    var status = form.querySelector("[data-pow-status]");
    if (status) { status.hidden = false; }
    solve(form.elements.challenge.value).then(function (nonce) {
      form.elements.pow.value = nonce;
      if (submitter) {
        var intent = document.createElement("input");
        intent.type = "hidden"; intent.name = submitter.name; intent.value = submitter.value;
        form.appendChild(intent);
      }
      form.submit();
    });
  });
})();
