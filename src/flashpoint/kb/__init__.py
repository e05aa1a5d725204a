"""Knowledge as data: actors, ontology, lexicon, places."""
