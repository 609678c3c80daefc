/* Search worker for one language, speaking Material for MkDocs' worker
   protocol (SETUP 0 → READY 1, QUERY 2 → RESULT 3), so Material's search box,
   "/" shortcut, result list and highlighting stay as they are.

   The build prepends the Snowball runtime and this language's stemmer
   (translated from the Python the index was built with) and sets
   KB_SEARCH_INDEX. Everything is in one file so it also works from file://. */
(function (scope) {
  "use strict";
  var INDEX = scope.KB_SEARCH_INDEX;
  var stemmer = new KB_STEMMERS[INDEX.lang]();
  var keyCache = Object.create(null);
  /* Staff on a shift look for what to do: a playbook first, then the article,
     then the term's definition (which a tooltip also shows on every page). */
  var KIND_BOOST = { playbook: 1.5, glossary: 0.7, article: 1.0, quiz: 0.6, page: 0.5 };
  var K1 = 1.2, B = 0.75, TITLE_BOOST = 2;
  var allKeys = Object.keys(INDEX.post);
  var titleKeys = null, titleSizes = null;  // per document, computed on the first query

  function titleKeySets() {
    if (titleKeys === null) {
      titleKeys = INDEX.docs.map(function (doc) {
        var set = Object.create(null);
        if (doc[6]) queryKeys(doc[1]).forEach(function (k) { set[k] = true; });  // headings only, not step sentences
        return set;
      });
      titleSizes = titleKeys.map(function (set) { return Object.keys(set).length; });
    }
    return titleKeys;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/ł/g, "l");
  }
  function words(text) {
    return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }
  function key(word) {
    if (!(word in keyCache)) keyCache[word] = fold(stemmer.stemWord(word));
    return keyCache[word];
  }
  function queryKeys(text) {
    return words(text).map(function (word) { return INDEX.vocab[fold(word)] || key(word); });
  }
  /* Snowball leaves some stem alternations apart (Finnish säilyttäminen →
     "sailyttamin", säilyttämistä → "sailyttam"): keys that share all but their
     last two letters (at least five, lengths within two) count as a weaker
     match; compounds that merely start alike (asiak-, asiakaspalvelu) do not. */
  function related(a, b) {
    var shortest = Math.min(a.length, b.length);
    if (shortest < 5 || a === b || Math.abs(a.length - b.length) > 2) return false;
    var need = Math.max(5, shortest - 2), i = 0;
    while (i < shortest && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i >= need;
  }
  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  /* Wrap the words whose key matched in <mark>; collect their spellings for
     Material's on-page highlighting (?h=...). */
  function highlight(text, matched, found) {
    return escapeHTML(text).replace(/[\p{L}\p{N}]+/gu, function (word) {
      var lower = word.toLowerCase();
      var k = INDEX.vocab[fold(lower)] || key(lower);
      if (!matched[k]) return word;
      found[lower] = true;
      return "<mark>" + word + "</mark>";
    });
  }

  var STOP = Object.create(null);
  INDEX.stop.forEach(function (k) { STOP[k] = true; });

  function search(query) {
    var keys = queryKeys(query);
    if (!keys.length) return [];
    /* The little words of a typed sentence (stop words: "miten", "come una")
       neither score nor count as missing, unless the query is only those.
       A title that contains them still counts them (below). */
    var little = keys.map(function (k) { return !!STOP[k]; });
    if (little.every(Boolean)) little = keys.map(function () { return false; });
    var counted = little.filter(function (l) { return !l; }).length;
    var prefix = /[\p{L}\p{N}]$/u.test(query) ? fold(words(query).pop()) : null;
    var scores = Object.create(null), hits = Object.create(null);
    var n = INDEX.docs.length;
    keys.forEach(function (k, position) {
      if (little[position]) return;
      var expansions = [[k, 1]];
      var typing = prefix !== null && position === keys.length - 1 && prefix.length >= 3;
      allKeys.forEach(function (candidate) {
        if (candidate === k) return;
        if ((typing && candidate.lastIndexOf(prefix, 0) === 0) || related(k, candidate)) expansions.push([candidate, 0.6]);
      });
      expansions.forEach(function (pair) {
        var list = INDEX.post[pair[0]];
        if (!list) return;
        var idf = Math.log(1 + (n - list.length / 2 + 0.5) / (list.length / 2 + 0.5));
        for (var i = 0; i < list.length; i += 2) {
          var doc = list[i], tf = list[i + 1];
          var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * INDEX.len[doc] / INDEX.avg));
          scores[doc] = (scores[doc] || 0) + pair[1] * idf * norm;
          (hits[doc] = hits[doc] || {})[position] = true;
          (hits[doc].keys = hits[doc].keys || {})[pair[0]] = true;
        }
      });
    });
    var short = counted <= 2;
    var titles = titleKeySets();
    var distinct = Object.keys(keys.reduce(function (set, k) { set[k] = true; return set; }, {})).length;
    var groups = Object.create(null);
    Object.keys(scores).forEach(function (id) {
      var doc = INDEX.docs[id];
      var covered = 0, inTitle = 0;
      keys.forEach(function (k, position) {
        if (hits[id][position] && !little[position]) covered++;
        if (titles[id][k]) inTitle++;
      });
      covered /= counted;
      // Quizzes and signpost pages step back always; answers step forward for a word or two.
      // A sentence describing a situation still wants the playbook for it.
      var kind = KIND_BOOST[doc[3]] || 1;
      if (!short && kind > 1 && doc[3] !== "playbook") kind = 1;
      var score = scores[id] * covered * covered * kind;
      // Query words in the title: the page or section is about that, not just
      // mentioning it. Up to three times the score when the title has them all.
      score *= 1 + TITLE_BOOST * inTitle / keys.length;
      // The whole title typed, nothing more (an article's title without diacritics).
      var exact = distinct > 1 && inTitle === keys.length && titleSizes[id] === distinct;
      var page = doc[4] < 0 ? +id : doc[4];
      var group = groups[page] = groups[page] || { page: page, score: 0, docs: [], exact: false };
      group.docs.push([+id, score, exact ? 1 : 0]);
      group.score = Math.max(group.score, score);
      group.exact = group.exact || exact;
    });
    /* A title of several words typed in full, nothing more (an article's title
       without diacritics): that page comes first, whatever else mentions the words. */
    return Object.keys(groups).map(function (p) { return groups[p]; })
      .sort(function (a, b) { return (b.exact - a.exact) || b.score - a.score || a.page - b.page; })
      .map(function (group) {
        if (!group.docs.some(function (d) { return d[0] === group.page; })) group.docs.push([group.page, 0]);
        group.docs.sort(function (a, b) { return (b[2] || 0) - (a[2] || 0) || b[1] - a[1] || a[0] - b[0]; });
        /* A match on the page as a whole (its title, its search words) opens its
           lead section, a playbook's first step, not the page's top: Enter then
           lands on the steps and the preview shows the step. */
        var lead = INDEX.docs[group.page][5];
        var viaPage = group.docs[0][0] === group.page && lead >= 0;
        if (viaPage) {
          var pageHits = hits[group.page] || {}, leadHits = hits[lead] = hits[lead] || {};
          leadHits.keys = Object.assign({}, pageHits.keys, leadHits.keys);
          // Material shows the page (the item without "#") as the result's heading
          // whatever its score; it stays, scored below the step it opens at.
          group.docs = [[lead, group.docs[0][1]]].concat(group.docs.filter(function (d) {
            return d[0] !== lead && d[0] !== group.page;
          }), [[group.page, 0]]);
        }
        return group.docs.map(function (d) {
          var doc = INDEX.docs[d[0]], found = {};
          var matched = (hits[d[0]] && hits[d[0]].keys) || {};
          var title = highlight(doc[1], matched, found), text = highlight(doc[2], matched, found);
          // Opened through its page's title: highlight the page's words that matched on arrival.
          if (viaPage && d[0] === lead) highlight(INDEX.docs[group.page][1], matched, found);
          var terms = {};
          Object.keys(found).forEach(function (w) { terms[w] = true; });
          return { location: doc[0], title: title, text: text, score: d[1], terms: terms };
        });
      });
  }

  scope.kbSearch = { fold: fold, words: words, key: key, queryKeys: queryKeys, search: search };
  scope.onmessage = function (event) {
    var message = event.data;
    if (message.type === 0) scope.postMessage({ type: 1 });
    else if (message.type === 2) scope.postMessage({ type: 3, data: { items: search(message.data) } });
  };
})(self);
