// A file upload form (form[data-upload-progress]: the Ofsted import, a referral's documents), with upload progress: sends the file with XMLHttpRequest so the <progress> element can show
// how much has gone, then swaps in the page the server answers with. Without JavaScript the form posts as usual.
(function () {
  'use strict';

  function bind() {
    var form = document.querySelector('form[data-upload-progress]');
    if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
      return;
    }
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      if (!input || !input.files || input.files.length === 0) {
        return; // let the server say what is missing
      }
      event.preventDefault();
      var group = document.getElementById('upload-progress-group');
      var bar = document.getElementById('upload-progress');
      var label = document.getElementById('upload-progress-label');
      var status = document.getElementById('upload-progress-status');
      var button = form.querySelector('button[type=submit]');
      group.hidden = false;
      if (button) {
        button.disabled = true;
      }

      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action') || window.location.pathname);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.round((e.loaded / e.total) * 100);
          bar.value = percent;
          bar.textContent = percent + '%';
          label.textContent = 'Uploading: ' + percent + '%';
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = 100;
        bar.textContent = '100%';
        label.textContent = 'Uploaded';
        status.textContent = form.getAttribute('data-upload-progress') || 'Reading the file: this can take a minute for the whole register.';
      });
      xhr.addEventListener('load', function () {
        var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var incoming = doc.querySelector('main');
        var current = document.querySelector('main');
        var ours = incoming && (doc.getElementById('ofsted-import-result') || doc.querySelector('form[data-upload-progress]'));
        if (xhr.status !== 200 || !ours || !current) {
          window.location.href = xhr.responseURL || window.location.href;
          return;
        }
        current.innerHTML = incoming.innerHTML;
        document.title = doc.title;
        var focus = current.querySelector('.govuk-error-summary') || current.querySelector('h1');
        if (focus) {
          focus.setAttribute('tabindex', '-1');
          focus.focus();
        }
        bind();
      });
      xhr.addEventListener('error', function () {
        label.textContent = 'The upload failed';
        status.textContent = 'Check your connection and try again.';
        if (button) {
          button.disabled = false;
        }
      });
      xhr.send(new FormData(form));
    });
  }

  bind();
})();
