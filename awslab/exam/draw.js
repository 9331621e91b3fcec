/* The practice-exam draw of awslab/exam/bank.py, for the browser: the same seed on the same bank gives the same
 * questions in the same order as `python -m awslab exam` (tests/exam/test_draw_js.py checks it with node).
 * Input: the data of awslab.exam.bank.bank_data() (exams with their domain weights, questions with uid and
 * exam_domains). Steps (see bank.py): FNV-1a seed, mulberry32, largest-remainder blueprint, per domain a partial
 * Fisher-Yates over the uid-sorted questions, then a Fisher-Yates shuffle of all picks. */
(function (root) {
  "use strict";
  function fnv1a(text) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(text);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return h >>> 0;
  }
  function mulberry32(a) {
    return function () {
      a |= 0; a = a + 0x6D2B79F5 | 0;
      var t = Math.imul(a ^ a >>> 15, 1 | a);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }
  function blueprint(exam, count) {
    var shares = exam.domains.map(function (d) { return d.weight * count; });
    var whole = shares.map(function (s) { return Math.floor(s / 100); });
    var left = count - whole.reduce(function (x, y) { return x + y; }, 0);
    var order = shares.map(function (_, i) { return i; }).sort(function (i, j) {
      return (shares[j] % 100) - (shares[i] % 100) || i - j;
    });
    for (var k = 0; k < left; k++) whole[order[k]] += 1;
    return exam.domains.map(function (d, i) { return { domain: d.id, title: d.title, weight: d.weight, questions: whole[i] }; });
  }
  function draw(bank, examKey, seed, count) {
    var exam = bank.exams[examKey];
    if (!exam) throw new Error("exam " + examKey + " is not known; allowed: " + Object.keys(bank.exams).join(", "));
    if (!(Number.isInteger(seed) && seed >= 0)) throw new Error("seed must be a whole number, 0 or more");
    count = count === undefined ? exam.scoring.questions : count;
    var plan = blueprint(exam, count), r = mulberry32(fnv1a("awslab-exam/" + exam.key + "/" + seed)), picked = [];
    plan.forEach(function (b) {
      var pool = bank.questions.filter(function (q) { return q.exam_domains[exam.key] === b.domain; })
        .sort(function (p, q) { return p.uid < q.uid ? -1 : p.uid > q.uid ? 1 : 0; });
      if (pool.length < b.questions) throw new Error(exam.code + " domain " + b.domain + " needs " + b.questions + " questions but the bank has " + pool.length);
      for (var i = 0; i < b.questions; i++) {
        var j = i + Math.floor(r() * (pool.length - i)), t = pool[i]; pool[i] = pool[j]; pool[j] = t;
      }
      picked = picked.concat(pool.slice(0, b.questions));
    });
    for (var i = picked.length - 1; i > 0; i--) {
      var j = Math.floor(r() * (i + 1)), t = picked[i]; picked[i] = picked[j]; picked[j] = t;
    }
    return picked;
  }
  var api = { fnv1a: fnv1a, mulberry32: mulberry32, blueprint: blueprint, draw: draw };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.awslabExamDraw = api;
})(this);
