"""The plan and its data: storage, plan objects, rules and file formats. Never imports widgets."""
