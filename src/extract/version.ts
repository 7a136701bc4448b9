/**
 * Version of the extraction rules. Ingest folds it into each article's hash, so articles extracted by
 * older rules are re-extracted on the next ingest instead of lingering with stale facts. Bump it in any
 * commit that changes what the extractor outputs.
 */
export const EXTRACTOR_VERSION = 167;
