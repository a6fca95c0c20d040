// The Merkliste: offers a guide or a family picks on their pages, kept in this browser (localStorage), laid out
// compactly on merkliste/ to print, and shared as a link that carries the offer ids (merkliste/?angebote=a,b).
// Each offer's facts are taken from its own page, so the list always shows what the catalogue says today.
// Without JavaScript the button is not shown and merkliste/ points to the browsing pages.

import { counted, fill } from "./texts.js";

const STORAGE_KEY = "merkliste";
const SHARE_PARAMETER = "angebote";
const OFFER_ID = /^[a-z0-9][a-z0-9-]{2,79}$/;

const countText = (texts, count) => counted(JSON.parse(texts.textCount), count);
const validIds = (ids) => [...new Set(ids.filter((id) => OFFER_ID.test(id)))];

function storedIds() {
  try {
    const ids = JSON.parse(localStorage.getItem(STORAGE_KEY));
    return Array.isArray(ids) ? validIds(ids) : [];
  } catch {
    return [];
  }
}

function storeIds(ids) {
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify(ids)); } catch { /* storage off: the list lives in the page */ }
}

// --- the button on an offer's page ---------------------------------------------------------------------------

function offerPage(container) {
  const texts = container.dataset;
  const toggle = container.querySelector("button");
  const status = container.querySelector("[role=status]");
  const { offerId: id, offerTitle: title } = toggle.dataset;
  const show = () => toggle.setAttribute("aria-pressed", String(storedIds().includes(id)));
  toggle.addEventListener("click", () => {
    const ids = storedIds();
    const adding = !ids.includes(id);
    const next = adding ? [...ids, id] : ids.filter((x) => x !== id);
    storeIds(next);
    show();
    status.textContent = `${fill(adding ? texts.textAdded : texts.textRemoved, { title })} ${countText(texts, next.length)}.`;
  });
  window.addEventListener("storage", show); // another tab changed the list
  show();
  container.hidden = false;
}

// --- the page merkliste/ -------------------------------------------------------------------------------------

function shortlistPage(page) {
  const texts = page.dataset;
  const list = page.querySelector(".shortlist__list");
  const count = page.querySelector(".shortlist__count");
  const empty = page.querySelector(".shortlist__empty");
  const shared = page.querySelector(".shortlist__shared");
  const shareLink = page.querySelector("[data-share-link]");
  const status = page.querySelector(".shortlist__status");
  const offersBase = new URL(texts.offers, location.href);
  const fromAddress = new URLSearchParams(location.search).has(SHARE_PARAMETER);
  let ids = fromAddress
    ? validIds((new URLSearchParams(location.search).get(SHARE_PARAMETER) ?? "").split(","))
    : storedIds();
  let isShared = fromAddress && ids.join() !== storedIds().join();

  function shareUrl() {
    const url = new URL(location.pathname, location.href);
    if (ids.length) url.search = `?${SHARE_PARAMETER}=${ids.join(",")}`;
    return url.href;
  }

  // Changes go where the list came from: the browser's list, or the address of a shared one.
  function save() {
    if (isShared) history.replaceState(null, "", shareUrl());
    else storeIds(ids);
  }

  function showFrame() {
    count.textContent = countText(texts, ids.length);
    empty.hidden = ids.length > 0;
    page.querySelector(".shortlist__actions").hidden = ids.length === 0;
    page.querySelector(".shortlist__share").hidden = ids.length === 0;
    shared.hidden = !isShared;
    shareLink.href = shareUrl();
    shareLink.textContent = shareUrl();
  }

  async function offerItem(id) {
    const url = new URL(`${id}/`, offersBase);
    const response = await fetch(url);
    if (!response.ok) return null;
    const source = new DOMParser().parseFromString(await response.text(), "text/html");
    const offer = source.querySelector("article.offer");
    if (!offer) return null;
    // Links on the offer's page are relative to it; here they must lead to the same places.
    for (const link of offer.querySelectorAll("a[href]")) link.href = new URL(link.getAttribute("href"), url).href;
    const title = offer.querySelector("h1").textContent.trim();

    const item = document.createElement("li");
    item.className = "shortlist__item";
    item.dataset.offerId = id;
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = url.href;
    link.dataset.internal = "";
    link.textContent = title;
    heading.append(link);
    item.append(heading);
    for (const selector of [".example-notice", ".lead"]) {
      const part = offer.querySelector(selector);
      if (part) item.append(document.importNode(part, true));
    }
    const facts = document.createElement("dl");
    facts.className = "shortlist__facts";
    for (const group of offer.querySelectorAll(".offer-facts__group")) {
      const term = document.createElement("dt");
      term.textContent = group.querySelector("h2").textContent;
      const detail = document.createElement("dd");
      for (const child of group.children) {
        if (child.tagName !== "H2") detail.append(document.importNode(child, true));
      }
      for (const route of detail.querySelectorAll(".offer-facts__route")) route.remove();
      // Within the catalogue a printed list needs no addresses, and on screen the offer's page is one click away.
      for (const inner of detail.querySelectorAll("a[href]")) {
        if (new URL(inner.href).origin === location.origin) inner.replaceWith(inner.textContent);
      }
      for (const element of detail.querySelectorAll("[id], [aria-labelledby]")) {
        element.removeAttribute("id");
        element.removeAttribute("aria-labelledby");
      }
      const pair = document.createElement("div"); // dt and dd stay together in print columns
      pair.className = "shortlist__fact";
      pair.dataset.fact = group.dataset.fact;
      pair.append(term, detail);
      facts.append(pair);
    }
    item.append(facts);
    const checked = document.createElement("p");
    checked.className = "shortlist__checked";
    checked.textContent = offer.querySelector(".offer__footer p")?.textContent ?? "";
    const online = document.createElement("span");
    online.className = "print-only";
    online.textContent = ` ${fill(texts.textOnline, { url: url.href })}`;
    checked.append(online);
    item.append(checked);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary shortlist__remove";
    remove.textContent = fill(texts.textRemove, { title });
    remove.addEventListener("click", () => removeOffer(id, title));
    item.append(remove);
    return item;
  }

  function removeOffer(id, title) {
    ids = ids.filter((x) => x !== id);
    save();
    list.querySelector(`[data-offer-id="${id}"]`)?.remove();
    showFrame();
    status.textContent = ids.length ? `${fill(texts.textRemoved, { title })} ${count.textContent}.` : texts.textCleared;
    count.focus();
  }

  page.querySelector("[data-clear]").addEventListener("click", () => {
    ids = [];
    save();
    list.replaceChildren();
    showFrame();
    status.textContent = texts.textCleared;
    count.focus();
  });
  page.querySelector("[data-keep]").addEventListener("click", () => {
    storeIds(ids);
    isShared = false;
    history.replaceState(null, "", location.pathname);
    showFrame();
    status.textContent = texts.textKept;
    count.focus();
  });
  page.querySelector("[data-print]").addEventListener("click", () => window.print());
  page.querySelector("[data-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(shareUrl());
      status.textContent = texts.textCopied;
    } catch {
      getSelection().selectAllChildren(shareLink);
      status.textContent = texts.textCopyFailed;
    }
  });

  async function load() {
    const items = await Promise.all(ids.map((id) => offerItem(id).catch(() => null)));
    const missing = ids.filter((_, index) => !items[index]);
    if (missing.length) {
      ids = ids.filter((id) => !missing.includes(id));
      save();
      status.textContent = texts.textMissing;
    }
    list.replaceChildren(...items.filter(Boolean));
    showFrame();
    page.dataset.loaded = "true";
  }

  page.hidden = false;
  for (const element of document.querySelectorAll("[data-no-js]")) element.hidden = true;
  showFrame();
  load();
}

const button = document.querySelector("[data-shortlist-button]");
if (button) offerPage(button);
const page = document.querySelector("[data-shortlist-page]");
if (page) shortlistPage(page);
