// The live preview's script (python build.py serve adds it to each page it serves; a built site never has it).
// It listens to the preview's event stream: the page reloads when its own file has changed, shows the problems
// that keep a change from being built over the last good page, and on the search page says when the search
// index is being made again instead of showing results from the old one.
(() => {
  const script = document.currentScript;
  const address = `/_vorschau/ereignisse?seite=${encodeURIComponent(script.dataset.seite)}&stand=${script.dataset.stand}`;
  const results = document.querySelector(".search__results");
  let notice = null;
  let hiddenProblems = null; // the problems whose notice someone hid: it stays hidden until they change
  let searchRefreshing = false;

  const element = (name, properties = {}, ...children) => {
    const made = Object.assign(document.createElement(name), properties);
    made.append(...children);
    return made;
  };

  const showProblems = (problems, texts) => {
    const key = JSON.stringify(problems);
    if (key === hiddenProblems) return;
    if (notice && notice.dataset.problems === key) return; // unchanged: a screen reader hears it only once
    notice?.remove();
    const heading = element("h2", { id: "vorschau-meldung-titel", className: "preview-notice__heading" },
      texts.preview_notice_heading);
    const list = element("ol", { className: "preview-notice__list" }, ...problems.map((problem) => element("li", {},
      element("p", { className: "preview-notice__where" }, problem.ort),
      element("p", {}, problem.meldung),
      ...(problem.hinweis ? [element("p", {}, problem.hinweis)] : []))));
    const hide = element("button", { type: "button", className: "button button--secondary" }, texts.preview_notice_hide);
    hide.addEventListener("click", () => {
      hiddenProblems = key;
      notice.remove();
      notice = null;
    });
    const alert = element("div", { className: "preview-notice__alert" },
      heading, element("p", {}, texts.preview_notice_intro), list, hide);
    alert.setAttribute("role", "alert");
    notice = element("section", { className: "preview-notice" }, alert);
    notice.setAttribute("aria-labelledby", heading.id);
    notice.dataset.problems = key;
    document.body.prepend(notice);
  };

  const showSearchRefreshing = (texts) => {
    if (!results || searchRefreshing) return;
    searchRefreshing = true;
    results.hidden = true;
    const status = element("p", { className: "preview-search" }, texts.preview_search_refreshing);
    status.setAttribute("role", "status");
    results.before(status);
  };

  const events = new EventSource(address);
  events.addEventListener("zustand", (event) => {
    const state = JSON.parse(event.data);
    if (state.probleme.length) {
      showProblems(state.probleme, state.texte);
    } else if (notice || hiddenProblems || state.seite_neu || (results && state.suche_neu)) {
      events.close();
      location.reload();
    } else if (!state.suche_bereit) {
      showSearchRefreshing(state.texte);
    }
  });
})();
