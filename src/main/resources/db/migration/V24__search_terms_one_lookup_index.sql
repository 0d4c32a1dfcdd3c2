-- Every lookup of a word is (community_id in (...), term): the postings index of V23 serves them all, so the
-- older (term, community_id) index only cost each new document's words one more index entry.
drop index search_terms_term_ix;
