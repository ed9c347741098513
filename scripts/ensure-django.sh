#!/usr/bin/env bash
# The benchmark's peer row "the seed's own stack": Django served by gunicorn, from Debian's packages
# (python3-django 3.2, gunicorn 20.1), installed when missing. PyPI is not reachable here, so no venv.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/ensure-apt.sh" GUNICORN_PATH /usr/bin/gunicorn gunicorn
bash "$here/ensure-apt.sh" DJANGO_ADMIN_PATH /usr/bin/django-admin python3-django
