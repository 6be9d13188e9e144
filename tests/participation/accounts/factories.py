import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from participation.accounts.models import User

PASSWORD = "Sicheres-Passwort-2035"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with an account. `roles=["Redaktion"]` puts them in staff groups;
    `verified=True` adds a confirmed allauth email address so they can log in."""

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
