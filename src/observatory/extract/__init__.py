"""Extract stage: casualty claims and their context from one document at a time."""

from observatory.extract.pipeline import extract_document, extract_documents, load_nlp

__all__ = ["extract_document", "extract_documents", "load_nlp"]
