"""Enterprise returns in and out (above store): cell reading, the workbook guard, the reader, the return form's template, the importer, collection and the rejected-rows workbook."""
