/* Glossary tooltips on touch screens: the first tap on a term shows its
   definition (Material shows tooltips on focus); a second tap opens the
   glossary entry. With a mouse, hovering shows it and a click follows. */
document.addEventListener("click", function (event) {
  var term = event.target.closest && event.target.closest("a.kb-term");
  if (!term || !window.matchMedia("(hover: none)").matches) return;
  if (document.activeElement !== term) {
    event.preventDefault();
    term.focus();
  }
});
