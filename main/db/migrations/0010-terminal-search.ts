import type { Migration } from './index.js';

/**
 * Terminal search as the user types: a substring match on name, code, address or competitor brand
 * scanned all 120,000 terminals of a large region (48 ms) and 1.2 million nationally (0.5 s). A
 * trigram index finds any substring of three characters or more through the index; shorter searches
 * still scan. External content: the index holds no second copy of the text, triggers keep it in step.
 */
export const m0010TerminalSearch: Migration = {
  version: 10,
  name: 'terminal-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE terminals_search USING fts5(
        name, code, address, competitor_brand,
        content = 'terminals', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE TRIGGER terminals_search_insert AFTER INSERT ON terminals BEGIN
        INSERT INTO terminals_search (rowid, name, code, address, competitor_brand) VALUES (NEW.id, NEW.name, NEW.code, NEW.address, NEW.competitor_brand);
      END;
      CREATE TRIGGER terminals_search_delete AFTER DELETE ON terminals BEGIN
        INSERT INTO terminals_search (terminals_search, rowid, name, code, address, competitor_brand) VALUES ('delete', OLD.id, OLD.name, OLD.code, OLD.address, OLD.competitor_brand);
      END;
      CREATE TRIGGER terminals_search_update AFTER UPDATE OF name, code, address, competitor_brand ON terminals BEGIN
        INSERT INTO terminals_search (terminals_search, rowid, name, code, address, competitor_brand) VALUES ('delete', OLD.id, OLD.name, OLD.code, OLD.address, OLD.competitor_brand);
        INSERT INTO terminals_search (rowid, name, code, address, competitor_brand) VALUES (NEW.id, NEW.name, NEW.code, NEW.address, NEW.competitor_brand);
      END;
      INSERT INTO terminals_search (terminals_search) VALUES ('rebuild');
    `);
  },
};
