from participation.surveys import results_admin  # noqa: F401 (registers the results view)
