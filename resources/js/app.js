// One busy indicator for every screen (NF-6): htmx requests toggle it through hx-indicator on
// <body>; plain form submissions and page loads show it here.
(function () {
  var busy = function () { return document.getElementById('busy') }
  document.addEventListener('submit', function (event) {
    if (!event.defaultPrevented && !event.target.hasAttribute('hx-post') && busy()) {
      busy().classList.add('is-busy')
    }
  })
  window.addEventListener('pageshow', function () {
    if (busy()) busy().classList.remove('is-busy')
  })
})()
