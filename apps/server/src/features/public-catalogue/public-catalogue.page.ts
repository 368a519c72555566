import type { FieldIssue } from '../../platform/errors.ts';
import { html, Html } from './html.ts';
import { doseText, freeSeats, mapUrl, targetGroupText, type CatalogueQuery, type Lang, type PublicOffering } from './public-catalogue.rules.ts';
import { texts, type Texts } from './public-catalogue.texts.ts';

/*
 * The public catalogue's HTML, rendered on the server: no script, one h1, landmarks, a search
 * form that works by GET. The look follows the Danish public design system (borger.dk) in a small
 * stylesheet of its own, inline, so the page needs no other request.
 */

export type SearchChoices = { municipalities: { code: string; name: string }[]; diagnoses: { code: string; title: string }[] };

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"IBM Plex Sans",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#004993}a:focus,button:focus,select:focus{outline:3px solid #747474;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header{border-bottom:1px solid #bfbfbf;background:#fff}.bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
.container{max-width:60rem;margin:0 auto;padding:1rem}.brand{font-weight:600;font-size:1.25rem;color:#1a1a1a;text-decoration:none}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}h2{font-size:1.375rem;margin:0 0 .5rem}
form.search{background:#f5f5f5;border:1px solid #bfbfbf;padding:1rem;margin:1.5rem 0;display:grid;gap:1rem;grid-template-columns:1fr}
@media (min-width:48em){form.search{grid-template-columns:1fr 1fr auto;align-items:end}}
label{display:block;font-weight:600;margin-bottom:.25rem}select{width:100%;font:inherit;padding:.5rem;border:1px solid #747474;border-radius:3px;background:#fff;color:#1a1a1a}
.button{font:inherit;font-weight:600;background:#004993;color:#fff;border:0;border-radius:3px;padding:.6rem 1.5rem;cursor:pointer}
ul.offerings{list-style:none;padding:0;margin:0}ul.offerings>li{border:1px solid #bfbfbf;border-left:6px solid #004993;padding:1rem;margin:0 0 1rem}
dl{margin:0}dt{font-weight:600;margin-top:.75rem}dd{margin:0}.place{color:#1a1a1a;margin:0 0 .5rem}
.errors{border:2px solid #b51d09;padding:1rem;margin:1rem 0}.errors h2{color:#b51d09}
footer{border-top:1px solid #bfbfbf;margin-top:2rem;color:#1a1a1a}
`;

const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const nameOf = (o: PublicOffering, lang: Lang) => (lang === 'en' ? o.nameEn : o.nameDa);

function layout(p: { lang: Lang; title: string; description: string; otherLangUrl: string; body: Html }): string {
  const t = texts[p.lang];
  return `<!doctype html>${html`<html lang="${p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title><meta name="description" content="${p.description}"><style>${new Html(STYLE)}</style></head>
<body><a class="skip" href="#indhold">${t.skip}</a>
<header><div class="container bar"><a class="brand" href="/tilbud${langQuery(p.lang)}">Samkraft</a>
<nav aria-label="${p.lang === 'da' ? 'Sprog' : 'Language'}"><a href="${p.otherLangUrl}" lang="${t.otherLang}" hreflang="${t.otherLang}">${t.other}</a></nav></div></header>
<main id="indhold"><div class="container">${p.body}</div></main>
<footer><div class="container"><p>${t.site}</p></div></footer></body></html>`.text}`;
}

function offeringDetails(o: PublicOffering, lang: Lang, t: Texts): Html {
  const seats = freeSeats(o);
  return html`<dl>
<dt>${t.what}</dt><dd>${o.descriptionDa ?? o.purposeDa ?? nameOf(o, lang)}</dd>
<dt>${t.forWhom}</dt><dd>${targetGroupText(o, lang)}</dd>
${o.dose.length > 0 && html`<dt>${t.dose}</dt>${o.dose.map((d) => html`<dd>${doseText(d, lang)}</dd>`)}`}
<dt>${t.where}</dt><dd>${o.placeName}${o.address && html`, ${o.address}`} (${o.hostName})</dd><dd><a href="${mapUrl(o.placeName, o.address)}">${t.map}<span class="skip"> — ${o.placeName}</span></a></dd>
<dt>${t.start}</dt><dd>${o.rolling ? t.rolling : o.nextSessionAt ? html`${t.nextSession} ${DATE_FORMAT[lang].format(o.nextSessionAt)}` : t.noSession}</dd><dd>${t.seats(seats)}</dd>
<dt>${t.referral}</dt><dd>${t.referralText}</dd>
${o.hostPhone && html`<dd>${o.hostName}: ${t.phone} ${o.hostPhone}</dd>`}
${o.referredFrom.length > 0 && html`<dt>${t.referredFrom}</dt><dd>${o.referredFrom.map((m, i) => html`${i > 0 && ', '}${m.name}${m.phone && html` (${t.phone} ${m.phone})`}`)}</dd>`}
</dl>`;
}

function searchForm(q: CatalogueQuery, choices: SearchChoices, t: Texts): Html {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected && html` selected`}>${label}</option>`;
  return html`<form class="search" method="get" action="/tilbud" role="search" aria-label="${t.search}">
${q.lang === 'en' && html`<input type="hidden" name="lang" value="en">`}
<div><label for="kommune">${t.municipality}</label><select id="kommune" name="kommune">${option('', t.all, q.kommune === null)}${choices.municipalities.map((m) => option(m.code, m.name, m.code === q.kommune))}</select></div>
<div><label for="diagnose">${t.diagnosis}</label><select id="diagnose" name="diagnose">${option('', t.all, q.diagnose === null)}${choices.diagnoses.map((d) => option(d.code, `${d.title} (${d.code})`, d.code === q.diagnose))}</select></div>
<div><button class="button" type="submit">${t.submit}</button></div>
</form>`;
}

/** The list: every offering that answers the search, or the search's faults (answered 400). */
export function cataloguePage(p: { query: CatalogueQuery; choices: SearchChoices; offerings: PublicOffering[]; issues: FieldIssue[]; selfQuery: URLSearchParams }): string {
  const { lang } = p.query;
  const t = texts[lang];
  const other = new URLSearchParams(p.selfQuery);
  if (lang === 'en') other.delete('lang');
  else other.set('lang', 'en');
  const filtered = p.query.kommune !== null || p.query.diagnose !== null;
  const body = html`<h1>${t.title}</h1><p>${t.intro}</p>
${p.issues.length > 0 && html`<div class="errors" role="alert"><h2>${t.invalid}</h2><ul>${p.issues.map((i) => html`<li>${i.field}: ${i.message}</li>`)}</ul></div>`}
${searchForm(p.query, p.choices, t)}
<p><strong>${t.found(p.offerings.length)}</strong>${filtered && html` · <a href="/tilbud${langQuery(lang)}">${t.reset}</a>`}</p>
${p.offerings.length === 0 ? html`<p>${t.none}</p>` : html`<ul class="offerings">${p.offerings.map((o) => html`<li><article aria-labelledby="o-${o.offeringId}"><h2 id="o-${o.offeringId}"><a href="/tilbud/${encodeURIComponent(o.interventionCode)}${langQuery(lang)}">${nameOf(o, lang)}</a></h2><p class="place">${o.hostName} — ${o.placeName}</p>${offeringDetails(o, lang, t)}</article></li>`)}</ul>`}`;
  return layout({ lang, title: `${t.title} — Samkraft`, description: t.description, otherLangUrl: `/tilbud${other.size ? `?${other}` : ''}`, body });
}

/** One intervention: where it is offered, each place with its details. */
export function interventionPage(p: { lang: Lang; code: string; offerings: PublicOffering[] }): string {
  const t = texts[p.lang];
  const first = p.offerings[0];
  const otherLangUrl = `/tilbud/${encodeURIComponent(p.code)}${p.lang === 'en' ? '' : '?lang=en'}`;
  if (!first) {
    return layout({ lang: p.lang, title: `${t.notFound} — Samkraft`, description: t.notFoundText, otherLangUrl, body: html`<h1>${t.notFound}</h1><p>${t.notFoundText}</p><p><a href="/tilbud${langQuery(p.lang)}">${t.back}</a></p>` });
  }
  const name = nameOf(first, p.lang);
  const body = html`<p><a href="/tilbud${langQuery(p.lang)}">${t.back}</a></p><h1>${name}</h1>
<ul class="offerings">${p.offerings.map((o) => html`<li><section aria-labelledby="o-${o.offeringId}"><h2 id="o-${o.offeringId}">${o.hostName} — ${o.placeName}</h2>${offeringDetails(o, p.lang, t)}</section></li>`)}</ul>`;
  const description = `${name}: ${(first.descriptionDa ?? first.purposeDa ?? t.description).slice(0, 200)}`;
  return layout({ lang: p.lang, title: `${name} — ${t.title}`, description, otherLangUrl, body });
}
