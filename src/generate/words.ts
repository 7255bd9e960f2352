/**
 * Text material per language: content words and the few interface labels a page template needs.
 * Every string is safe as JSON without escaping (no quote, backslash or control character) and
 * holds no `<` or `>`; a few hold `&` on purpose so HTML writers must escape it.
 */

/** Languages the generator writes, as ISO 639-1 codes. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ru', 'ja', 'pt', 'it', 'pl', 'nl'] as const;

/** One of {@link LANGUAGES}. */
export type Lang = (typeof LANGUAGES)[number];

/** Interface labels of one language. */
export interface Labels {
  home: string;
  about: string;
  contact: string;
  privacy: string;
  blogroll: string;
  comments: string;
  latest: string;
  partners: string;
  poweredBy: string;
  sponsors: string;
  related: string;
  popular: string;
}

const W: Record<Lang, string> = {
  en: 'the garden travel guide review market city river coffee design data music energy health story photo kitchen mountain review budget school history science coast harbor winter summer ocean forest recipe bicycle camera project software network privacy festival museum library village weekend journey craft season planet report insight method update practice strategy Q&A R&D',
  de: 'der Garten Reise Stadt Fluss Kaffee Gestaltung Daten Musik Energie Gesundheit Geschichte Foto Küche Berg Bericht Schule Wissenschaft Küste Hafen Winter Sommer Meer Wald Rezept Fahrrad Kamera Projekt Netzwerk Datenschutz Museum Bibliothek Dorf Wochenende Straße Brücke Handwerk Größe Übersicht Forschung',
  fr: 'le jardin voyage guide ville rivière café conception données musique énergie santé histoire photo cuisine montagne rapport école science côte port hiver été océan forêt recette vélo appareil projet réseau musée bibliothèque village week-end artisanat saison planète méthode pratique stratégie',
  es: 'el jardín viaje guía ciudad río café diseño datos música energía salud historia foto cocina montaña informe escuela ciencia costa puerto invierno verano océano bosque receta bicicleta cámara proyecto red museo biblioteca pueblo semana artesanía temporada planeta método práctica estrategia niño',
  ru: 'сад путешествие город река кофе дизайн данные музыка энергия здоровье история фото кухня гора обзор школа наука берег порт зима лето океан лес рецепт велосипед камера проект сеть музей библиотека деревня выходные ремесло сезон планета метод практика стратегия новости',
  ja: '庭 旅行 ガイド 都市 川 コーヒー デザイン データ 音楽 エネルギー 健康 歴史 写真 料理 山 レビュー 学校 科学 海岸 港 冬 夏 海 森 レシピ 自転車 カメラ プロジェクト ネットワーク 博物館 図書館 村 週末 季節 方法 戦略',
  pt: 'o jardim viagem guia cidade rio café design dados música energia saúde história foto cozinha montanha relatório escola ciência costa porto inverno verão oceano floresta receita bicicleta câmera projeto rede museu biblioteca aldeia semana artesanato estação método prática',
  it: 'il giardino viaggio guida città fiume caffè design dati musica energia salute storia foto cucina montagna rapporto scuola scienza costa porto inverno estate oceano foresta ricetta bicicletta fotocamera progetto rete museo biblioteca villaggio settimana artigianato stagione metodo',
  pl: 'ogród podróż przewodnik miasto rzeka kawa projekt dane muzyka energia zdrowie historia zdjęcie kuchnia góra raport szkoła nauka wybrzeże port zima lato ocean las przepis rower aparat sieć muzeum biblioteka wieś weekend rzemiosło sezon planeta metoda praktyka',
  nl: 'de tuin reis gids stad rivier koffie ontwerp gegevens muziek energie gezondheid geschiedenis foto keuken berg verslag school wetenschap kust haven winter zomer oceaan bos recept fiets camera project netwerk museum bibliotheek dorp weekend ambacht seizoen planeet methode',
};

/** Content words per language (index by {@link Lang}). */
export const WORDS: Record<Lang, readonly string[]> = Object.fromEntries(
  LANGUAGES.map((l) => [l, W[l].split(' ')]),
) as unknown as Record<Lang, readonly string[]>;

/** Word separator per language: Japanese text runs without spaces. */
export function separatorOf(lang: Lang): string {
  return lang === 'ja' ? '' : ' ';
}

const L = (s: string): Labels => {
  const [
    home,
    about,
    contact,
    privacy,
    blogroll,
    comments,
    latest,
    partners,
    poweredBy,
    sponsors,
    related,
    popular,
  ] = s.split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    home,
    about,
    contact,
    privacy,
    blogroll,
    comments,
    latest,
    partners,
    poweredBy,
    sponsors,
    related,
    popular,
  };
};

/** Interface labels per language. */
export const LABELS: Record<Lang, Labels> = {
  en: L(
    'Home|About|Contact|Privacy|Blogroll|Comments|Latest posts|Partners|Powered by|Sponsors|Related|Popular',
  ),
  de: L(
    'Startseite|Über uns|Kontakt|Datenschutz|Blogroll|Kommentare|Neueste Beiträge|Partner|Betrieben mit|Sponsoren|Ähnliche Artikel|Beliebt',
  ),
  fr: L(
    'Accueil|À propos|Contact|Confidentialité|Blogroll|Commentaires|Articles récents|Partenaires|Propulsé par|Sponsors|Voir aussi|Populaires',
  ),
  es: L(
    'Inicio|Acerca de|Contacto|Privacidad|Blogroll|Comentarios|Entradas recientes|Socios|Con la tecnología de|Patrocinadores|Relacionado|Populares',
  ),
  ru: L(
    'Главная|О нас|Контакты|Конфиденциальность|Блогролл|Комментарии|Свежие записи|Партнёры|Работает на|Спонсоры|Похожие|Популярное',
  ),
  ja: L(
    'ホーム|概要|お問い合わせ|プライバシー|ブログロール|コメント|最新の投稿|パートナー|Powered by|スポンサー|関連記事|人気の記事',
  ),
  pt: L(
    'Início|Sobre|Contato|Privacidade|Blogroll|Comentários|Posts recentes|Parceiros|Desenvolvido com|Patrocinadores|Relacionados|Mais lidos',
  ),
  it: L(
    'Home|Chi siamo|Contatti|Privacy|Blogroll|Commenti|Articoli recenti|Partner|Realizzato con|Sponsor|Correlati|Più letti',
  ),
  pl: L(
    'Strona główna|O nas|Kontakt|Prywatność|Blogroll|Komentarze|Najnowsze wpisy|Partnerzy|Napędzane przez|Sponsorzy|Powiązane|Popularne',
  ),
  nl: L(
    'Home|Over ons|Contact|Privacy|Blogroll|Reacties|Recente berichten|Partners|Mogelijk gemaakt door|Sponsors|Gerelateerd|Populair',
  ),
};

/** ASCII words for URL slugs (paths stay plain ASCII so they need no percent-encoding). */
export const SLUG_WORDS: readonly string[] =
  'alpha river city guide best top review travel food home garden tech news data cloud green smart open local urban daily north south east west quick simple deep bright fresh modern classic wild blue red gold silver stone light dark'.split(
    ' ',
  );

/** Generic anchor texts (English; other languages use their content words). */
export const GENERIC_ANCHORS: readonly string[] = [
  'click here',
  'read more',
  'this article',
  'here',
  'source',
  'website',
  'learn more',
  'this guide',
  'more info',
  'via',
];

/** Exact-match commercial phrases, the staple of link farms. */
export const MONEY_PHRASES: readonly string[] = [
  'best running shoes',
  'cheap flights',
  'payday loans online',
  'online casino bonus',
  'seo services',
  'cheap web hosting',
  'best vpn deals',
  'crypto exchange',
  'weight loss pills',
  'car insurance quotes',
  'buy backlinks',
  'essay writing service',
  'replica watches',
  'forex signals',
  'cbd oil for sale',
];
