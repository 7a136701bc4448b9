// speakergraph schema: applied on every ingest (idempotent: every statement is IF NOT EXISTS).
// Generated from src/model/ontology.ts by `npx tsx src/store/schema.ts --write`; do not edit by hand.
// - a uniqueness constraint on the stable, content-derived `id` of every node label and relationship type
// - range indexes for name lookups
// - the full-text index speakergraph_search over names, aliases and quote text (the API's search)

CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id_unique IF NOT EXISTS FOR (n:`Country`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id_unique IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quote_id_unique IF NOT EXISTS FOR (n:`Quote`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:`Person`) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:`Country`) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:`Place`) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:`Organization`) ON (n.name);
CREATE INDEX event_name IF NOT EXISTS FOR (n:`Event`) ON (n.name);
CREATE INDEX quote_name IF NOT EXISTS FOR (n:`Quote`) ON (n.name);
CREATE INDEX article_name IF NOT EXISTS FOR (n:`Article`) ON (n.name);
CREATE INDEX article_article_id IF NOT EXISTS FOR (n:`Article`) ON (n.articleId);
CREATE INDEX quote_kind IF NOT EXISTS FOR (n:`Quote`) ON (n.kind);
CREATE CONSTRAINT said_rel_id_unique IF NOT EXISTS FOR ()-[r:`SAID`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT mediated_rel_id_unique IF NOT EXISTS FOR ()-[r:`MEDIATED`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT met_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`MET_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT occurred_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`OCCURRED_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participated_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`PARTICIPATED_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT holds_office_rel_id_unique IF NOT EXISTS FOR ()-[r:`HOLDS_OFFICE`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT located_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`LOCATED_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reported_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`REPORTED_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT mentioned_in_rel_id_unique IF NOT EXISTS FOR ()-[r:`MENTIONED_IN`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT national_of_rel_id_unique IF NOT EXISTS FOR ()-[r:`NATIONAL_OF`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT addressed_to_rel_id_unique IF NOT EXISTS FOR ()-[r:`ADDRESSED_TO`]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT said_at_rel_id_unique IF NOT EXISTS FOR ()-[r:`SAID_AT`]-() REQUIRE r.id IS UNIQUE;
CREATE FULLTEXT INDEX speakergraph_search IF NOT EXISTS FOR (n:`Person`|`Country`|`Place`|`Organization`|`Event`|`Quote`|`Article`) ON EACH [n.name, n.aliases, n.text] OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
