/** The per-request variables every route of the app shares (Hono's `Env`). */
export type AppEnv = {
  Variables: {
    /** The credential's name (never its secret), or `anonymous`. */
    authKey: string;
    /** The request's id, echoed as `X-Request-Id` and logged. */
    requestId: string;
    /** What the access log says of the query (counts and settings, no targets). */
    queryShape: unknown;
  };
};
