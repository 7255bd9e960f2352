/**
 * The DataForSEO status codes and messages linkgap answers with (spec/dataforseo.md §11).
 */

/** Status code → the message DataForSEO sends with it. */
export const STATUS = {
  ok: { code: 20000, message: 'Ok.' },
  oneTaskOnly: { code: 40000, message: 'You can set only one task at a time.' },
  tooManyTasks: { code: 40006, message: 'You can set no more than 100 tasks at a time.' },
  rateLimited: { code: 40202, message: 'The rate-limit per minute has been exceeded.' },
  notFound: { code: 40400, message: 'Not Found.' },
  postDataEmpty: { code: 40502, message: 'POST Data Is Empty.' },
  postDataInvalid: { code: 40503, message: 'POST Data Is Invalid.' },
  internalError: { code: 50000, message: 'Internal Error.' },
  timeout: { code: 50401, message: 'Internal Error - Timeout.' },
} as const;

/** One status: its numeric code and message. */
export interface Status {
  code: number;
  message: string;
}

/**
 * The exact body DataForSEO's live server sends with HTTP 401 (no `version` key, `/` escaped),
 * byte for byte.
 */
export const UNAUTHORIZED_BODY =
  '{"status_code":40100,"status_message":"You are not Authorized to Access this Resource. Your Login Information Here: https:\\/\\/app.dataforseo.com\\/login .","time":"0 sec.","cost":0,"tasks_count":0,"tasks_error":0,"tasks":[]}';
