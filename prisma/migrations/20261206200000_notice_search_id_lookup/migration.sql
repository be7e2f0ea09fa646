-- Search finds a notice by its id typed in any case, or by a prefix naming one notice
-- (lib/search/find-notice-ids.ts): lower(notice_id) = $1 and lower(notice_id) LIKE 'prefix%'.
-- text_pattern_ops serves both whatever the database's collation, so neither scans the table.
-- The expression is computed from notice_id alone, so existing rows need no reindex.
CREATE INDEX notice_search_id_lower_idx ON notice_search (lower(notice_id) text_pattern_ops);
