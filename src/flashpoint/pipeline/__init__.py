"""spaCy components, one per stage; registered in factories.py."""
