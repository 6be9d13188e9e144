"""The participation domain: small Django apps, each with models, services, selectors and views.

Dependency direction: accounts <- consultations <- (contributions, surveys, ...). `cms` supplies
shared blocks and generic pages; `home` sits on top and may use everything.
"""
