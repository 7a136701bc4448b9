// title: Contested quotes
// description: Quotes that outlets attribute to different speakers, with every claimed speaker and the articles behind each attribution.
// param limit: maximum rows (default 100)
MATCH (speaker)-[said:SAID {contested: true}]->(q:Quote)
WITH q, collect({speaker: speaker.name, articles: said.articles}) AS attributions
RETURN q.text AS quote, q.kind AS kind, size(attributions) AS speakers, attributions, q.id AS quoteId
ORDER BY speakers DESC, quote
LIMIT coalesce($limit, 100);
