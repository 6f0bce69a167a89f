// Shared by the live pages: connects to the marketplace hub with the sign-in cookie, and refetches a server-rendered
// region whenever one of the given events arrives, when the connection's groups are in place ("connected") and
// after reconnecting (to catch up on anything missed). The status line says whether the page is live.
(function () {
  'use strict';

  window.PlacementBrokerLive = function (options) {
    var region = options.region;
    var status = options.status;
    var fetchInFlight = null;
    var fetchAgain = false;

    function say(text) {
      if (status) {
        status.hidden = false;
        status.textContent = text;
      }
    }

    function refresh() {
      // A region may hold something the reader is doing (an answer being written, a form's errors): it is left alone.
      if (options.keep && options.keep()) {
        return Promise.resolve();
      }
      if (fetchInFlight) {
        fetchAgain = true;
        return fetchInFlight;
      }
      fetchInFlight = fetch(options.url(), { credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store' })
        .then(function (response) {
          // A redirect means the sign-in has lapsed: never put the sign-in page inside this one.
          if (!response.ok || response.redirected) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // The reader may have started something while the region was being fetched.
          if (options.keep && options.keep()) {
            return;
          }
          // Whatever the reader has opened (a score's explanation, say) stays open across the refresh.
          var open = {};
          region.querySelectorAll('details[open] > summary').forEach(function (summary) {
            open[summary.textContent.trim()] = true;
          });
          region.innerHTML = html;
          region.querySelectorAll('details > summary').forEach(function (summary) {
            if (open[summary.textContent.trim()]) {
              summary.parentElement.open = true;
            }
          });
          region.setAttribute('data-refreshed', String(Date.now()));
        })
        .catch(function () {
          say(options.failedText || 'Could not update this list: refresh the page');
        })
        .then(function () {
          fetchInFlight = null;
          if (fetchAgain) {
            fetchAgain = false;
            return refresh();
          }
        });
      return fetchInFlight;
    }

    if (!window.signalR) {
      return;
    }
    var connection = new window.signalR.HubConnectionBuilder()
      .withUrl('/hubs/marketplace')
      .withAutomaticReconnect()
      .build();

    options.events.forEach(function (name) {
      connection.on(name, function (payload) {
        if (!options.accepts || options.accepts(payload)) {
          refresh();
        }
      });
    });

    // Sent by the server once this connection's groups are in place, first time and after every reconnection.
    connection.on('connected', function () {
      var ready = options.onConnected ? Promise.resolve(options.onConnected(connection)) : Promise.resolve();
      ready.then(function () {
        say(options.liveText);
        region.setAttribute('data-live', 'true');
        return refresh();
      }).catch(function () {
        say(options.failedText || 'Could not follow this page live: refresh the page');
      });
    });

    connection.onreconnecting(function () {
      region.setAttribute('data-live', 'false');
      say('Reconnecting…');
    });

    connection.onreconnected(function () {
      // The "connected" event follows with the new connection's groups; refetch now as well in case it was missed.
      say(options.liveText);
      refresh();
    });

    connection.onclose(function () {
      region.setAttribute('data-live', 'false');
      say('Not live: refresh the page to see changes');
    });

    function start(attempt) {
      connection.start().catch(function () {
        say('Reconnecting…');
        setTimeout(function () { start(attempt + 1); }, Math.min(30000, 2000 * (attempt + 1)));
      });
    }
    start(0);
  };
})();
