import pytest

from participation.accounts import roles
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.conftest import forum, topic  # noqa: F401


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS], verified=True, display_name="Moderation Test")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
