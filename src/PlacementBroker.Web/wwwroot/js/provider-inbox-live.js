// The provider's inbox, live: when a referral is sent to the organisation or closes, the list is refetched as the
// server renders it (anonymised, with the "fits" and "offered" markers) and swapped in.
(function () {
  'use strict';
  var region = document.getElementById('inbox');
  if (!region || !window.PlacementBrokerLive) {
    return;
  }
  window.PlacementBrokerLive({
    region: region,
    status: document.getElementById('live-status'),
    url: function () { return region.getAttribute('data-list-url'); },
    events: ['referralReceived', 'referralClosed'],
    liveText: 'Live: new referrals appear here automatically',
    failedText: 'Not live: refresh the page to see new referrals'
  });
})();
