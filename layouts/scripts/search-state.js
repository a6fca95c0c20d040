// The search form as the address says (?q=…&stadtteil=lintorf), before the rest of the page is painted: a
// classic script right after the form, so opening the filters pushes down nothing already on the screen
// (search.js, a module, runs only once the whole page is there). search.js keeps the form in step after that.
{
  const form = document.getElementById("suche");
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") ?? "";
  let chosen = false;
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = params.getAll(box.name).includes(box.value);
    chosen ||= box.checked;
  }
  if (chosen) form.querySelector("details").open = true;
}
