// site_core's slugify (plugins/site_core/text.py), the one rule for every address:
// "Commissioner’s plan for the Café" -> "commissioners-plan-for-the-cafe".
// `apostrophes` are dropped; `transliteration` says what each non-ASCII letter becomes
// (made at build time by the Python function, as a browser has no unidecode).
export function makeSlugify({ apostrophes, transliteration }) {
  return function slugify(text) {
    let result = "";
    for (const character of String(text)) {
      if (apostrophes.includes(character)) continue;
      if (character.charCodeAt(0) < 0x80) { result += character; continue; }
      const folded = character.normalize("NFKD").replace(/\p{M}/gu, "");
      for (const part of folded) {
        result += part.charCodeAt(0) < 0x80 ? part : (transliteration[part] ?? " ");
      }
    }
    return result.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  };
}
