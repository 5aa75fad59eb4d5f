// Decap CMS starts by itself unless told not to: editor.js starts it, once our file
// format and previews are registered (the configuration names them).
window.CMS_MANUAL_INIT = true;
