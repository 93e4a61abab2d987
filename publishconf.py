# Settings for the published site: `pelican content -s publishconf.py`.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Relative links keep the site working under any host or sub-path (e.g. GitHub Pages project sites).
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
