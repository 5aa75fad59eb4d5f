// Names Decap CMS 3.16 leaves out of its editing form, added as the form is drawn
// (measured with axe in Chromium; plugins/editor/README.md lists what remains):
// the preview frame's title (WCAG 4.1.2 frame-title), the rich-text box's name
// (aria-input-field-name) and the Markdown switch's name and state (button-name,
// aria-required-attr).
function nameTheForm(root) {
  for (const frame of root.querySelectorAll("iframe#preview-pane:not([title])")) {
    frame.title = "Preview: how the page will look on the site";
  }
  for (const box of root.querySelectorAll('[data-slate-editor="true"]:not([aria-label])')) {
    const control = box.closest("[class*='ControlContainer']");
    const label = control && control.querySelector("label");
    box.setAttribute("aria-label", label ? label.textContent.trim() : "Text");
  }
  for (const toggle of root.querySelectorAll('button[role="switch"]')) {
    if (!toggle.hasAttribute("aria-label")) toggle.setAttribute("aria-label", "Write in Markdown");
    const control = toggle.closest("[class*='ControlContainer']") || root;
    const markdown = !control.querySelector('[data-slate-editor="true"]');
    toggle.setAttribute("aria-checked", String(markdown));
  }
}

export function watchTheForm(root = document.body) {
  new MutationObserver(() => nameTheForm(root)).observe(root, { childList: true, subtree: true });
  nameTheForm(root);
}
