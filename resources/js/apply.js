// The online application (modules/portal/views/apply/show.edge). The form works without this
// file; with it: the draft saves itself (htmx posts #draft-status's request, files left out) and
// a copy stays in localStorage until the server has it, so a dropped connection loses nothing
// (PT-1.3); files upload as soon as they are chosen, with a progress bar and a cancel button
// (OL-11 c); communes load when a province is chosen; only the postal forms the choice needs show.
;(function () {
  var form = document.querySelector('[data-apply-form]')
  if (!form) return
  var status = document.getElementById('draft-status')
  var storageKey = 'draft:' + location.host + form.getAttribute('data-draft-key')
  var texts = status.dataset

  function typedEntries() {
    var entries = []
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && name !== '_csrf' && name !== '_action') entries.push([name, value])
    })
    return entries
  }
  function keepLocally() {
    try { localStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), entries: typedEntries() })) } catch (e) {}
  }
  function forget() {
    try { localStorage.removeItem(storageKey) } catch (e) {}
  }
  function saveNow() {
    form.dispatchEvent(new Event('change', { bubbles: true }))
  }

  // What was typed while offline, newer than the draft the server has, is put back and sent.
  function restore() {
    var kept
    try { kept = JSON.parse(localStorage.getItem(storageKey) || 'null') } catch (e) { kept = null }
    if (!kept || !kept.entries) return
    var savedAt = Date.parse(form.getAttribute('data-saved-at') || '') || 0
    if (kept.at <= savedAt) return forget()
    var byName = {}
    kept.entries.forEach(function (entry) { (byName[entry[0]] = byName[entry[0]] || []).push(entry[1]) })
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.type === 'file' || element.type === 'hidden' || element.type === 'submit' || element.type === 'button') return
      var values = byName[element.name] || []
      if (element.type === 'checkbox' || element.type === 'radio') element.checked = values.indexOf(element.value) !== -1
      else if (values.length) element.value = values[0]
    })
    status.textContent = texts.restored
    saveNow()
  }

  form.addEventListener('input', keepLocally)
  form.addEventListener('change', keepLocally)
  form.addEventListener('submit', forget)
  window.addEventListener('online', saveNow)

  // The autosave sends the typed values only: files go one by one below.
  document.addEventListener('htmx:config:request', function (event) {
    var ctx = event.detail.ctx
    if (ctx.sourceElement !== status || !ctx.request.body || !ctx.request.body.forEach) return
    var files = []
    ctx.request.body.forEach(function (value, name) { if (typeof value !== 'string') files.push(name) })
    files.forEach(function (name) { ctx.request.body.delete(name) })
  })
  document.addEventListener('htmx:after:request', function (event) {
    var ctx = event.detail.ctx
    if (ctx.sourceElement !== status || !ctx.response || ctx.response.status !== 200) return
    forget()
  })
  document.addEventListener('htmx:error', function (event) {
    if (event.detail.ctx && event.detail.ctx.sourceElement === status) status.textContent = texts.offline
  })

  /* ---------------------------------------------------------------- uploads */

  function upload(input) {
    var slot = input.getAttribute('data-upload-slot')
    var file = input.files[0]
    var chosen = document.getElementById('chosen-' + slot)
    var progress = document.getElementById('progress-' + slot)
    var bar = progress.querySelector('progress')
    var cancel = progress.querySelector('[data-cancel-upload]')
    var say = function (text) {
      var message = document.createElement('p')
      message.className = 'field-error'
      message.textContent = text
      chosen.replaceChildren(message)
    }
    if (file.size > Number(input.getAttribute('data-max-bytes'))) {
      input.value = ''
      return say(progress.getAttribute('data-too-large'))
    }
    var data = new FormData()
    data.append('_csrf', form.elements.namedItem('_csrf').value)
    data.append('_token', form.elements.namedItem('_token').value)
    data.append('_slot', slot)
    data.append('_upload', file, file.name)
    var request = new XMLHttpRequest()
    request.open('POST', form.getAttribute('data-upload-url'))
    request.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) bar.value = Math.round((event.loaded * 100) / event.total)
    })
    var done = function () {
      progress.hidden = true
      input.value = ''
      cancel.onclick = null
    }
    request.addEventListener('load', function () {
      done()
      if (request.status === 200 || request.status === 422) chosen.innerHTML = request.responseText
      else say(progress.getAttribute('data-failed'))
    })
    request.addEventListener('error', function () { done(); say(progress.getAttribute('data-failed')) })
    request.addEventListener('abort', function () { done(); say(progress.getAttribute('data-cancelled')) })
    cancel.onclick = function () { request.abort() }
    bar.value = 0
    progress.hidden = false
    request.send(data)
  }

  /* ---------------------------------------------------------------- communes */

  function loadCommunes(provinceSelect) {
    var communeName = provinceSelect.name.replace(/\[province\]$/, '[commune]')
    var current = form.elements.namedItem(communeName)
    if (!current) return
    var url = form.getAttribute('data-communes-url') + '?tinh=' + encodeURIComponent(provinceSelect.value)
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : '' })
      .then(function (options) {
        var list = current
        if (current.tagName !== 'SELECT') {
          list = document.createElement('select')
          ;['id', 'name', 'required', 'aria-describedby', 'aria-invalid'].forEach(function (attribute) {
            if (current.hasAttribute(attribute)) list.setAttribute(attribute, current.getAttribute(attribute))
          })
          current.replaceWith(list)
        }
        list.innerHTML = options
      })
  }

  /* ---------------------------------------------------------------- postal forms */

  function showPostalForms() {
    var mode = (form.querySelector('input[name="_postal[mode]"]:checked') || {}).value || 'none'
    var needs = { sender: mode === 'submit' || mode === 'both', recipient: mode === 'result' || mode === 'both' }
    Array.prototype.forEach.call(form.querySelectorAll('[data-postal-part]'), function (fieldset) {
      fieldset.hidden = !needs[fieldset.getAttribute('data-postal-part')]
    })
  }

  form.addEventListener('change', function (event) {
    var target = event.target
    if (target.type === 'file' && target.hasAttribute('data-upload-slot') && target.files.length) upload(target)
    else if (target.tagName === 'SELECT' && /\[province\]$/.test(target.name)) loadCommunes(target)
    else if (target.name === '_postal[mode]') showPostalForms()
  })

  showPostalForms()
  restore()
})()
