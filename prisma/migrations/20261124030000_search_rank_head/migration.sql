-- Ranking reads only a notice's head: the A and B lexemes (title, number, category, agency),
-- kept beside the full document by PostgreSQL itself. Ranking over the full document meant
-- reading (and decompressing) every matching notice's whole tokenized body: a word found in
-- most notices cost seconds at 100,000 notices (docs/performance.md, Portal). The full
-- document still decides what matches; among notices that match only in the body, the newest
-- come first.
ALTER TABLE notice_search ADD COLUMN head tsvector GENERATED ALWAYS AS (ts_filter(document, '{a,b}')) STORED;
