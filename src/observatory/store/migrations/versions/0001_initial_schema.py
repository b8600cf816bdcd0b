"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Every table of the first version. Written by autogenerate from store/tables.py, then reviewed;
a test checks that migrations and ORM agree.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index(op.f('ix_documents_outlet'), 'documents', ['outlet'], unique=False)
    op.create_index(op.f('ix_documents_published'), 'documents', ['published'], unique=False)
    op.create_index(op.f('ix_documents_seq'), 'documents', ['seq'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=True),
    sa.Column('sub_event_type', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('grade', sa.String(length=32), nullable=False),
    sa.Column('killed_best', sa.Integer(), nullable=True),
    sa.Column('location', sa.JSON(), nullable=True),
    sa.Column('toll', sa.JSON(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('timeline', sa.JSON(), nullable=False),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_incidents_country'), 'incidents', ['country'], unique=False)
    op.create_index(op.f('ix_incidents_event_type'), 'incidents', ['event_type'], unique=False)
    op.create_index(op.f('ix_incidents_grade'), 'incidents', ['grade'], unique=False)
    op.create_index(op.f('ix_incidents_start'), 'incidents', ['start'], unique=False)

    op.create_table('actors',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=300), nullable=True),
    sa.Column('type', sa.String(length=64), nullable=True),
    sa.Column('side', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_actors_actor'), 'actors', ['actor'], unique=False)
    op.create_index(op.f('ix_actors_doc'), 'actors', ['doc'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('victim_group', sa.String(length=32), nullable=False),
    sa.Column('count_low', sa.Integer(), nullable=True),
    sa.Column('count_high', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('source_kind', sa.String(length=32), nullable=True),
    sa.Column('count', sa.JSON(), nullable=False),
    sa.Column('victims', sa.JSON(), nullable=False),
    sa.Column('part_of', sa.String(length=128), nullable=True),
    sa.Column('perpetrator', sa.JSON(), nullable=True),
    sa.Column('location', sa.JSON(), nullable=True),
    sa.Column('time', sa.JSON(), nullable=True),
    sa.Column('source', sa.JSON(), nullable=True),
    sa.Column('hedged', sa.Boolean(), nullable=False),
    sa.Column('historical', sa.Boolean(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('grade', sa.String(length=32), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_claims_country'), 'claims', ['country'], unique=False)
    op.create_index(op.f('ix_claims_doc'), 'claims', ['doc'], unique=False)
    op.create_index(op.f('ix_claims_grade'), 'claims', ['grade'], unique=False)
    op.create_index(op.f('ix_claims_outcome'), 'claims', ['outcome'], unique=False)
    op.create_index(op.f('ix_claims_source_kind'), 'claims', ['source_kind'], unique=False)
    op.create_index(op.f('ix_claims_victim_group'), 'claims', ['victim_group'], unique=False)

    op.create_table('contradictions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('incident', sa.String(length=128), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('claims', sa.JSON(), nullable=False),
    sa.Column('docs', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['incident'], ['incidents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_contradictions_incident'), 'contradictions', ['incident'], unique=False)
    op.create_index(op.f('ix_contradictions_kind'), 'contradictions', ['kind'], unique=False)

    op.create_table('document_signatures',
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('num_perm', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('hashvalues', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc')
    )
    op.create_table('duplicate_links',
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('original', sa.String(length=64), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['original'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc')
    )
    op.create_index(op.f('ix_duplicate_links_original'), 'duplicate_links', ['original'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('sub_event_type', sa.String(length=100), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('location', sa.JSON(), nullable=True),
    sa.Column('time', sa.JSON(), nullable=True),
    sa.Column('claims', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_events_country'), 'events', ['country'], unique=False)
    op.create_index(op.f('ix_events_doc'), 'events', ['doc'], unique=False)
    op.create_index(op.f('ix_events_event_type'), 'events', ['event_type'], unique=False)

    op.create_table('incident_documents',
    sa.Column('incident', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident'], ['incidents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident', 'doc')
    )
    op.create_index(op.f('ix_incident_documents_doc'), 'incident_documents', ['doc'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('admin1', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_places_country'), 'places', ['country'], unique=False)
    op.create_index(op.f('ix_places_doc'), 'places', ['doc'], unique=False)
    op.create_index(op.f('ix_places_name'), 'places', ['name'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker', sa.String(length=300), nullable=True),
    sa.Column('speaker_role', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_quotes_doc'), 'quotes', ['doc'], unique=False)
    op.create_index(op.f('ix_quotes_speaker'), 'quotes', ['speaker'], unique=False)

    op.create_table('social_posts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('handle', sa.String(length=100), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_social_posts_doc'), 'social_posts', ['doc'], unique=False)
    op.create_index(op.f('ix_social_posts_handle'), 'social_posts', ['handle'], unique=False)

    op.create_table('incident_claims',
    sa.Column('incident', sa.String(length=128), nullable=False),
    sa.Column('claim', sa.String(length=128), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident'], ['incidents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident', 'claim')
    )
    op.create_index(op.f('ix_incident_claims_claim'), 'incident_claims', ['claim'], unique=False)



def downgrade() -> None:
    op.drop_index(op.f('ix_incident_claims_claim'), table_name='incident_claims')

    op.drop_table('incident_claims')
    op.drop_index(op.f('ix_social_posts_handle'), table_name='social_posts')
    op.drop_index(op.f('ix_social_posts_doc'), table_name='social_posts')

    op.drop_table('social_posts')
    op.drop_index(op.f('ix_quotes_speaker'), table_name='quotes')
    op.drop_index(op.f('ix_quotes_doc'), table_name='quotes')

    op.drop_table('quotes')
    op.drop_index(op.f('ix_places_name'), table_name='places')
    op.drop_index(op.f('ix_places_doc'), table_name='places')
    op.drop_index(op.f('ix_places_country'), table_name='places')

    op.drop_table('places')
    op.drop_index(op.f('ix_incident_documents_doc'), table_name='incident_documents')

    op.drop_table('incident_documents')
    op.drop_index(op.f('ix_events_event_type'), table_name='events')
    op.drop_index(op.f('ix_events_doc'), table_name='events')
    op.drop_index(op.f('ix_events_country'), table_name='events')

    op.drop_table('events')
    op.drop_index(op.f('ix_duplicate_links_original'), table_name='duplicate_links')

    op.drop_table('duplicate_links')
    op.drop_table('document_signatures')
    op.drop_index(op.f('ix_contradictions_kind'), table_name='contradictions')
    op.drop_index(op.f('ix_contradictions_incident'), table_name='contradictions')

    op.drop_table('contradictions')
    op.drop_index(op.f('ix_claims_victim_group'), table_name='claims')
    op.drop_index(op.f('ix_claims_source_kind'), table_name='claims')
    op.drop_index(op.f('ix_claims_outcome'), table_name='claims')
    op.drop_index(op.f('ix_claims_grade'), table_name='claims')
    op.drop_index(op.f('ix_claims_doc'), table_name='claims')
    op.drop_index(op.f('ix_claims_country'), table_name='claims')

    op.drop_table('claims')
    op.drop_index(op.f('ix_actors_doc'), table_name='actors')
    op.drop_index(op.f('ix_actors_actor'), table_name='actors')

    op.drop_table('actors')
    op.drop_index(op.f('ix_incidents_start'), table_name='incidents')
    op.drop_index(op.f('ix_incidents_grade'), table_name='incidents')
    op.drop_index(op.f('ix_incidents_event_type'), table_name='incidents')
    op.drop_index(op.f('ix_incidents_country'), table_name='incidents')

    op.drop_table('incidents')
    op.drop_index(op.f('ix_documents_seq'), table_name='documents')
    op.drop_index(op.f('ix_documents_published'), table_name='documents')
    op.drop_index(op.f('ix_documents_outlet'), table_name='documents')

    op.drop_table('documents')
