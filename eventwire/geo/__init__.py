"""Places: the gazetteer index and everything that reads it.

- build.py    builds the index file (`python -m eventwire.geo.build`), from sources.py's readers
              of the GeoNames packages and data/gazetteer_regions.yaml;
- lookup.py   name keys, `Candidate`, the read-only `Gazetteer` and `candidates(name)`;
- ruler.py    the spaCy component "gazetteer_ruler" that marks place names (spans.py: the
              token context it reads);
- levelnames.py the names the text calls places by a level word after them ("Ye Hla village")
              that no entity marks;
- mentions.py, hints.py, agreement.py, places.py: resolution of a document's place mentions
              to `Place` records (`resolve_places`);
- distance.py great-circle distance;
- data.py     the word lists, tables and thresholds above, read once from eventwire/data/.

Importing the package loads only the distance function: the rest is imported where used.
"""
from .distance import EARTH_KM, haversine_km

__all__ = ["EARTH_KM", "haversine_km"]
