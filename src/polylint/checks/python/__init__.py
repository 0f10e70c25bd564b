"""PLX3xx: Python code using the v0 client (`polyaxon_client`), its tracking API, `polyaxon_helper`,
`polyaxon_schemas` or `polyaxon_cli`, in modules, notebook cells and Markdown fences."""
