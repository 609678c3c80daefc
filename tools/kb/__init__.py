"""Build tool for the four-language customer retention knowledge base.

The core is plain functions from content files to data and pages; the
command line (`cli`) and the MkDocs plugin (`plugin`) are thin shells over it.
"""
