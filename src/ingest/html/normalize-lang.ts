/**
 * Language tags (`en-US`, `pt_BR`, `eng`) to ISO 639-1 codes.
 */

// Every ISO 639-1 code.
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
    'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu ' +
    'hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb ' +
    'lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
    'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
    'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

// Withdrawn 639-1 codes still found in pages, and common three-letter (639-2/B, 639-2/T and
// 639-3 macrolanguage member) codes that have a 639-1 equivalent.
const ALIASES = new Map<string, string>(
  (
    'iw:he in:id ji:yi jw:jv mo:ro sh:sr ' +
    'ara:ar arb:ar ben:bn bul:bg cat:ca ces:cs cze:cs chi:zh zho:zh cmn:zh yue:zh dan:da deu:de ' +
    'ger:de ell:el gre:el eng:en est:et fas:fa per:fa pes:fa fin:fi fra:fr fre:fr heb:he hin:hi ' +
    'hrv:hr hun:hu hye:hy arm:hy ind:id isl:is ice:is ita:it jpn:ja kat:ka geo:ka kaz:kk kor:ko ' +
    'lav:lv lit:lt mkd:mk mac:mk msa:ms may:ms zsm:ms nld:nl dut:nl nor:no nob:nb nno:nn pol:pl ' +
    'por:pt ron:ro rum:ro rus:ru slk:sk slo:sk slv:sl spa:es sqi:sq alb:sq srp:sr swe:sv swa:sw ' +
    'swh:sw tam:ta tel:te tha:th tur:tr ukr:uk urd:ur uzb:uz uzn:uz vie:vi aze:az azj:az bel:be ' +
    'eus:eu baq:eu glg:gl cym:cy wel:cy gle:ga tgl:tl fil:tl afr:af amh:am mar:mr guj:gu kan:kn ' +
    'mal:ml pan:pa nep:ne npi:ne sin:si khm:km lao:lo mya:my bur:my mon:mn khk:mn kir:ky tgk:tg'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * The ISO 639-1 code of a language tag or of the first tag in a comma-separated list
 * (`Content-Language: de-DE, en`); undefined for empty, private-use or unknown tags.
 * @example normalizeLang('en-US') // 'en'
 * @example normalizeLang('x-default') // undefined
 */
export function normalizeLang(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const comma = tag.indexOf(',');
  const first = (comma < 0 ? tag : tag.slice(0, comma)).trim().toLowerCase();
  const primary = first.split(/[-_]/, 1)[0] ?? '';
  if (primary.length === 2) {
    if (ISO_639_1.has(primary)) return primary;
    return ALIASES.get(primary);
  }
  return primary.length === 3 ? ALIASES.get(primary) : undefined;
}
