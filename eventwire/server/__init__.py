"""`eventwire serve`: a read-only web API and page over the store (map, timeline, incidents,
documents with their evidence). See app.create_app."""
