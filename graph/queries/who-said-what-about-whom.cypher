// title: Who said what about whom
// description: Quotes whose text names another person (by full name, surname or alias): speaker, quote, the person talked about, and the reporting articles.
// param about: part of the name of the person talked about, case-insensitive; null for everyone
// param limit: maximum rows (default 100)
MATCH (target:Person)
WHERE $about IS NULL
   OR toLower(target.name) CONTAINS toLower($about)
   OR any(alias IN target.aliases WHERE toLower(alias) CONTAINS toLower($about))
WITH target, [n IN [target.name, last(split(target.name, ' '))] + target.aliases WHERE size(n) > 3] AS names
MATCH (speaker)-[:SAID]->(q:Quote)
WHERE speaker <> target AND any(n IN names WHERE q.text CONTAINS n)
OPTIONAL MATCH (q)-[:REPORTED_IN]->(a:Article)
RETURN speaker.name AS speaker, target.name AS about, q.kind AS kind, q.text AS quote,
       collect(DISTINCT a.articleId) AS articles
ORDER BY about, speaker, quote
LIMIT coalesce($limit, 100);
