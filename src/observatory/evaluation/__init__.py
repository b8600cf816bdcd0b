"""Accuracy evaluation against gold data written by the team (`observatory eval`)."""
