"""Two gunicorn instances sharing PostgreSQL and Redis behave as one site: the load split over
both leaves exact totals, the counts shown equal COUNT(*) on either, a session works on both
and a rate limit reached on one instance is enforced on the other (bench/scale_out.py measures
the same at benchmark size)."""

import os

import pytest
from django.db import connection

from bench import scale_out, servers
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL"))
        or connection.vendor != "postgresql",
        reason="two app servers share state only through PostgreSQL and Redis: set "
        "DATABASE_URL (PostgreSQL) and REDIS_URL",
    ),
    # Committed rows, so the servers' own connections see them; migrations' rows restored.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_instances_share_data_sessions_and_rate_limits(consultation):
    topic = TopicPageFactory(parent=consultation, title="Zwei Server")
    CommentFactory.create_batch(12, target=topic)
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    env = {**scale_out.ENV, "DATABASE_URL": database}

    with (
        servers.serve(settings="cms.settings.test", **env) as first,
        servers.serve(settings="cms.settings.test", **env) as second,
    ):
        result = scale_out.check([first, second], topic, participants=8, seconds=2.0)

    assert result["load"]["errors"] == 0
    assert result["load"]["requests"] > 0
    assert result["clients_per_instance"] == {first: 4, second: 4}
    assert result["votes_exact"]
    assert result["shown_equal_on_both"], result["shown"]
    assert result["rate_limit_statuses"] == [200] * scale_out.COMMENTS_PER_MINUTE + [429]
