/**
 * Per-article bookkeeping kept on Article nodes: `textHash` (hash of the article as read: text and
 * metadata), `body` (the text, for provenance sentences) and `extraction` (the article's extraction
 * record as JSON, without the text). A node with a `textHash` is an ingested article; its stored
 * extraction is what later runs re-resolve with new articles, so the source files need not be kept.
 */
import type { Driver } from 'neo4j-driver';
import type { ArticleInput, DocumentExtraction } from '../extract/types.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { contentHash } from './properties.js';

/** Properties the store adds to Article nodes (not part of the ontology's attributes). */
export const ARTICLE_BOOKKEEPING = ['textHash', 'body', 'extraction'] as const;

/** Hash of the article as read and of the rules that extract it: either changing means re-extracting. */
export function articleHash(input: ArticleInput): string {
  return contentHash({
    extractor: EXTRACTOR_VERSION,
    id: input.id,
    text: input.text,
    title: input.title,
    outlet: input.outlet,
    date: input.date,
    url: input.url,
  });
}

export interface StoredArticle {
  articleId: string;
  textHash: string;
}

/** articleId -> textHash of every fully ingested article. */
export async function loadArticleHashes(driver: Driver, database?: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Article) WHERE a.textHash IS NOT NULL AND a.articleId IS NOT NULL RETURN a.articleId AS articleId, a.textHash AS textHash',
    {},
    { database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('articleId') as string, r.get('textHash') as string]));
}

export interface ArticleRecord {
  articleId: string;
  textHash: string;
  /** The extraction JSON exactly as stored (re-used verbatim so unchanged articles hash the same). */
  extractionJson: string;
  extraction: DocumentExtraction;
}

export function serializeExtraction(doc: DocumentExtraction): string {
  const { text: _text, ...rest } = doc;
  return JSON.stringify(rest);
}

export function parseExtraction(json: string, body: string): DocumentExtraction {
  return { ...(JSON.parse(json) as Omit<DocumentExtraction, 'text'>), text: body };
}

/** The stored extraction records of ingested articles, except those listed (being replaced). */
export async function loadStoredExtractions(
  driver: Driver,
  except: ReadonlySet<string>,
  database?: string,
): Promise<ArticleRecord[]> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Article) WHERE a.textHash IS NOT NULL AND a.extraction IS NOT NULL AND NOT a.articleId IN $except ' +
      'RETURN a.articleId AS articleId, a.textHash AS textHash, a.extraction AS extraction, a.body AS body ORDER BY articleId',
    { except: [...except] },
    { database, routing: 'READ' },
  );
  return records.map((r) => {
    const extractionJson = r.get('extraction') as string;
    return {
      articleId: r.get('articleId') as string,
      textHash: r.get('textHash') as string,
      extractionJson,
      extraction: parseExtraction(extractionJson, (r.get('body') as string | null) ?? ''),
    };
  });
}
