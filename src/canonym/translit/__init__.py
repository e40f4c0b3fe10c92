"""Transliteration and romanization: pure text functions, one module per script.

Nothing here knows about tables or resolving. Each module turns a name written in one script
into its spellings under named systems (``{"kcna": "Choe Ryong Hae", "rr": "Choe Ryonghae"}``).
"""
