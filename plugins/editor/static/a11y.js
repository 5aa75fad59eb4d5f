// Names Decap CMS 3.16 leaves out of its editing form, added as the form is drawn
// (measured with axe in Chromium; plugins/editor/README.md lists what remains):
// the preview frame's title (WCAG 4.1.2 frame-title), the rich-text box's name
// (aria-input-field-name) and the Markdown switch's name and state (button-name,
// aria-required-attr), and the buttons of a list's items (button-name).
function nameTheForm(root) {
  for (const frame of root.querySelectorAll("iframe#preview-pane:not([title])")) {
    frame.title = "Preview: how the page will look on the site";
  }
  for (const box of root.querySelectorAll('[data-slate-editor="true"]:not([aria-label])')) {
    const control = box.closest("[class*='ControlContainer']");
    const label = control && control.querySelector("label");
    box.setAttribute("aria-label", label ? label.textContent.trim() : "Text");
  }
  // A list's items (a district, a contact, a place visited) have icon buttons with no
  // name: open or close the item, move it, remove it (button-name, aria-command-name).
  for (const bar of root.querySelectorAll("[class*='ListItemTopBar']")) {
    const buttons = [...bar.children].filter((child) => child.tagName === "BUTTON");
    const label = bar.parentElement.querySelector("[class*='NestedObjectLabel']");
    const item = label && label.textContent.trim() ? `“${label.textContent.trim()}”` : "this item";
    if (buttons.length > 1) buttons[0].setAttribute("aria-label", `Open or close ${item}`);
    if (buttons.length) buttons[buttons.length - 1].setAttribute("aria-label", `Remove ${item}`);
    const handle = bar.querySelector("[aria-roledescription='sortable']");
    if (handle) handle.setAttribute("aria-label", `Move ${item}`);
  }
  for (const toggle of root.querySelectorAll('button[role="switch"]')) {
    if (!toggle.hasAttribute("aria-label")) toggle.setAttribute("aria-label", "Write in Markdown");
    const control = toggle.closest("[class*='ControlContainer']") || root;
    const markdown = !control.querySelector('[data-slate-editor="true"]');
    toggle.setAttribute("aria-checked", String(markdown));
  }
}

// A value Decap refuses for its pattern (a summary too long) stops the save without a
// notice: the message is only under the field, which may be out of sight. Bring the
// first field with a message into view and put the cursor in it (WCAG 3.3.1).
function showTheFirstProblem() {
  const errors = document.querySelector("[class*='ControlErrorsList']");
  if (!errors) return;
  errors.scrollIntoView({ block: "center" });
  const control = errors.closest("[class*='ControlContainer']");
  const input = control && control.querySelector("input, textarea, [contenteditable='true']");
  if (input) input.focus({ preventScroll: true });
}

function afterSaving(event) {
  const item = event.target.closest("[role='menuitem']");
  if (item && /^Publish/.test(item.textContent.trim())) setTimeout(showTheFirstProblem, 300);
}

export function watchTheForm(root = document.body) {
  document.addEventListener("click", afterSaving, true);
  new MutationObserver(() => nameTheForm(root)).observe(root, { childList: true, subtree: true });
  nameTheForm(root);
}
