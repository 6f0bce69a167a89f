// The referral page's offers, live: watches the referral on the hub and, when an offer arrives or changes, swaps in
// the ranked offers as the server renders them (so ranks, explanations and approval tags match a page load).
(function () {
  'use strict';
  var region = document.getElementById('offers');
  if (!region || !window.PlacementBrokerLive) {
    return;
  }
  var referralId = region.getAttribute('data-referral-id');
  window.PlacementBrokerLive({
    region: region,
    status: document.getElementById('live-status'),
    url: function () { return region.getAttribute('data-offers-url'); },
    events: ['offerReceived', 'offerUpdated'],
    accepts: function (payload) { return !payload || !payload.referralId || payload.referralId === referralId; },
    onConnected: function (connection) { return connection.invoke('WatchReferral', referralId); },
    liveText: 'Live: new offers appear here automatically',
    failedText: 'Not live: refresh the page to see new offers'
  });

  // Providers' questions, live: a new one is swapped in as the server renders it, with its answer form.
  var questions = document.getElementById('questions');
  if (questions) {
    window.PlacementBrokerLive({
      region: questions,
      url: function () { return questions.getAttribute('data-questions-url'); },
      events: ['questionAsked'],
      accepts: function (payload) { return !payload || !payload.referralId || payload.referralId === referralId; },
      // Never while an answer is being written or a form shows its errors: they would be lost. A later question, or a reload, brings it in.
      keep: function () {
        return !!questions.querySelector('.govuk-error-message')
          || Array.prototype.some.call(questions.querySelectorAll('textarea'), function (t) { return t.value.trim() !== ''; });
      },
      onConnected: function (connection) { return connection.invoke('WatchReferral', referralId); }
    });
  }
})();
