// Small conveniences of the portal's pages, kept in a file: the Content-Security-Policy allows no inline script.
document.addEventListener('DOMContentLoaded', () => {
  // A one-time link field selects its whole text on click, ready to copy.
  document.querySelectorAll('[data-select-on-click]').forEach((field) => {
    field.addEventListener('click', () => field.select());
  });
});
