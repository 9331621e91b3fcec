/* awslab exam practice in the browser: the practice exam, today's review and the progress page.
   No server and no network: everything is kept in localStorage. The draw is draw.js (awslab.exam.bank's twin); the
   day count and the SM-2 step mirror awslab/exam/review.py, and the tests run both on the same inputs. */
(function () {
  'use strict';
  var A = window.awslabExam;
  if (A && A.boot) { A.boot(); return; }
  A = window.awslabExam = {};
  var ATTEMPTS = 'awslab:exam:attempts', CURRENT = 'awslab:exam:current:', REVIEW = 'awslab:review',
    INBOX = 'awslab:review:inbox';

  // --- shared ------------------------------------------------------------------------------------------------
  function now() { return typeof window.awslabNow === 'function' ? +window.awslabNow() : Date.now(); }
  function day(t) {
    var d = new Date(t === undefined ? now() : t);
    return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000);
  }
  function load(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v === null || v === undefined ? fallback : v; }
    catch (e) { return fallback; }
  }
  function save(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or off */ } }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function el(tag, cls, html) { var e = document.createElement(tag); if (cls) e.className = cls; if (html !== undefined) e.innerHTML = html; return e; }
  function half(x) { return Math.floor(x + 0.5); }

  // SM-2: right = quality 4, wrong = quality 1 (awslab/exam/review.py says why).
  function ease(e, quality) {
    var miss = 5 - quality, changed = e + (0.1 - miss * (0.08 + miss * 0.02));
    return Math.max(1.3, half(changed * 10000) / 10000);
  }
  function grade(card, right, today) {
    card = card || { ease: 2.5, interval: 0, repetitions: 0, due: 0, lapses: 0 };
    if (right) {
      var iv = card.repetitions === 0 ? 1 : card.repetitions === 1 ? 6 : half(card.interval * card.ease);
      iv = Math.max(iv, card.interval);
      return { ease: ease(card.ease, 4), interval: iv, repetitions: card.repetitions + 1, due: today + iv, lapses: card.lapses || 0 };
    }
    return { ease: ease(card.ease, 1), interval: 1, repetitions: 0, due: today + 1, lapses: (card.lapses || 0) + 1 };
  }
  // Wrong answers in the course's quizzes arrive through an inbox (awslab/quiz.py writes [uid, day] pairs).
  function queue() {
    var cards = load(REVIEW, {}), inbox = load(INBOX, []);
    if (inbox.length) {
      inbox.forEach(function (entry) { cards[entry[0]] = grade(cards[entry[0]], false, entry[1]); });
      save(REVIEW, cards); save(INBOX, []);
    }
    return cards;
  }
  function missed(uids) {
    var cards = queue(), today = day();
    uids.forEach(function (uid) { cards[uid] = grade(cards[uid], false, today); });
    save(REVIEW, cards);
  }
  A.grade = grade; A.day = day; A.queue = queue;

  function chooseHint(item) {
    var n = item.a.filter(function (a) { return a[1]; }).length;
    return item.m ? ' <em>(choose ' + n + ')</em>' : '';
  }
  function answersHtml(item, name, picks) {
    var kind = item.m ? 'checkbox' : 'radio';
    return item.o.map(function (i) {
      var checked = picks && picks.indexOf(i) >= 0 ? ' checked' : '';
      return "<label class='ax-a'><input type='" + kind + "' name='" + name + "' value='" + i + "'" + checked + '> ' +
        esc(item.a[i][0]) + '</label>';
    }).join('');
  }
  function isRight(item, picks) {
    var want = item.a.map(function (a, i) { return a[1] ? i : -1; }).filter(function (i) { return i >= 0; });
    return picks.length === want.length && want.every(function (i) { return picks.indexOf(i) >= 0; });
  }
  function explainHtml(item, picks) {
    var rows = item.o.map(function (i) {
      var a = item.a[i], mine = picks.indexOf(i) >= 0;
      return "<li class='" + (a[1] ? 'ax-right' : 'ax-wrong') + (mine ? ' ax-mine' : '') + "'><span aria-hidden='true'>" +
        (a[1] ? '\u2714' : '\u2718') + '</span> <b>' + esc(a[0]) + '</b>' + (mine ? ' <em>(your pick)</em>' : '') +
        ': ' + esc(a[2]) + '</li>';
    }).join('');
    var link = item.s ? "<p class='ax-see'>Learn it: <a href='" + esc(item.s) + "'>" + esc(item.l) + '</a></p>' : '';
    return "<ul class='ax-why'>" + rows + '</ul>' + link;
  }
  function picked(container) {
    return [].map.call(container.querySelectorAll('input:checked'), function (i) { return +i.value; });
  }
  function clock(seconds) {
    seconds = Math.max(0, Math.ceil(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return h + ':' + (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }
  function data(root) { return JSON.parse(root.querySelector('script.ax-data').textContent); }

  // --- the practice exam ---------------------------------------------------------------------------------------
  // The bank's own draw (awslab/exam/draw.js, the twin of awslab.exam.bank.draw): the same seed, the same exam.
  function draw(d, seed) {
    return window.awslabExamDraw.draw(d.bank, d.exam, seed).map(function (q) { return q.uid; });
  }
  A.draw = draw;

  function practice(root) {
    var d = data(root), key = CURRENT + d.exam, run = null, timer = null;
    var $ = function (s) { return root.querySelector(s); };
    var fromUrl = new URLSearchParams(location.search).get('seed');
    var seed = /^\d{1,9}$/.test(fromUrl || '') ? +fromUrl : d.seed;
    $('.ax-seed').value = seed;

    function show(name) {
      ['intro', 'run', 'review', 'result'].forEach(function (n) { $('.ax-' + n).hidden = n !== name; });
      if (name !== 'intro') root.scrollIntoView({ block: 'start' });
    }
    function persist() { save(key, run); }
    function history() {
      var mine = load(ATTEMPTS, []).filter(function (a) { return a.exam === d.exam; }).reverse();
      var box = $('.ax-history');
      if (!mine.length) { box.innerHTML = '<p>No attempts yet in this browser.</p>'; return; }
      box.innerHTML = "<table class='ax-table'><thead><tr><th>When</th><th>Seed</th><th>Right</th><th>Scaled (est.)</th>" +
        '<th>Result</th><th>Time used</th></tr></thead><tbody>' + mine.map(function (a) {
          return '<tr><td>' + esc(new Date(a.at).toLocaleString()) + '</td><td>' + a.seed + '</td><td>' + a.right + ' of ' +
            a.total + '</td><td>' + a.scaled + '</td><td>' + (a.pass ? 'pass' : 'fail') + '</td><td>' + clock(a.seconds) +
            (a.timeUp ? ' (time up)' : '') + '</td></tr>';
        }).join('') + '</tbody></table>';
    }
    function intro() {
      history();
      var short = '';
      try { draw(d, seed); } catch (e) { short = e.message; }
      $('.ax-short').hidden = !short;
      $('.ax-short').textContent = short ? 'The question bank is not ready for a full exam yet: ' + short + '.' : '';
      $('.ax-start').disabled = !!short;
      var resume = $('.ax-resume');
      run = load(key, null);
      if (run && now() >= run.deadline) { submit(true); return; }
      resume.hidden = !run;
      if (run) resume.querySelector('span').textContent = 'An attempt (seed ' + run.seed + ') is under way: ' +
        clock((run.deadline - now()) / 1000) + ' left.';
      $('.ax-link').textContent = location.origin + location.pathname + '?seed=' + $('.ax-seed').value;
      show('intro');
    }
    function start() {
      var s = $('.ax-seed').value.trim();
      if (!/^\d{1,9}$/.test(s)) { $('.ax-seed-error').textContent = 'The seed is a whole number from 0 to 999999999.'; return; }
      $('.ax-seed-error').textContent = '';
      seed = +s;
      try { history_replace(seed); } catch (e) { /* file:// pages may refuse */ }
      var t = now();
      run = { seed: seed, uids: draw(d, seed), started: t, deadline: t + d.minutes * 60000, picks: {}, flags: {}, pos: 0 };
      persist(); begin();
    }
    function history_replace(s) { window.history.replaceState(null, '', location.pathname + '?seed=' + s + location.hash); }
    function begin() {
      var nav = $('.ax-nav');
      nav.innerHTML = run.uids.map(function (u, i) {
        return "<button type='button' class='ax-go' data-i='" + i + "'>" + (i + 1) + '</button>';
      }).join('');
      show('run'); question(run.pos); tick();
      clearInterval(timer); timer = setInterval(tick, 1000);
    }
    function tick() {
      if (!run) return;
      var left = (run.deadline - now()) / 1000;
      root.querySelectorAll('.ax-timer').forEach(function (t) {
        t.textContent = 'Time left ' + clock(left); t.classList.toggle('ax-low', left < 600);
      });
      if (left <= 0) submit(true);
    }
    function question(i) {
      run.pos = i; persist();
      var uid = run.uids[i], item = d.pool[uid];
      $('.ax-count').textContent = 'Question ' + (i + 1) + ' of ' + run.uids.length + ' \u00b7 ' +
        Object.keys(run.picks).length + ' answered';
      $('.ax-q').innerHTML = "<p class='ax-qtext'><b>" + (i + 1) + '.</b> ' + esc(item.q) + chooseHint(item) + '</p>' +
        "<div class='ax-answers' role='group'>" + answersHtml(item, 'ax-q', run.picks[uid]) + '</div>';
      var flag = $('.ax-flag'); flag.setAttribute('aria-pressed', run.flags[uid] ? 'true' : 'false');
      flag.textContent = run.flags[uid] ? 'Flagged for review' : 'Flag for review';
      $('.ax-prev').disabled = i === 0; $('.ax-next').disabled = i === run.uids.length - 1;
      marks();
    }
    function marks() {
      root.querySelectorAll('.ax-go').forEach(function (b) {
        var uid = run.uids[+b.dataset.i];
        b.classList.toggle('ax-done', !!run.picks[uid]); b.classList.toggle('ax-flagged', !!run.flags[uid]);
        b.classList.toggle('ax-here', +b.dataset.i === run.pos);
        b.setAttribute('aria-label', 'Question ' + (+b.dataset.i + 1) + (run.picks[uid] ? ', answered' : ', not answered') +
          (run.flags[uid] ? ', flagged' : ''));
      });
    }
    function choose() {
      var uid = run.uids[run.pos], p = picked($('.ax-q'));
      if (p.length) run.picks[uid] = p; else delete run.picks[uid];
      persist(); question(run.pos);
    }
    function listing(title, indices, cls) {
      return '<h4>' + title + ' (' + indices.length + ')</h4>' + (indices.length ? "<p class='ax-list " + cls + "'>" +
        indices.map(function (i) { return "<button type='button' class='ax-go' data-i='" + i + "'>" + (i + 1) + '</button>'; }).join('') +
        '</p>' : '<p>None.</p>');
    }
    function review() {
      var open = [], flagged = [];
      run.uids.forEach(function (u, i) { if (!run.picks[u]) open.push(i); if (run.flags[u]) flagged.push(i); });
      $('.ax-review-lists').innerHTML = listing('Unanswered', open, 'ax-open') + listing('Flagged for review', flagged, 'ax-flags');
      show('review'); tick();
    }
    function submit(timeUp) {
      clearInterval(timer);
      if (!run) return;
      var end = Math.min(now(), run.deadline), per = {}, right = 0, results = {}, wrong = [];
      d.domains.forEach(function (dom) { per[dom.id] = [0, 0]; });
      run.uids.forEach(function (uid) {
        var item = d.pool[uid], ok = isRight(item, run.picks[uid] || []);
        per[item.d][1]++; if (ok) { per[item.d][0]++; right++; } else wrong.push(uid);
        results[uid] = ok ? 1 : 0;
      });
      var total = run.uids.length, scaled = half(d.scale[0] + (d.scale[1] - d.scale[0]) * right / total);
      var attempt = { exam: d.exam, seed: run.seed, at: end, seconds: Math.round((end - run.started) / 1000), right: right,
        total: total, scaled: scaled, pass: scaled >= d.passing, domains: per, results: results, timeUp: !!timeUp };
      var all = load(ATTEMPTS, []); all.push(attempt); save(ATTEMPTS, all);
      missed(wrong);
      var finished = run; run = null;
      try { localStorage.removeItem(key); } catch (e) { /* off */ }
      result(attempt, finished);
    }
    function result(attempt, finished) {
      history();
      $('.ax-verdict').innerHTML = (attempt.timeUp ? '<p><b>Time is up:</b> the exam was submitted as it stood.</p>' : '') +
        "<p class='ax-big'>Estimated scaled score <b class='ax-scaled'>" + attempt.scaled + '</b> of ' + d.scale[1] +
        ": <b class='" + (attempt.pass ? 'ax-pass' : 'ax-fail') + "'>" + (attempt.pass ? 'pass' : 'fail') + '</b> (the mark is ' +
        d.passing + '). ' + attempt.right + ' of ' + attempt.total + ' right in ' + clock(attempt.seconds) + '.</p>';
      $('.ax-domains tbody').innerHTML = d.domains.map(function (dom) {
        var p = attempt.domains[dom.id], pct = p[1] ? Math.round(100 * p[0] / p[1]) : 0;
        return "<tr data-domain='" + dom.id + "'><td>" + esc(dom.title) + "</td><td class='ax-num'>" + dom.weight +
          "%</td><td class='ax-num'>" + p[0] + ' of ' + p[1] + "</td><td class='ax-num'><span class='ax-bar-outer'><span class='ax-bar-inner' style='width:" + pct +
          "%'></span></span> " + pct + '%</td></tr>';
      }).join('');
      var missedHtml = finished.uids.map(function (uid, i) {
        if (attempt.results[uid]) return '';
        var item = d.pool[uid], picks = finished.picks[uid] || [];
        return "<div class='ax-missed-q'><p class='ax-qtext'><b>" + (i + 1) + '.</b> ' + esc(item.q) + chooseHint(item) +
          (picks.length ? '' : ' <em>(not answered)</em>') + '</p>' + explainHtml(item, picks) + '</div>';
      }).join('');
      $('.ax-missed').innerHTML = missedHtml ? '<h4>The questions you missed</h4>' + missedHtml :
        '<p>Every question right.</p>';
      show('result');
    }

    root.addEventListener('click', function (ev) {
      var b = ev.target.closest('button'); if (!b || !root.contains(b)) return;
      if (b.classList.contains('ax-go')) { show('run'); question(+b.dataset.i); }
      else if (b.classList.contains('ax-start')) start();
      else if (b.classList.contains('ax-continue')) { run = load(key, null); if (run) begin(); }
      else if (b.classList.contains('ax-abandon')) { try { localStorage.removeItem(key); } catch (e) { /* off */ } intro(); }
      else if (b.classList.contains('ax-prev')) question(run.pos - 1);
      else if (b.classList.contains('ax-next')) question(run.pos + 1);
      else if (b.classList.contains('ax-flag')) {
        var uid = run.uids[run.pos]; if (run.flags[uid]) delete run.flags[uid]; else run.flags[uid] = 1;
        persist(); question(run.pos);
      }
      else if (b.classList.contains('ax-toreview')) review();
      else if (b.classList.contains('ax-back')) { show('run'); question(run.pos); }
      else if (b.classList.contains('ax-submit')) submit(false);
      else if (b.classList.contains('ax-again')) intro();
    });
    root.addEventListener('change', function (ev) { if (ev.target.closest('.ax-q')) choose(); });
    $('.ax-seed').addEventListener('input', function () {
      $('.ax-link').textContent = location.origin + location.pathname + '?seed=' + $('.ax-seed').value.trim();
    });
    intro();
  }

  // --- today's review ------------------------------------------------------------------------------------------
  function reviewPage(root) {
    var d = data(root), $ = function (s) { return root.querySelector(s); }, current = null;
    function due() {
      var cards = queue(), today = day();
      return Object.keys(cards).filter(function (u) { return cards[u].due <= today && d.pool[u]; })
        .sort(function (x, y) { return cards[x].due - cards[y].due || (x < y ? -1 : 1); });
    }
    function summary() {
      var cards = queue(), today = day(), all = Object.keys(cards).filter(function (u) { return d.pool[u]; });
      var later = all.map(function (u) { return cards[u].due; }).filter(function (t) { return t > today; }).sort(function (a, b) { return a - b; });
      var n = due().length;
      $('.ar-summary').innerHTML = '<b class=\'ar-due\'>' + n + '</b> ' + (n === 1 ? 'question' : 'questions') + ' due today; ' +
        all.length + ' in the queue' + (later.length ? '; the next one after today is due in ' + (later[0] - today) +
        (later[0] - today === 1 ? ' day' : ' days') : '') + '.';
    }
    function next() {
      summary();
      var list = due();
      if (!list.length) {
        current = null;
        $('.ar-card').innerHTML = "<p class='ar-empty'>Nothing to review today. Questions you answer wrong in a quiz or a " +
          'practice exam come back here the next day.</p>';
        return;
      }
      current = list[0];
      var item = d.pool[current];
      $('.ar-card').innerHTML = "<p class='ax-qtext'>" + esc(item.q) + chooseHint(item) + '</p>' +
        "<div class='ax-answers' role='group'>" + answersHtml(item, 'ar-q', []) + '</div>' +
        "<p><button type='button' class='ar-check'>Check</button> <span class='ar-verdict' aria-live='polite'></span></p>" +
        "<div class='ar-explain'></div>";
    }
    root.addEventListener('click', function (ev) {
      var b = ev.target.closest('button'); if (!b || !root.contains(b)) return;
      if (b.classList.contains('ar-check') && current) {
        var item = d.pool[current], p = picked($('.ar-card'));
        if (!p.length) { $('.ar-verdict').textContent = 'Choose an answer first.'; return; }
        var ok = isRight(item, p), cards = queue();
        cards[current] = grade(cards[current], ok, day()); save(REVIEW, cards);
        var wait = cards[current].interval;
        $('.ar-verdict').textContent = (ok ? 'Right: ' : 'Not quite: ') + 'back in ' + wait + (wait === 1 ? ' day.' : ' days.');
        $('.ar-verdict').className = 'ar-verdict ' + (ok ? 'ax-pass' : 'ax-fail');
        $('.ar-explain').innerHTML = explainHtml(item, p) + "<button type='button' class='ar-next'>Next question</button>";
        b.disabled = true;
        root.querySelectorAll('.ar-card input').forEach(function (i) { i.disabled = true; });
        summary();
      } else if (b.classList.contains('ar-next')) next();
    });
    next();
  }

  // --- progress ------------------------------------------------------------------------------------------------
  function progressPage(root) {
    var d = data(root), $ = function (s) { return root.querySelector(s); };
    var done = 0, rows = d.notebooks.map(function (nb) {
      var path = new URL(nb.h, location.href).pathname, tick = load('awslab:page:' + path, null) === 1;
      if (tick) done++;
      var first = 0, asked = 0;
      nb.q.forEach(function (q) {
        asked += q[1];
        var st = load('awslab:quiz:' + q[0], {});
        Object.keys(st).forEach(function (k) { if (st[k] && st[k].first) first++; });
      });
      var solved = nb.e.filter(function (id) { return load('awslab:exercise:' + id, null) !== null; }).length;
      return "<tr class='ap-nb" + (tick ? ' ap-done' : '') + "'><td><a href='" + esc(nb.h) + "'>" + esc(nb.t) + '</a>' +
        (tick ? " <span class='ap-tick' aria-label='(done)'>\u2713</span>" : '') + "</td><td class='ax-num'>" +
        (asked ? first + ' of ' + asked : '\u2013') + "</td><td class='ax-num'>" + (nb.e.length ? solved + ' of ' + nb.e.length : '\u2013') + '</td></tr>';
    });
    $('.ap-notebooks tbody').innerHTML = rows.join('');
    $('.ap-done-count').textContent = done + ' of ' + d.notebooks.length;

    var attempts = load(ATTEMPTS, []);
    $('.ap-exams').innerHTML = d.exams.map(function (e) {
      var mine = attempts.filter(function (a) { return a.exam === e.key; });
      if (!mine.length) return '<li>' + esc(e.code) + ': no attempts yet.</li>';
      var best = Math.max.apply(null, mine.map(function (a) { return a.scaled; })), last = mine[mine.length - 1];
      return '<li>' + esc(e.code) + ': ' + mine.length + (mine.length === 1 ? ' attempt' : ' attempts') + ', best ' + best +
        ', last ' + last.scaled + ' (' + (last.pass ? 'pass' : 'fail') + ', mark ' + e.passing + ').</li>';
    }).join('');

    var cards = queue(), today = day(), uids = Object.keys(cards);
    $('.ap-queue').textContent = uids.filter(function (u) { return cards[u].due <= today; }).length + ' due today, ' +
      uids.length + ' in the queue.';

    var score = {};  // task -> [right, seen]
    function count(uid, ok) {
      (d.tasks[uid] || []).forEach(function (t) { var s = score[t] = score[t] || [0, 0]; s[1]++; if (ok) s[0]++; });
    }
    attempts.forEach(function (a) { Object.keys(a.results || {}).forEach(function (u) { count(u, a.results[u] === 1); }); });
    d.notebooks.forEach(function (nb) {
      nb.q.forEach(function (q) {
        var st = load('awslab:quiz:' + q[0], {});
        Object.keys(st).forEach(function (k) { if (st[k] && st[k].tried) count(q[2] + '/' + q[0] + '/' + k, !!st[k].first); });
      });
    });
    var weak = Object.keys(score).sort(function (x, y) {
      return score[x][0] / score[x][1] - score[y][0] / score[y][1] || score[y][1] - score[x][1] || (x < y ? -1 : 1);
    }).slice(0, 5);
    $('.ap-weak').innerHTML = weak.length ? weak.map(function (t) {
      var s = score[t];
      return "<li data-task='" + esc(t) + "'><b>" + esc(t) + '</b> ' + esc(d.taskNames[t] || '') + ': ' + s[0] + ' of ' + s[1] +
        ' right (' + Math.round(100 * s[0] / s[1]) + '%)</li>';
    }).join('') : '<li>Answer some quiz or exam questions first.</li>';
  }

  A.boot = function () {
    document.querySelectorAll('.awslab-exam-page').forEach(function (root) {
      if (root.dataset.booted) return;
      root.dataset.booted = '1';
      ({ practice: practice, review: reviewPage, progress: progressPage })[root.dataset.page](root);
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', A.boot); else A.boot();
})();
