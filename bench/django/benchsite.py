"""The peer row "the seed's own stack": the bench's 20-field form as a Django form, in one file (settings,
form, view, URLs). Served by gunicorn with one sync worker per core, CSRF on (CsrfViewMiddleware). GET,
a failing POST shown again with its errors, a passing POST that redirects (303). bench/django-server.ts
starts it."""
import datetime
import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="a benchmark secret, not for use",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"debug": False}}],
    USE_TZ=False,
    INSTALLED_APPS=[],
)

import django  # noqa: E402

django.setup()

from django import forms  # noqa: E402
from django.core import validators  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.urls import path  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

FIELDS = int(os.environ.get("BENCH_FIELDS", "20"))
CHOICES = [(c, c) for c in ["alpha", "beta", "gamma", "delta", "epsilon"]]


def quarter(value):
    if (value * 4) % 1 != 0:
        raise forms.ValidationError("Use steps of 0.25.")


def field(i):
    """Field i: the same 8 kinds, in turn, as bench/bench-forms.ts."""
    kind = i % 8
    if kind == 0:
        return forms.CharField(label=f"Name {i}", min_length=2, max_length=16, validators=[validators.RegexValidator(r"^\w+$", "Letters, digits, underscore")])
    if kind == 1:
        return forms.FloatField(label=f"Amount {i}", min_value=0, max_value=1000)
    if kind == 2:
        return forms.DateField(label=f"Day {i}", validators=[validators.MinValueValidator(datetime.date(2020, 1, 1)), validators.MaxValueValidator(datetime.date(2030, 12, 31))])
    if kind == 3:
        return forms.ChoiceField(label=f"Choice {i}", choices=[("", "")] + CHOICES)
    if kind == 4:
        return forms.BooleanField(label=f"Flag {i}", required=False)
    if kind == 5:
        return forms.TimeField(label=f"Time {i}")
    if kind == 6:
        return forms.FloatField(label=f"Hours {i}", min_value=0, max_value=24, validators=[quarter])
    return forms.CharField(label=f"Notes {i}", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 4}))


BenchForm = type("BenchForm", (forms.Form,), {f"f{i}": field(i) for i in range(FIELDS)})

PAGE = engines["django"].from_string(
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{% if form.errors %}Error: {% endif %}bench</title></head><body>
<form id="django" method="post">{% csrf_token %}
{% if form.errors %}<div class="error-summary" tabindex="-1" autofocus><div role="alert"><h2>There is a problem</h2><ul>{% for field in form %}{% for error in field.errors %}<li><a href="#{{ field.id_for_label }}">{{ field.label }}: {{ error }}</a></li>{% endfor %}{% endfor %}</ul></div></div>{% endif %}
{{ form.as_p }}
<div class="actions"><button type="submit">Save</button></div>
</form></body></html>"""
)


def bench_form(request):
    if request.method == "POST":
        form = BenchForm(request.POST)
        if form.is_valid():
            return HttpResponse(status=303, headers={"Location": "/form"})
        return HttpResponse(PAGE.render({"form": form}, request), status=422)
    return HttpResponse(PAGE.render({"form": BenchForm()}, request))


urlpatterns = [path("form", bench_form)]
application = get_wsgi_application()
