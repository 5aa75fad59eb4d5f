// Our part of the web editor (Decap CMS): how files are named and written, what is
// refused before saving, and previews shaped like the site's pages. The content
// model comes from the page (#editor-data, made by plugins/editor from site_core).
import { watchTheForm } from "./a11y.js";
import { makeSlugify } from "./slug.js";
import { Document, parse as parseYaml, visit } from "./vendor/yaml/index.js";

const DATA = JSON.parse(document.getElementById("editor-data").textContent);
const CMS = window.CMS;
const h = window.h;

const slugify = makeSlugify(DATA);

function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

// --- Files: front matter as make new-release writes it --------------------------------
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

function fromFile(text) {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ""));
  if (!match) return { body: text };
  // The core schema reads 2017-05-24 as text, as the editor's date fields want it.
  const data = parseYaml(match[1], { schema: "core" }) || {};
  return { ...data, body: match[2].replace(/^\n/, "") };
}

// The keys in the form's order, then any others the file had (kept as they were).
// Empty fields are left out, except the keys every new file starts with: a list
// among them is written empty (tags: []), as make new-release writes it.
function toFileFor(kind) {
  return (data, sortedKeys = []) => {
    const { body = "", ...meta } = data;
    const front = {};
    for (const key of [...sortedKeys, ...Object.keys(meta)]) {
      if (key in front || !(key in meta) || key === "body" || key.startsWith("_")) continue;
      const value = meta[key];
      if (!isEmpty(value)) front[key] = value;
      else if (DATA.starterKeys[kind].includes(key) && DATA.listKeys[kind].includes(key)) front[key] = [];
    }
    const yaml = frontMatterText(front);
    const text = String(body).replace(/\s+$/, "");
    return `---\n${yaml}---\n${text}\n`;
  };
}

// Text that YAML 1.1 (PyYAML, which builds the site) would read as something else:
// "yes", "off" and "n" as true or false, 1_000 and 1:20 as numbers. Quoted.
const NOT_TEXT_IN_YAML_1_1 = /^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?(?:0b[01_]+|0x[0-9a-f_]+|[0-9][0-9_]*(?:\.[0-9_]*)?))$/i;

function frontMatterText(front) {
  const document = new Document(front, { schema: "core" });
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === "string" && NOT_TEXT_IN_YAML_1_1.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return document.toString({ lineWidth: 0 });
}

function dateOf(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
  return match ? match.slice(1).join("-") : "";
}

// The name of a new file, without its folder and extension:
// news/2017-05-24-support-for-victims, district-days/2017-05-12-dacorum, faq/council-tax.
export function fileName(kind, data) {
  const named = kind === "district-day"
    ? DATA.districtSlugs[data.district] || slugify(data.district || "")
    : slugify(data.title || "");
  return DATA.dated[kind] ? `${dateOf(data.date)}-${named}` : named;
}

// --- Before saving: what the content checks would refuse ------------------------------
// Decap shows what a preSave handler throws as "Not saved. <the error as text>":
// an error without a name is its message alone, not "Error: ...".
function refusal(message) {
  const error = new Error(message);
  error.name = "";
  return error;
}

function checkBeforeSaving(data) {
  if (!isEmpty(data.image) && isEmpty(data.image_alt)) {
    throw refusal("Describe the image in “Image description” for people who cannot see it, then save again.");
  }
  if (isEmpty(data.title) || !slugify(data.title)) {
    throw refusal("Write a title with at least one letter or number.");
  }
}

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const kind = entry.get("collection");
    if (!(kind in DATA.starterKeys)) return entry.get("data");  // the data files
    const data = entry.get("data").toJS();
    checkBeforeSaving(data);
    if (!entry.get("newRecord")) return entry.get("data");
    return entry.get("data").set("_file_name", fileName(kind, data));
  },
});

// --- Words: Decap's messages, in the words the site's messages use ---------------------
function merged(base, changes) {
  const result = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    result[key] = typeof value === "object" ? merged(base?.[key] ?? {}, value) : value;
  }
  return result;
}

CMS.registerLocale("en", merged(CMS.getLocale("en") ?? {}, {
  editor: { editorControlPane: { widget: {
    regexPattern: "%{pattern}",  // our patterns carry a whole sentence of their own
  } } },
  ui: { toast: {
    missingRequiredField: "Not saved: fill in the fields marked in red, then save again.",
    onFailToPersist: "Not saved. %{details}",
  } },
}));

for (const kind of Object.keys(DATA.starterKeys)) {
  CMS.registerCustomFormat(`pelican-${kind}`, "md", { fromFile, toFile: toFileFor(kind) });
}

// --- Previews: the site's stylesheet and its pages' structure --------------------------
CMS.registerPreviewStyle(new URL("../theme/css/main.css", document.baseURI).href);

function readableDate(value) {
  const day = dateOf(value);
  if (!day) return "";
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
}

function list(items, className = "pcc-list pcc-list--bullet") {
  return h("ul", { className }, ...items.map((item, index) => h("li", { key: index }, item)));
}

function topics(data) {
  const tags = data.tags || [];
  if (!tags.length) return null;
  return h("p", { className: "pcc-topics" },
    h("span", { className: "pcc-topics__label" }, "Topics:"), " ", tags.join(", "));
}

function figure(props, data) {
  if (isEmpty(data.image)) return null;
  const asset = props.getAsset(data.image);
  return h("figure", { className: "pcc-figure" },
    h("img", { className: "pcc-figure__image", src: asset ? asset.toString() : "", alt: data.image_alt || "" }));
}

// --- Plain English: the warnings the build would give, above the preview -------------
// `make cms` serves the editor from the preview server, which checks the file as the
// editor would save it (plugins/plain_english/editor_checks.py). Where nothing answers
// (the editor on the live site) nothing is shown: the pull request's checks list them.
const PLAIN_ENGLISH_URL = "/__preview/plain-english";
const FIELD_NAMES = { title: "Title", summary: "Summary", body: "Text", page: "The page" };
let plainEnglishAnswers = true;  // false once the server has said it has no such address

async function plainEnglishWarnings(text) {
  if (!plainEnglishAnswers) return null;
  try {
    const response = await fetch(PLAIN_ENGLISH_URL, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }),
    });
    if ([404, 405, 501].includes(response.status)) plainEnglishAnswers = false;
    return response.ok ? (await response.json()).warnings : null;
  } catch {
    return null;  // the preview server stopped: nothing to show
  }
}

function warningText({ field, line, what, fix }) {
  const where = `${FIELD_NAMES[field] || field}${line ? `, line ${line}` : ""}`;
  const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  return `${where}: ${sentence(what)}. ${sentence(fix)}.`;
}

// Checked half a second after the writer stops typing, not at every key.
const PlainEnglish = window.createClass({
  getInitialState() { return { warnings: null }; },
  componentDidMount() { this.check(); },
  componentDidUpdate(previous) { if (previous.text !== this.props.text) this.check(); },
  componentWillUnmount() { clearTimeout(this.timer); this.gone = true; },
  check() {
    clearTimeout(this.timer);
    const { text } = this.props;
    this.timer = setTimeout(async () => {
      const warnings = await plainEnglishWarnings(text);
      if (!this.gone && text === this.props.text) this.setState({ warnings });
    }, 500);
  },
  render() {
    const { warnings } = this.state;
    if (!warnings) return null;
    const count = warnings.length;
    const title = count ? `Plain English: ${count} suggestion${count === 1 ? "" : "s"}`
      : "Plain English: no suggestions";
    return h("aside", { className: "pcc-editor-hints", "aria-labelledby": "pcc-editor-hints-title" },
      h("h2", { id: "pcc-editor-hints-title" }, title),
      count ? h("ul", null, ...warnings.map((warning, index) => h("li", { key: index }, warningText(warning))))
        : null);
  },
});

CMS.registerPreviewStyle(`.pcc-editor-hints { background: #f3f2f1; color: #0b0c0c;
  padding: 1rem; margin: 1rem 0; border-left: 5px solid #1d70b8; }
.pcc-editor-hints h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
.pcc-editor-hints ul { margin: 0; padding-left: 1.25rem; }`, { raw: true });

// The file's warnings, then the page. Room on the right for Decap's round buttons,
// which float over the preview's corner.
function page(kind, data, ...children) {
  return h("div", { className: "pcc-width-container", style: { paddingRight: "3.5rem" } },
    h(PlainEnglish, { text: toFileFor(kind)(data) }),
    h("main", { className: "pcc-main" }, ...children));
}

function articlePreview(kind) {
  return window.createClass({
    render() {
      const data = this.props.entry.get("data").toJS();
      const what = kind === "district-day"
        ? `District Day report for ${data.district || "(choose the district)"}` : "Press release";
      const visits = kind === "district-day" && (data.visits || []).length
        ? [h("h2", { className: "pcc-heading-m", key: "v" }, "Visits"), h("div", { key: "l" }, list(data.visits))]
        : [];
      return page(kind, data, h("article", { className: "pcc-article" },
        h("h1", { className: "pcc-heading-xl" }, data.title || "(Write the title)"),
        h("p", { className: "pcc-article__meta" }, `${what}, published ${readableDate(data.date)}`),
        ...visits,
        figure(this.props, data),
        h("div", { className: "pcc-prose" }, this.props.widgetFor("body")),
        topics(data)));
    },
  });
}

// A decision: its facts as a summary list, then the background, as decision.html shows it.
const DecisionPreview = window.createClass({
  render() {
    const data = this.props.entry.get("data").toJS();
    const row = (key, value) => h("div", { className: "pcc-summary-list__row", key },
      h("dt", { className: "pcc-summary-list__key" }, key),
      h("dd", { className: "pcc-summary-list__value" }, value));
    return page("decision", data, h("article", { className: "pcc-article" },
      h("h1", { className: "pcc-heading-xl" }, data.title || "(Write the title)"),
      h("p", { className: "pcc-article__meta" }, `Decision, published ${readableDate(data.date)}`),
      h("dl", { className: "pcc-summary-list" },
        row("Decision number", data.number || "(Write the number)"),
        row("Date", readableDate(data.date)),
        row("Decision", data.decision || "(Write what was decided)"),
        isEmpty(data.cost) ? null : row("Cost", data.cost)),
      h("h2", { className: "pcc-heading-l" }, "Background"),
      h("div", { className: "pcc-prose" }, this.props.widgetFor("body")),
      topics(data)));
  },
});

// An FAQ page shows its list of questions first, as the site does (plugins/faq_pages).
function questionsOf(body) {
  const questions = [];
  let fenced = false;
  for (const line of String(body || "").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) questions.push(heading[1]);
  }
  return questions;
}

const FaqPreview = window.createClass({
  render() {
    const data = this.props.entry.get("data").toJS();
    const questions = questionsOf(data.body);
    return page("faq", data,
      h("h1", { className: "pcc-heading-xl" }, data.title || "(Write the title)"),
      h("p", { className: "pcc-last-updated" }, `Last updated ${readableDate(data.modified || data.date)}`),
      questions.length ? h("nav", { className: "pcc-faq-contents", "aria-label": "Questions on this page" },
        h("h2", { className: "pcc-faq-contents__title" }, "Questions on this page"),
        h("ol", { className: "pcc-faq-contents__list" },
          ...questions.map((text, index) => h("li", { className: "pcc-faq-contents__item", key: index }, text))))
        : null,
      h("div", { className: "pcc-prose pcc-faq" }, this.props.widgetFor("body")));
  },
});

const PagePreview = window.createClass({
  render() {
    const data = this.props.entry.get("data").toJS();
    return page("page", data,
      h("h1", { className: "pcc-heading-xl" }, data.title || "(Write the title)"),
      h("div", { className: "pcc-prose" }, this.props.widgetFor("body")),
      data.modified ? h("p", { className: "pcc-last-updated" }, `Last updated ${readableDate(data.modified)}`) : null);
  },
});

CMS.registerPreviewTemplate("news", articlePreview("news"));
CMS.registerPreviewTemplate("district-day", articlePreview("district-day"));
CMS.registerPreviewTemplate("decision", DecisionPreview);
CMS.registerPreviewTemplate("faq", FaqPreview);
CMS.registerPreviewTemplate("page", PagePreview);

watchTheForm();
CMS.init();
