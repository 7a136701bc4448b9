// title: Events with mediators
// description: Meetings, talks and other events that someone mediated or hosted: the mediators, the participants, where and when.
// param limit: maximum rows (default 100)
MATCH (mediator)-[:MEDIATED]->(e:Event)
WITH e, collect(DISTINCT mediator.name) AS mediators
OPTIONAL MATCH (e)-[:MET_IN|OCCURRED_IN]->(place)
OPTIONAL MATCH (participant)-[:PARTICIPATED_IN]->(e)
RETURN e.name AS event, e.kind AS kind, e.date AS date, collect(DISTINCT place.name) AS places,
       mediators, collect(DISTINCT participant.name) AS participants, e.articles AS articles
ORDER BY date DESC, event
LIMIT coalesce($limit, 100);
