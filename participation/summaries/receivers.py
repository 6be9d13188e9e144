"""Publishing a result report freezes its figures (also when a workflow approval or a
schedule publishes it)."""

from participation.summaries.services import summary_freeze


def freeze_on_publish(sender, instance, **kwargs) -> None:
    summary_freeze(page=instance)
