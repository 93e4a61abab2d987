# Settings for the published site: `pelican content -s publishconf.py`.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Relative links keep the site working under any host or sub-path (e.g. GitHub Pages project sites).
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True

# The address the site is published at; set SITE_ADDRESS in the environment of the publishing build.
SITE_ADDRESS = os.environ.get("SITE_ADDRESS", "https://praktikviden.dk")
# Feeds need absolute links: Pelican's feed writer uses SITEURL, while pages keep relative links
# (RELATIVE_URLS).
SITEURL = SITE_ADDRESS
FEED_DOMAIN = SITE_ADDRESS

# The browser editor saves to this GitHub repository through pull requests (docs/redigering.md).
# GitHub Actions sets GITHUB_REPOSITORY; CMS_AUTH_URL is the sign-in (OAuth) service's address.
KB_CMS_LOCAL = False
KB_CMS_REPO = os.environ.get("CMS_REPO") or os.environ.get("GITHUB_REPOSITORY", "")
KB_CMS_AUTH_URL = os.environ.get("CMS_AUTH_URL") or None
