// The sweep page (/sweeps/{id}): while the sweep is queued or running, polls the JSON API for how many of its runs
// have ended and reloads the page when it ends, so the heatmap and the ranked table are drawn by the server once.
(function () {
    'use strict';
    const root = document.getElementById('sweep');
    if (!root || (root.dataset.status !== 'QUEUED' && root.dataset.status !== 'RUNNING')) {
        return;
    }

    function poll() {
        fetch(root.dataset.api, {headers: {Accept: 'application/json'}})
            .then(response => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)))
            .then(sweep => {
                document.getElementById('sweep-status').textContent = sweep.status;
                document.getElementById('sweep-ended').textContent = sweep.runsEnded;
                document.getElementById('sweep-progress').value = sweep.runsEnded;
                if (sweep.status === 'QUEUED' || sweep.status === 'RUNNING') {
                    setTimeout(poll, 1000);
                } else {
                    window.location.reload();
                }
            })
            .catch(() => setTimeout(poll, 5000));
    }

    poll();
})();
