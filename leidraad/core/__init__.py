"""The domain core: cases, meetings, the guide, who may read what.

Pure Python that imports nothing else of leidraad's, so every rule here is
tested without a screen, a database or a file, and every layer above can use it.
"""
