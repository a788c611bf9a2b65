// Live updates over server-sent events (GET /api/events), for any page that has:
// - elements with data-status="<key of /api/status>" (and optional data-format), updated on each "status" event;
// - tables with data-live="orders" or data-live="fills": a row per order/fill (id "order-<id>" / "fill-<id>"),
//   cells from the header cells' data-field/data-format/data-link (a new cell takes its header's class); rows are
//   updated in place or added on top (only when the event matches the table's data-filter-<field> attributes),
//   keeping at most data-max-rows rows.
// Money arrives as strings and is formatted as text: no amount goes through a floating-point number.
(function () {
    'use strict';

    var root = (document.querySelector('meta[name="app-root"]') || {content: '/'}).content;
    var timeFormat = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    });

    function grouped(digits) {
        return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    }

    function decimals(value, min) {
        var negative = value.charAt(0) === '-';
        var parts = value.replace('-', '').split('.');
        var fraction = (parts[1] || '').replace(/0+$/, '');
        while (fraction.length < min) {
            fraction += '0';
        }
        return {negative: negative, text: grouped(parts[0]) + '.' + fraction};
    }

    function count(n, noun) {
        return n.toLocaleString('en-US') + ' ' + noun + (n === 1 ? '' : 's');
    }

    function seconds(ms) {
        return (ms / 1000).toFixed(2) + ' s';
    }

    var formats = {
        money: function (value) {
            var d = decimals(value, 2);
            return (d.negative ? '-$' : '$') + d.text;
        },
        pnl: function (value) {
            var text = formats.money(value);
            return /^[1-9]|^0\.0*[1-9]/.test(value) ? '+' + text : text;
        },
        price: function (value) {
            var d = decimals(value, 2);
            return (d.negative ? '-' : '') + d.text;
        },
        time: function (value) {
            var parts = {};
            timeFormat.formatToParts(new Date(value)).forEach(function (p) { parts[p.type] = p.value; });
            return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ' ET';
        },
        label: function (value) {
            return value.toLowerCase().replace(/_/g, ' ');
        },
        // "3,000 tickers", as Formats.count writes it
        tickers: function (value) {
            return count(value.length, 'ticker');
        },
        // the status's lastCycle, as Formats.cycle writes it
        cycle: function (c) {
            var text = count(c.tickers, 'ticker') + ', ' + count(c.bars, 'bar') + ': fetched in ' + seconds(c.fetchingMs)
                + ', stored in ' + seconds(c.storingMs) + ', traded in ' + seconds(c.tradingMs);
            return c.lastTradedAfterBarEndMs === null ? text
                : text + '; orders ' + seconds(c.lastTradedAfterBarEndMs) + ' after the bar\'s end';
        },
        // the status's stream, as Formats.stream writes it
        stream: function (s) {
            var text = s.state + ' since ' + formats.time(s.since) + '; ' + count(s.minutes, 'minute') + ', '
                + count(s.bars, 'bar') + ' built, ' + count(s.lateMinutes, 'late minute');
            return s.lastTradedAfterBarEndMs === null ? text
                : text + '; orders ' + seconds(s.lastTradedAfterBarEndMs) + ' after the bar\'s end';
        },
        connected: function (value) {
            return value ? 'connected' : 'not connected';
        },
        running: function (value) {
            return value ? 'running' : 'stopped';
        }
    };

    function format(value, name, fallback) {
        if (value === null || value === undefined) {
            return fallback || '';
        }
        return name && formats[name] ? formats[name](value) : String(value);
    }

    function onStatus(status) {
        document.querySelectorAll('[data-status]').forEach(function (element) {
            var value = status[element.dataset.status];
            element.textContent = format(value, element.dataset.format, element.dataset.empty);
            if (element.dataset.hideEmpty !== undefined) {
                element.hidden = value === null || value === undefined;
            }
        });
        // a notice shown while a status field is true (the kill switch's banner)
        document.querySelectorAll('[data-shown-while]').forEach(function (element) {
            element.hidden = status[element.dataset.shownWhile] !== true;
        });
    }

    function matches(table, record) {
        return Object.keys(table.dataset).every(function (key) {
            if (key.indexOf('filter') !== 0 || !table.dataset[key]) {
                return true;
            }
            var field = key.charAt(6).toLowerCase() + key.slice(7);
            return String(record[field]) === table.dataset[key];
        });
    }

    // data-link="orders/{id}": the cell links to that page, {field} filled from the record.
    function fill(row, headers, record) {
        headers.forEach(function (header, index) {
            var cell = row.cells[index];
            if (!cell) {
                cell = row.insertCell(index);
                cell.className = header.className; // num, reason, wrap: aligned and wrapped as the page's own rows
            }
            var text = format(record[header.dataset.field], header.dataset.format);
            cell.dataset.label = header.textContent;
            cell.textContent = '';
            if (header.dataset.link) {
                var link = document.createElement('a');
                link.href = root + header.dataset.link.replace(/\{(\w+)\}/g, function (all, field) {
                    return encodeURIComponent(record[field]);
                });
                link.textContent = text;
                cell.appendChild(link);
            } else {
                cell.textContent = text;
            }
        });
    }

    function onRecord(kind, record) {
        document.querySelectorAll('table[data-live="' + kind + 's"]').forEach(function (table) {
            var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-field]'));
            var id = kind + '-' + record.id;
            var row = document.getElementById(id);
            if (!row) {
                if (!matches(table, record)) {
                    return;
                }
                var body = table.tBodies[0];
                row = body.insertRow(0);
                row.id = id;
                var max = parseInt(table.dataset.maxRows || '50', 10);
                while (body.rows.length > max) {
                    body.deleteRow(body.rows.length - 1);
                }
                var empty = document.querySelector('[data-live-empty="' + kind + 's"]');
                if (empty) {
                    empty.hidden = true;
                }
                table.hidden = false;
            }
            fill(row, headers, record);
            row.classList.add('live-updated');
        });
    }

    if (!window.EventSource || !document.querySelector('[data-status], table[data-live]')) {
        return;
    }
    var source = new EventSource(root + 'api/events');
    source.addEventListener('status', function (e) { onStatus(JSON.parse(e.data)); });
    source.addEventListener('trading', function (e) {
        var trading = JSON.parse(e.data);
        trading.orders.forEach(function (order) { onRecord('order', order); });
        trading.fills.forEach(function (fill) { onRecord('fill', fill); });
    });
    source.addEventListener('open', function () { document.body.classList.add('live'); });
    source.addEventListener('error', function () { document.body.classList.remove('live'); });
}());
