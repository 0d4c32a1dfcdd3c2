-- A search word's postings with their frequencies in the index itself: ranking reads a word's newest postings
-- and their scores by an index-only walk, and looks up the other words of a query the same way, without
-- visiting the table (ADR 8, SearchStore.search). The key stays unique at (community_id, term, document_id),
-- so the two trailing columns change no order; a plain key, not INCLUDE, because H2 has no INCLUDE.
create index search_terms_postings_ix on search_terms (community_id, term, document_id, frequency, title_frequency);
drop index search_terms_lookup_ix;
