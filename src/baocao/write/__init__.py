"""Writing: template markup to blocks, blocks to DOCX, PDF through LibreOffice, atomic output, JSON Schemas."""
