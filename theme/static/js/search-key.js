// "/" moves the focus to the page's search field, as on many sites; the page's own search field
// (front page, search page) comes before the one in the header. A "/" typed into a field, a text
// editor or with a modifier key is left alone, and so is a key another script has handled.

function typing(target) {
  return (
    target instanceof Element &&
    (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null)
  );
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  if (typing(event.composedPath()[0]) || typing(document.activeElement)) {
    return;
  }
  const field =
    document.querySelector('main input[type="search"]') ?? document.querySelector('input[type="search"]');
  if (field === null) {
    return;
  }
  event.preventDefault(); // no "/" in the field, and no quick find in Firefox
  field.focus();
  field.select();
});
