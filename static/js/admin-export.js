// The export page's "Select all" box (django-import-export's onSelectToggleChange), bound here rather than in
// an onchange attribute: the Content-Security-Policy runs no inline script.
document.addEventListener("change", (event) => {
  if (event.target.matches("input.select-toggle") && typeof onSelectToggleChange === "function") {
    onSelectToggleChange(event);
  }
});
