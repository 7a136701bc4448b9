// title: Corroborated quotes
// description: Quotes reported by at least a given number of articles, with their speakers, the outlets and the wording variants seen.
// param minSources: minimum number of reporting articles (default 2)
// param limit: maximum rows (default 100)
MATCH (q:Quote)
WHERE q.corroboration >= coalesce($minSources, 2)
OPTIONAL MATCH (speaker)-[:SAID]->(q)
OPTIONAL MATCH (q)-[:REPORTED_IN]->(a:Article)
RETURN q.text AS quote, q.corroboration AS sources, collect(DISTINCT speaker.name) AS speakers,
       collect(DISTINCT coalesce(a.outlet, a.articleId)) AS reportedBy, q.variants AS variants, q.id AS quoteId
ORDER BY sources DESC, quote
LIMIT coalesce($limit, 100);
