// The search page: runs the query from the address (?q=...&type=...&district=...)
// against the Pagefind index in /pagefind/ on this same site. Nothing leaves the browser
// except requests for our own index files; no cookies, no storage.
// Without this script the page still explains how to browse (see search.html).

const PAGE_SIZE = 10;

const root = document.querySelector("[data-pcc-search]");
const form = root.querySelector(".pcc-search__form");
const queryInput = form.querySelector("#search-query");
const typeSelect = form.querySelector("#search-type");
const districtSelect = form.querySelector("#search-district");
const status = root.querySelector(".pcc-search__status");
const resultsList = root.querySelector(".pcc-search__results");
const more = root.querySelector(".pcc-search__more");
const moreButton = more.querySelector("button");
const fallback = root.querySelector(".pcc-search__fallback");

let pagefind;        // the loaded Pagefind module, once `ready` resolves
let pending = [];    // results not shown yet, for "Show more results"
let latestSearch = 0;
const pageTitle = document.title;

// The controls are shown at once (this module runs before the page finishes loading),
// so the page does not change under a keyboard user; the index loads meanwhile.
form.hidden = false;
fallback.hidden = true;
const ready = loadIndex();

async function loadIndex() {
  try {
    pagefind = await import(root.dataset.pagefind);
    const sitePath = new URL(root.dataset.sitePath, window.location.href).pathname;
    await pagefind.options({ baseUrl: sitePath });
    await fillFilterOptions();
    return true;
  } catch (error) {
    // No index (a build with SEARCH_INDEX = False, or a failed download): say so and
    // fall back to browsing.
    console.error("Search could not load its index", error);
    form.hidden = true;
    fallback.hidden = false;
    status.textContent = "Search is not available at the moment. You can browse the site instead.";
    return false;
  }
}

async function start() {
  readAddress();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch({ updateAddress: true });
  });
  typeSelect.addEventListener("change", () => runSearch({ updateAddress: true }));
  districtSelect.addEventListener("change", () => runSearch({ updateAddress: true }));
  moreButton.addEventListener("click", showMore);
  window.addEventListener("popstate", () => { readAddress(); runSearch({ updateAddress: false }); });
  if (!(await ready)) return;
  readFilters();  // again: the filters' options exist now
  if (queryInput.value.trim()) {
    runSearch({ updateAddress: false });
  }
}

async function fillFilterOptions() {
  const filters = await pagefind.filters();
  // [value, label] of each content type, in the site's order (site_core's content-type table).
  const types = JSON.parse(form.dataset.types || "[]");
  addOptions(typeSelect, filters.type || {}, types);
  addOptions(districtSelect, filters.district || {}, []);
}

function addOptions(select, counts, knownOptions) {
  const order = knownOptions.map(([value]) => value);
  const labels = new Map(knownOptions);
  const names = Object.keys(counts).sort((a, b) => {
    const rank = (name) => { const i = order.indexOf(name); return i === -1 ? order.length : i; };
    return rank(a) - rank(b) || a.localeCompare(b, "en-GB");
  });
  for (const name of names) {
    select.append(new Option(labels.get(name) || name, name));
  }
}

function readAddress() {
  queryInput.value = new URLSearchParams(window.location.search).get("q") || "";
  readFilters();
}

function readFilters() {
  const params = new URLSearchParams(window.location.search);
  selectValue(typeSelect, params.get("type"));
  selectValue(districtSelect, params.get("district"));
}

function selectValue(select, value) {
  const known = [...select.options].some((option) => option.value === value);
  select.value = known ? value : "";
}

async function runSearch({ updateAddress }) {
  const query = queryInput.value.trim();
  if (updateAddress) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (typeSelect.value) params.set("type", typeSelect.value);
    if (districtSelect.value) params.set("district", districtSelect.value);
    const search = params.toString();
    history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }
  document.title = query ? `${query} - ${pageTitle}` : pageTitle;
  if (!query) {
    resetResults("Enter a word or phrase to search for, for example fly-tipping or council tax.");
    return;
  }
  const thisSearch = ++latestSearch;
  if (!(await ready)) return;
  const filters = {};
  if (typeSelect.value) filters.type = typeSelect.value;
  if (districtSelect.value) filters.district = districtSelect.value;
  const search = await pagefind.search(query, { filters });
  if (thisSearch !== latestSearch) return;   // a newer search has started: drop this one
  pending = search.results;
  const message = describeCount(pending.length, query);
  resetResults("");
  await showMore({ moveFocus: false });
  if (thisSearch !== latestSearch) return;
  // Announced once the results are on the page, so that they are there to read.
  status.textContent = message;
}

function describeCount(count, query) {
  const where = [typeSelect.value && `in ${optionLabel(typeSelect)}`, districtSelect.value && `about ${districtSelect.value}`]
    .filter(Boolean).join(" ");
  const found = `${count} ${count === 1 ? "result" : "results"} for \u201c${query}\u201d${where ? " " + where : ""}`;
  return count ? found : `${found}. Check the spelling, use fewer words or choose \u201cAll\u201d in the filters.`;
}

function optionLabel(select) {
  return select.options[select.selectedIndex].text;
}

function resetResults(message) {
  status.textContent = message;
  resultsList.replaceChildren();
  resultsList.hidden = true;
  more.hidden = true;
}

async function showMore(options = {}) {
  const batch = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  const items = data.map(renderResult);
  resultsList.append(...items);
  resultsList.hidden = resultsList.children.length === 0;
  more.hidden = pending.length === 0;
  if (options.moveFocus !== false && items.length) {
    // Keyboard and screen reader users continue from the first new result.
    items[0].querySelector("a").focus();
  }
}

function renderResult(result) {
  const item = document.createElement("li");
  item.className = "pcc-search-result";
  const heading = document.createElement("h2");
  heading.className = "pcc-search-result__title";
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "pcc-search-result__meta";
  const type = (result.filters.type || [])[0];
  meta.textContent = [type === "Page" ? null : type, result.meta.date].filter(Boolean).join(", ");
  const excerpt = document.createElement("p");
  excerpt.className = "pcc-search-result__excerpt";
  excerpt.append(safeExcerpt(result.excerpt));
  item.append(heading);
  if (meta.textContent) item.append(meta);
  item.append(excerpt);
  return item;
}

// Pagefind marks the matched words with <mark>. Keep those and plain text only.
function safeExcerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

start();
