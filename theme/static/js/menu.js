// The main menu folds behind a "Menu" button on a narrow screen, so that the page's own text starts
// on the first screen. Without this script the button stays hidden and the menu open. Loaded in the
// head, not deferred: the class that lets the stylesheet fold the menu (only on a narrow screen) is
// set before the page is first drawn, so nothing moves after a link to a place on the page has
// scrolled there.

document.documentElement.classList.add("menu-folds");

document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".menu-button");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!button || !menu) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", () => {
    button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
  });
  // Escape, in the menu or on its button, closes an open menu and gives the focus back to the button.
  button.closest("header").addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
});
