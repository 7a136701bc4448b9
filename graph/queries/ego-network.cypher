// title: A person's ego network
// description: Who and what a person is connected to: offices, nationality, events (with the other participants and mediators) and quotes, one row per connection.
// param name: part of the person's name or an alias, case-insensitive (e.g. "Smith")
// param limit: maximum rows (default 200)
MATCH (p:Person)
WHERE toLower(p.name) CONTAINS toLower($name)
   OR any(alias IN p.aliases WHERE toLower(alias) CONTAINS toLower($name))
MATCH (p)-[r]-(n)
WHERE NOT n:Article
OPTIONAL MATCH (n:Event)<-[r2:PARTICIPATED_IN|MEDIATED]-(other)
WHERE other <> p
WITH p, r, n, collect(DISTINCT {name: other.name, role: type(r2)}) AS alsoThere
RETURN p.name AS person, type(r) AS relationship,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       labels(n)[0] AS type, coalesce(n.name, n.text) AS connectedTo, r.title AS title,
       [x IN alsoThere WHERE x.name IS NOT NULL] AS alsoThere
ORDER BY person, relationship, connectedTo
LIMIT coalesce($limit, 200);
