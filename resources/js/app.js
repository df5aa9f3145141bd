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

// "Another picture" buttons next to a captcha: a new image without reloading the form.
;(function () {
  var buttons = document.querySelectorAll('[data-refreshes]')
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false
    buttons[i].addEventListener('click', function (event) {
      var image = document.getElementById(event.currentTarget.getAttribute('data-refreshes'))
      if (image) image.src = image.src.replace(/\?.*$/, '') + '?v=' + Date.now()
    })
  }
})()
