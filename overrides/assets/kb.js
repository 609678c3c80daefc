/* Glossary tooltips on touch screens: the first tap on a term shows its
   definition (Material shows tooltips on focus); a second tap on the same
   term opens its glossary entry. With a mouse, hovering shows the
   definition and a click follows the link. */
(function () {
  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.kb-term");
    if (!term || lastPointer !== "touch") return;
    if (armed !== term) {
      // The tap already focused the link; keep it focused so the tooltip stays.
      event.preventDefault();
      armed = term;
      term.focus();
    }
  });
})();
