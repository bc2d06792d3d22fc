"""What the office prints and exports (the top layer): the PDF and Word reports and their texts, charts, the Excel export and its plan sheets."""
