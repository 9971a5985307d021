// Quick exit: leave for the neutral site by replacing this page in the history, so Back does not bring the form back.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("#quick-exit") : null;
  if (!link) {
    return;
  }
  event.preventDefault();
  window.location.replace(link.href);
});
