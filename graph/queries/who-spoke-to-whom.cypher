// title: Who spoke to whom, where and when
// description: Quotes with their speaker, to whom they were said (a person, organisation or country, or an audience such as reporters), where or at which event, and on which date, with the articles that report it.
// param limit: maximum rows (default 100)
MATCH (speaker)-[:SAID]->(q:Quote)
WHERE (q)-[:ADDRESSED_TO|SAID_AT]->() OR size(coalesce(q.audience, [])) > 0 OR q.date IS NOT NULL
OPTIONAL MATCH (q)-[:ADDRESSED_TO]->(addressee)
WITH speaker, q, collect(DISTINCT addressee.name) AS addressees
OPTIONAL MATCH (q)-[:SAID_AT]->(setting)
WITH speaker, q, addressees, collect(DISTINCT setting.name) AS settings
RETURN speaker.name AS speaker, addressees + coalesce(q.audience, []) AS saidTo, settings AS saidAt, q.date AS saidOn,
       q.text AS quote, q.articles AS articles, q.id AS quoteId
ORDER BY size(saidTo) DESC, speaker, quote
LIMIT coalesce($limit, 100);
