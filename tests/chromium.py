"""Headless Debian Chromium driven by selenium: the one place the browser tests and
bench/html_report.py start it. The flags keep it off the network (this machine's closed
network refuses its background connections) and give it a fresh profile."""
from __future__ import annotations

import shutil
import tempfile

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")


def find() -> tuple:
    """(chromium, chromedriver) paths; either is None when missing."""
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                    "google-chrome"))), None)
    return chromium, shutil.which("chromedriver")


def start(chromium: str, driver: str, prefix: str, log: bool = False):
    """(a selenium Chrome driver, its profile folder: delete it after `quit()`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix=prefix)
    options.add_argument(f"--user-data-dir={profile}")
    if log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # CSP violations, errors
    return webdriver.Chrome(service=Service(executable_path=driver), options=options), profile
