/**
 * The backlink fields (`BACKLINK_FIELDS`) as SQL over one row of the link table, with the link
 * index's null conventions undone: Int16 -32768, time 0 (prev_seen) and NaN doubles read as
 * null, flags as 0/1, ranks in the query's rank scale. Mirrors src/engine/link-fields.ts.
 */
import type { RankScale } from '../../core/query/intersect-query.js';
import { scaleRank } from '../../core/query/rank-scale.js';
import { LINK_FLAG } from '../../link-index/index.js';
import { sqlNumber } from '../../store/clickhouse/index.js';

/**
 * A field as SQL: `value` is never null-typed (whatever it reads on a null row is discarded),
 * `isNull` says when the field is null (null = never). String fields name their stored word
 * array when they have one.
 */
export type FieldSql =
  | { kind: 'num'; value: string; isNull: string | null }
  | { kind: 'str'; value: string; isNull: string | null; words: string | null }
  | { kind: 'array'; value: string };

const NULL_I16 = -32768;

const flag = (bit: number): FieldSql => ({
  kind: 'num',
  value: `(bitAnd(flags, ${bit}) != 0)`,
  isNull: null,
});
const i16 = (col: string): FieldSql => ({
  kind: 'num',
  value: col,
  isNull: `(${col} = ${NULL_I16})`,
});
const double = (col: string): FieldSql => ({ kind: 'num', value: col, isNull: `isNaN(${col})` });
const plain = (value: string): FieldSql => ({ kind: 'num', value, isNull: null });
const text = (col: string, words: string | null = null): FieldSql => ({
  kind: 'str',
  value: `assumeNotNull(${col})`,
  isNull: `isNull(${col})`,
  words,
});
const key = (value: string): FieldSql => ({ kind: 'str', value, isNull: null, words: null });

/** The one_hundred scale of raw ranks 0..1000 as an array literal (index raw + 1). */
let scaleTable: string | null = null;
function hundredTable(): string {
  if (scaleTable === null) {
    const xs = Array.from({ length: 1001 }, (_, r) => sqlNumber(scaleRank(r, 'one_hundred') ?? 0));
    scaleTable = `[${xs.join(',')}]`;
  }
  return scaleTable;
}

/** A raw rank column (Int16, -32768 = null) in `scale`. */
export function scaledRankSql(col: string, scale: RankScale): string {
  if (scale === 'one_thousand') return `toInt32(${col})`;
  // Ranks are 0..1000 by construction; the table is DataForSEO's curve, exactly as the engine's.
  return `toInt32(arrayElement(${hundredTable()}, toUInt16(if(${col} < 0 OR ${col} > 1000, 0, ${col})) + 1))`;
}

function rank(col: string, scale: RankScale): FieldSql {
  return { kind: 'num', value: scaledRankSql(col, scale), isNull: `(${col} = ${NULL_I16})` };
}

/** The SQL of backlink field `name` in rank scale `scale`; undefined for unknown fields. */
export function backlinkFieldSql(name: string, scale: RankScale): FieldSql | undefined {
  switch (name) {
    case 'type':
      return key("'backlinks_page_intersection'");
    case 'domain_from':
      return key('domain_from');
    case 'url_from':
      return key('url_from');
    case 'url_from_https':
      return flag(LINK_FLAG.fromHttps);
    case 'domain_to':
      return { kind: 'str', value: 'domain_to', isNull: "(domain_to = '')", words: null };
    case 'url_to':
      return key('url_to');
    case 'url_to_https':
      return flag(LINK_FLAG.toHttps);
    case 'tld_from':
      return text('tld');
    case 'is_new':
      return flag(LINK_FLAG.new);
    case 'is_lost':
      return flag(LINK_FLAG.lost);
    case 'backlink_spam_score':
      return i16('backlink_spam_score');
    case 'rank':
    case 'page_from_rank':
    case 'domain_from_rank':
      return rank(name, scale);
    case 'domain_from_platform_type':
      return { kind: 'array', value: 'platform_list' };
    case 'domain_from_is_ip':
      return plain('is_ip');
    case 'domain_from_ip':
      return text('ip');
    case 'domain_from_country':
      return text('country');
    case 'page_from_external_links':
      return double('external_links');
    case 'page_from_internal_links':
      return double('internal_links');
    case 'page_from_size':
      return double('size');
    case 'page_from_encoding':
      return text('encoding');
    case 'page_from_language':
      return text('lang');
    case 'page_from_title':
      return text('title', 'title_words');
    case 'page_from_status_code':
      return i16('status');
    case 'first_seen':
    case 'last_seen':
    case 'links_count':
      return plain(name);
    case 'prev_seen':
      return { kind: 'num', value: 'prev_seen', isNull: '(prev_seen = 0)' };
    case 'item_type':
    case 'semantic_location':
      return text(name);
    case 'attributes':
      return { kind: 'array', value: 'attributes_list' };
    case 'dofollow':
      return flag(LINK_FLAG.dofollow);
    case 'original':
      return flag(LINK_FLAG.original);
    case 'alt':
    case 'anchor':
    case 'text_pre':
    case 'text_post':
      return text(name, `${name}_words`);
    case 'group_count':
      return plain('0');
    case 'is_broken':
      return flag(LINK_FLAG.broken);
    case 'url_to_status_code':
    case 'url_to_spam_score':
      return i16(name);
    case 'url_to_redirect_target':
      return text('redirect_target');
    case 'is_indirect_link':
      return flag(LINK_FLAG.indirect);
    default:
      return undefined;
  }
}
