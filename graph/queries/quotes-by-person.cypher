// title: Quotes by person
// description: Everything a person is quoted as saying (direct, partial and indirect), with the articles reporting it, most corroborated first.
// param name: part of the person's name or an alias, case-insensitive (e.g. "Smith")
// param limit: maximum rows (default 100)
MATCH (p:Person)
WHERE toLower(p.name) CONTAINS toLower($name)
   OR any(alias IN p.aliases WHERE toLower(alias) CONTAINS toLower($name))
MATCH (p)-[said:SAID]->(q:Quote)
OPTIONAL MATCH (q)-[:REPORTED_IN]->(a:Article)
WITH p, said, q, collect(DISTINCT a.articleId) AS articles
RETURN p.name AS speaker, q.kind AS kind, q.text AS quote, said.contested AS contested,
       q.corroboration AS sources, articles, q.id AS quoteId
ORDER BY sources DESC, speaker, quote
LIMIT coalesce($limit, 100);
