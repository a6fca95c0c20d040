// The translation table's texts in the browser: placeholders filled in, the plural form of the page's language.

export const fill = (template, values = {}) => template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? values[key] : m));

const pluralRule = new Intl.PluralRules(document.documentElement.lang);

// forms: an entry of the table by CLDR category (German has one and other, Arabic six).
export const counted = (forms, count) => fill(forms[pluralRule.select(count)] ?? forms.other, { count });
