#!/usr/bin/env python3
"""Browser walk-throughs: real Chromium, driven through chromedriver with Selenium, against a
running `touchstone serve --demo`, at phone width (390 px; 375 px for the walk-throughs in French,
Spanish and Arabic), in the four languages the menu offers.

Each walk-through is a function decorated with @walkthrough that takes a fresh `Browser`
(its own Chromium, no cookies). It checks what a person sees: the text on the page (taken from
the same message catalogues as the server, locales/*.ftl), that pictures have really loaded,
that the page fits the phone's width, and that the browser console shows no error. Add a new
walk-through by writing one more decorated function; helpers for signing in, following links
and filling forms are on `Browser`.

    python3 tests/browser/walkthrough.py --base-url http://127.0.0.1:8080 [--only NAME ...]

Usually run through scripts/browser-tests.sh, which starts the server. Exits non-zero when a
walk-through fails; screenshots and the page's HTML at the moment of failure go to
--artifacts (a temporary directory by default), whose path is printed.
"""

import argparse
import os
import re
import select
import shutil
import socket
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from urllib.parse import urljoin, urlparse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "crates" / "touchstone" / "locales"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
PASSWORD = "touchstone-demo"
PHONE = {"width": 390, "height": 844, "pixelRatio": 3.0}
SMALL_PHONE = 375  # px: the narrowest phones in use (iPhone SE, mini); the language walk-throughs
WAIT = 20  # seconds for a page, a picture or an element
# axe-core's axe.min.js (scripts/browser-tests.sh fetches it from the npm registry, pinned);
# without it the accessibility checks fail, so that a run cannot pass without them.
AXE_JS = os.environ.get("TOUCHSTONE_AXE_JS")
AXE_FAILING = ("serious", "critical")
AXE_REPORT_ONLY = os.environ.get("TOUCHSTONE_AXE_REPORT_ONLY") == "1"  # print, do not fail
_axe_source = None

# Demo users (crates/touchstone/src/demo.rs) and the demo catalog (demo_catalog.rs): brand 0
# "Veloria" belongs to Maison Lumière, brand 1 "Kastoria" to Nordwerk.
OFFICER_EN = "officer@border.demo"
OFFICER_FR = "officer@douane.demo"
RIGHTS_HOLDER = "brand@lumiere.demo"
OWN_BRAND = "Veloria"
OTHER_OWNERS_BRAND = "Kastoria"
COORDINATOR = "coordinator@police.demo"
GENDARME = "coordinator@gendarmerie.demo"
ADMIN = "admin@touchstone.demo"


class WalkthroughFailure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise WalkthroughFailure(message)


# ---- messages, from the server's own catalogues -------------------------------------------

# The catalogues are Fluent files (locales/<lang>.ftl, https://projectfluent.org/), read here by
# a small reader of the part of Fluent they use: `id = value` at the start of a line, a value
# continued on indented lines, `{ $name }` placeables, `{"text"}` string literals and
# `{ $n -> [0] … [one] … *[other] … }` select expressions. The code's key "nav.home" is the id
# "nav-home". As the server's bundle does (src/i18n/mod.rs), Arabic wraps each placeable of a
# longer pattern in Unicode isolation marks (FSI … PDI); other languages do not.

_catalogues = {}
FSI, PDI = "\u2068", "\u2069"
NBSP = "\u00a0"


class _FluentReader:
    """Parses one message's value (its text after "=", continuation lines included)."""

    def __init__(self, source, where):
        self.s, self.i, self.where = source, 0, where

    def fail(self, what):
        raise ValueError(f"{self.where}: {what} at {self.s[self.i:self.i + 30]!r}")

    def skip_blank(self, newlines=True):
        while self.i < len(self.s) and self.s[self.i] in (" \t\r\n" if newlines else " \t"):
            self.i += 1

    def pattern(self, in_variant=False):
        """A list of text (str) and placeables (tuples), up to the end (or the variant's end)."""
        elements, text = [], ""
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "{":
                elements.append(text)
                text = ""
                self.i += 1
                elements.append(self.placeable())
            elif c == "}":
                if in_variant:
                    break
                self.fail("a '}' outside a placeable")
            elif c == "\n":
                j = self.i + 1
                while j < len(self.s) and self.s[j] in " \t":
                    j += 1
                if in_variant and j < len(self.s) and self.s[j] in "[*}":
                    break  # the next variant, or the end of the select expression
                text += "\n"
                self.i = j  # indentation is not text
            else:
                text += c
                self.i += 1
        elements.append(text)
        elements = [e for e in elements if e != ""]
        # A pattern's leading and trailing blanks (the line break after "=", before "}") go.
        if elements and isinstance(elements[0], str):
            elements[0] = elements[0].lstrip()
        if elements and isinstance(elements[-1], str):
            elements[-1] = elements[-1].rstrip()
        return [e for e in elements if e != ""]

    def placeable(self):
        self.skip_blank()
        if self.s.startswith('"', self.i):
            end = self.s.index('"', self.i + 1)
            literal = self.s[self.i + 1 : end].replace('\\"', '"').replace("\\\\", "\\")
            self.i = end + 1
            node = ("literal", literal)
        elif self.s.startswith("$", self.i):
            m = re.compile(r"\$([A-Za-z][A-Za-z0-9_-]*)").match(self.s, self.i)
            self.i = m.end()
            node = ("var", m.group(1))
            self.skip_blank()
            if self.s.startswith("->", self.i):
                self.i += 2
                node = ("select", m.group(1), self.variants())
        else:
            self.fail("a placeable this reader does not know")
        self.skip_blank()
        if not self.s.startswith("}", self.i):
            self.fail("an unclosed placeable")
        self.i += 1
        return node

    def variants(self):
        variants = []
        while True:
            self.skip_blank()
            if self.s.startswith("}", self.i):
                break
            default = self.s.startswith("*", self.i)
            self.i += default
            if not self.s.startswith("[", self.i):
                self.fail("a variant without a [key]")
            end = self.s.index("]", self.i)
            key = self.s[self.i + 1 : end].strip()
            self.i = end + 1
            self.skip_blank(newlines=False)
            variants.append((key, default, self.pattern(in_variant=True)))
        if sum(d for _, d, _ in variants) != 1:
            self.fail("a select expression without exactly one *[default] variant")
        return variants


def _load_ftl(lang):
    path = LOCALES / f"{lang}.ftl"
    messages, current, value = {}, None, []

    def finish():
        if current is not None:
            messages[current] = _FluentReader("\n".join(value), f"{path.name} {current}").pattern()

    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"([A-Za-z][A-Za-z0-9_-]*) *= ?(.*)$", line)
        if m:
            finish()
            current, value = m.group(1), [m.group(2)]
        elif line[:1] in (" ", "\t") and current is not None:
            value.append(line)
        elif line.strip() == "" and current is not None:
            value.append("")
        else:  # a comment, or something this reader does not know, ends the message
            finish()
            current, value = None, []
    finish()
    return messages


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    return None


def plural_category(lang, n):
    """CLDR's cardinal plural category of `n` in `lang` (the rules fluent-bundle applies)."""
    i, whole = int(abs(n)), float(n).is_integer()
    if lang == "ar":
        if n == 0:
            return "zero"
        if n == 1:
            return "one"
        if n == 2:
            return "two"
        if whole and 3 <= i % 100 <= 10:
            return "few"
        if whole and 11 <= i % 100 <= 99:
            return "many"
        return "other"
    if lang == "fr":
        if i in (0, 1):
            return "one"
        return "many" if whole and i != 0 and i % 1_000_000 == 0 else "other"
    if lang == "es":
        if n == 1:
            return "one"
        return "many" if whole and i != 0 and i % 1_000_000 == 0 else "other"
    return "one" if n == 1 and whole else "other"  # en


def _resolve(lang, elements, args, key):
    isolate = lang == "ar" and len(elements) > 1
    out = ""
    for e in elements:
        if isinstance(e, str):
            out += e
            continue
        if e[0] == "literal":
            out += e[1]
            continue
        name = e[1]
        if name not in args:
            raise KeyError(f"{lang} {key} needs ${name}")
        if e[0] == "var":
            piece = str(args[name])
        else:  # select: a numeric key equal to the number, else its plural category, else *[default]
            value, n = args[name], _number(args[name])
            chosen = None
            for variant_key, _, pattern in e[2]:
                if n is not None and _number(variant_key) == n:
                    chosen = pattern
                    break
            if chosen is None:
                wanted = plural_category(lang, n) if n is not None else str(value)
                chosen = next((p for k, _, p in e[2] if k == wanted), None)
            if chosen is None:
                chosen = next(p for _, d, p in e[2] if d)
            piece = _resolve(lang, chosen, args, key)
        out += FSI + piece + PDI if isolate else piece
    return out


def t(lang, key, **args):
    """The message `key` (e.g. "catalog.title") in `lang`, with its { $variables } filled, as
    WebDriver reads it on a page: a no-break space (French puts one before ":") is read as a
    space (element.text does that), so it is one here too. `t_exact` keeps it."""
    return t_exact(lang, key, **args).replace(NBSP, " ")


def t_exact(lang, key, **args):
    """The message exactly as the catalogue writes it (no-break spaces kept)."""
    if lang not in _catalogues:
        _catalogues[lang] = _load_ftl(lang)
    fluent_id = key.replace(".", "-")
    if fluent_id not in _catalogues[lang]:
        raise KeyError(f"locales/{lang}.ftl has no {fluent_id} (key {key})")
    return _resolve(lang, _catalogues[lang][fluent_id], args, key)


def t_prefix(lang, key, **args):
    """The start of message `key` up to its first placeable, e.g. "Dossier " of "Dossier { $reference }"."""
    marker = "\x00"
    return t(lang, key, **{**args, **{name: marker for name in _variables(lang, key)}}).split(marker)[0]


def _variables(lang, key):
    t(lang, "nav.home")  # loads the catalogue
    names = []

    def walk(elements):
        for e in elements:
            if isinstance(e, tuple) and e[0] == "var":
                names.append(e[1])
            elif isinstance(e, tuple) and e[0] == "select":
                for _, _, p in e[2]:
                    walk(p)

    walk(_catalogues[lang][key.replace(".", "-")])
    return names


# ---- the browser ----------------------------------------------------------------------------


class Browser:
    """One headless Chromium at phone width, with checks made after every page."""

    def __init__(self, base_url, name, artifacts, width=PHONE["width"], profile=None):
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.artifacts = artifacts
        self.width = width
        self.pages_seen = 0
        self.allowed_console = []  # regular expressions of console entries a walk-through expects
        self.page_checks = []  # more checks made after every page, each called with this Browser
        self.axe_checked = set()  # (kind of page, language) already checked by axe-core
        phone = {**PHONE, "width": width}
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in (
            "--headless=new",
            "--no-sandbox",  # CI runs as root
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--lang=en-US",
            f"--window-size={phone['width']},{phone['height']}",
            "--no-first-run",
            "--disable-extensions",
        ):
            options.add_argument(arg)
        if profile:  # a browser profile kept on disk: what the phone keeps survives a restart
            options.add_argument(f"--user-data-dir={profile}")
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": phone})
        options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(60)

    def close(self):
        try:
            self.driver.quit()
        except WebDriverException:
            pass

    # -- what the page is --

    def path(self):
        return urlparse(self.driver.current_url).path

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def lang(self):
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    # -- moving around --

    def go(self, path):
        self.driver.get(urljoin(self.base_url + "/", path.lstrip("/")))
        self.page_ready()

    def open_menu_holding(self, el):
        """Taps "Menu" when `el` is in the header's closed menu (a <details>), as a person must."""
        summary = self.driver.execute_script(
            "var d = arguments[0].closest('details'); return d && !d.open ? d.querySelector('summary') : null", el
        )
        if summary is not None:
            check(summary.is_displayed(), f"the menu button is not visible on {self.path()}")
            summary.click()
            WebDriverWait(self.driver, WAIT).until(lambda d: el.is_displayed())

    def link(self, text):
        """The link that says `text`: a visible one first, else one in the closed menu (whose
        links Selenium's link-text search does not see)."""
        links = self.driver.find_elements(By.XPATH, f"//a[{_text_is(text)}]")
        check(links, f"no link '{text}' on {self.path()}")
        return next((a for a in links if a.is_displayed()), links[0])

    def open_menu(self):
        menu = self.find("details.menu")
        if not menu.get_attribute("open"):
            self.find("details.menu summary").click()

    def click(self, css=None, link_text=None):
        el = self.link(link_text) if link_text else self.find(css)
        self.open_menu_holding(el)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        check(el.is_displayed(), f"'{link_text or css}' is not visible on {self.path()}")
        old = self.driver.find_element(By.TAG_NAME, "html")
        el.click()
        WebDriverWait(self.driver, WAIT).until(lambda d: _stale(old))
        self.page_ready()

    def fill(self, css, value):
        el = self.find(css)
        el.clear()
        el.send_keys(value)

    def submit(self, css):
        """Clicks a form's submit button and waits for the next page."""
        self.click(css)

    def submit_in_place(self, css, timeout=WAIT):
        """Clicks a button whose answer may come without a new page: the Identify page's script
        sends the photo itself and, unless it is told which card to open, puts the server's
        answer in place of the page's <main>. Waits for either."""
        el = self.find(css)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        check(el.is_displayed(), f"'{css}' is not visible on {self.path()}")
        old = self.find("main")
        el.click()
        WebDriverWait(self.driver, timeout).until(lambda d: _stale(old))
        self.page_ready()

    def page_ready(self):
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.pages_seen += 1
        self.check_console()
        self.check_fits_phone()
        for page_check in self.page_checks:
            page_check(self)

    # -- checks made on every page --

    def check_console(self):
        """Fails on any SEVERE console entry (script errors, failed loads, CSP refusals)."""
        severe = [
            e
            for e in self.driver.get_log("browser")
            if e.get("level") == "SEVERE" and not any(re.search(p, e.get("message", "")) for p in self.allowed_console)
        ]
        check(not severe, f"console errors on {self.path()}: " + "; ".join(e.get("message", "") for e in severe))

    def check_fits_phone(self):
        """Nothing makes a phone scroll sideways."""
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        check(overflow <= 1, f"{self.path()} is {overflow}px wider than the phone's screen")

    # -- checks a walk-through asks for --

    def expect_text(self, *needles):
        body = self.text()
        for n in needles:
            check(n in body, f"'{n}' not shown on {self.path()}")

    def expect_no_text(self, *needles):
        body = self.text()
        for n in needles:
            check(n not in body, f"'{n}' shown on {self.path()}, it should not be")

    def expect_path(self, pattern):
        check(re.fullmatch(pattern, self.path()), f"expected a page at {pattern}, got {self.path()}")

    def expect_images_loaded(self, css, at_least=1):
        """Every matching picture has arrived and decoded (lazy ones are scrolled to first)."""
        images = self.find_all(css)
        check(len(images) >= at_least, f"{len(images)} pictures '{css}' on {self.path()}, expected {at_least} or more")
        for img in images:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", img)
            try:
                WebDriverWait(self.driver, WAIT).until(
                    lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
                )
            except TimeoutException:
                raise WalkthroughFailure(f"picture {img.get_attribute('src')} did not load on {self.path()}")
            check(img.is_displayed(), f"picture {img.get_attribute('src')} is hidden on {self.path()}")
            check(img.size["width"] > 0, f"picture {img.get_attribute('src')} is drawn 0px wide on {self.path()}")
        self.check_console()
        return len(images)

    def check_accessibility(self, what):
        """axe-core on the page as it stands: no serious or critical violation. Each kind of
        page (`what`) is checked once per walk-through and language; the violations are printed
        with the elements they name."""
        global _axe_source
        key = (what, self.lang())
        if key in self.axe_checked:
            return
        self.axe_checked.add(key)
        check(AXE_JS and os.path.exists(AXE_JS), "TOUCHSTONE_AXE_JS does not name axe.min.js (scripts/browser-tests.sh fetches it)")
        if _axe_source is None:
            _axe_source = Path(AXE_JS).read_text()
        self.driver.execute_script(_axe_source)
        result = self.driver.execute_async_script(
            """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (r) {
              done(r.violations.map(function (v) {
                return {id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' '); })};
              }));
            }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
            """
        )
        failing = [v for v in result if v["impact"] in AXE_FAILING]
        AXE_PAGES.append((self.name, what, self.lang(), len(failing), len(result)))
        if failing:
            lines = [f"{v['impact']} {v['id']}: {v['help']}\n          " + "\n          ".join(v["nodes"]) for v in failing]
            if AXE_REPORT_ONLY:  # collecting every page's violations at once, while fixing them
                print(f"      axe-core on {what} ({self.path()}, {self.lang()}):\n        " + "\n        ".join(lines), flush=True)
                return
            raise WalkthroughFailure(f"axe-core on {what} ({self.path()}, {self.lang()}):\n        " + "\n        ".join(lines))

    # -- people --

    def sign_in(self, email, password=PASSWORD, lands="/"):
        self.go("/signin")
        lang = self.lang()
        self.expect_text(t(lang, "signin.title"))
        self.check_accessibility("sign-in")
        self.fill("#email", email)
        self.fill("#password", password)
        self.submit("form[action='/signin'] button[type=submit]")
        if self.path() == "/signin/second-factor":
            raise WalkthroughFailure(
                f"{email} has a second factor enrolled; the demo users have none, so the walk-throughs "
                "expect a server started with TOUCHSTONE_REQUIRE_TWO_FACTOR=false"
            )
        check(self.path() == lands, f"signing in as {email} ended on {self.path()}: {self.text()[:300]}")

    def sign_out(self):
        lang = self.lang()
        button = self.driver.find_element(
            By.XPATH, f"//form[@action='/signout']//button[{_text_is(t(lang, 'nav.sign_out'))}]"
        )
        self.open_menu_holding(button)
        check(button.is_displayed(), f"no visible '{t(lang, 'nav.sign_out')}' button on {self.path()}")
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(self.driver, WAIT).until(lambda d: _stale(old))
        self.page_ready()
        self.expect_path("/signin")
        # The session is gone, not just the page: a signed-in page sends us back.
        self.go("/catalog")
        self.expect_path("/signin")

    def save_failure(self):
        stem = Path(self.artifacts) / self.name
        try:
            self.driver.save_screenshot(str(stem) + ".png")
            Path(str(stem) + ".html").write_text(self.driver.page_source)
            return str(stem) + ".png"
        except WebDriverException as e:
            return f"(no screenshot: {e.msg})"


def _text_is(text):
    """An XPath test that an element's text, spaces normalised (no-break ones too), is `text`."""
    wanted = re.sub(r"[ \t\r\n]+", " ", text).strip(" \t\r\n")  # XPath's own normalize-space
    return f"normalize-space(translate(., '{NBSP}', ' '))={_xpath_literal(wanted)}"


def _xpath_literal(text):
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def _stale(element):
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


# (walk-through, kind of page, language, serious or critical violations, all violations)
AXE_PAGES = []

# ---- walk-throughs ---------------------------------------------------------------------------

WALKTHROUGHS = []


def walkthrough(fn):
    WALKTHROUGHS.append(fn)
    return fn


def check_phone_header(b, lang):
    """The header is one short line (it took 217 px, 27 % of the screen), the menu opens from
    its button, and the first Tab reaches a link past the header to the page's content."""
    height = b.find("header.top").size["height"]
    check(height <= 64, f"the header is {height}px tall on {b.path()}")
    check(not b.find("nav a[href='/catalog']").is_displayed(), "the menu is open before it is asked for")
    b.open_menu()
    check(b.find("nav a[href='/catalog']").is_displayed(), "the menu button does not open the menu")
    b.check_fits_phone()
    b.find("details.menu summary").click()
    b.go(b.path())
    b.driver.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
    skip = b.driver.switch_to.active_element
    check(skip.get_attribute("class") == "skip-link" and skip.is_displayed(), "the first Tab is not the skip link")
    check(skip.text == t(lang, "nav.skip"), f"the skip link says '{skip.text}'")
    skip.send_keys("\ue007")  # Enter
    check(b.driver.switch_to.active_element.tag_name == "main", "the skip link does not lead to the content")


def search_brand(b, lang, query, brand):
    """From the catalog, search `query` and open `brand` among the results."""
    b.click(link_text=t(lang, "catalog.nav"))
    b.expect_path("/catalog")
    check(b.heading() == t(lang, "catalog.title"), f"catalog heading is '{b.heading()}'")
    # Officers search the index (brands and products, typos forgiven); the label says so.
    b.expect_text(t(lang, "identify.catalog_search_label"))
    b.fill("#q", query)
    b.submit("form.search button[type=submit]")
    b.expect_path("/catalog")
    check(b.find("#q").get_attribute("value") == query, f"the search box lost '{query}'")
    names = [a.text for a in b.find_all(".brand-list a.brand-name")]
    check(brand in names, f"searching '{query}' listed {names}, not {brand}")
    products = [a.text for a in b.find_all(".found-products a.product-name")]
    check(any(p.startswith(brand) for p in products), f"searching '{query}' listed no {brand} product: {products}")
    b.click(link_text=brand)
    b.expect_path(r"/catalog/brands/\d+")
    check(b.heading().startswith(brand), f"brand page heading is '{b.heading()}'")


def identify_product(b, lang):
    """Open the brand's first product and check the card an officer compares goods with."""
    b.expect_text(t(lang, "catalog.products"))
    product = b.find(".product-list a.product-name").text
    b.click(".product-list a.product-name")
    b.expect_path(r"/catalog/products/\d+")
    if lang == "en":
        check(b.heading() == product, f"product card heading '{b.heading()}', the link said '{product}'")
    else:
        # The card is in the reader's language; the brand page still lists English names
        # (the store keeps one listing name), so only the brand part is compared.
        check(b.heading().split()[0] == product.split()[0], f"card '{b.heading()}' opened from '{product}'")
    b.expect_text(
        t(lang, "catalog.identification"),
        t(lang, "catalog.gtins"),
        t(lang, "catalog.pictures"),
        t(lang, "catalog.genuine_pictures"),
        t(lang, "catalog.counterfeit_pictures"),
        t(lang, "catalog.guide"),
        t(lang, "catalog.genuine_signs"),
        t(lang, "catalog.counterfeit_signs"),
    )
    check(re.search(r"\b\d{13}\b", b.find(".gtin").text), "no 13-digit GTIN on the card")
    genuine = b.expect_images_loaded(".compare .side.genuine img")
    counterfeit = b.expect_images_loaded(".compare .side.counterfeit img")
    # The guide as a checklist the officer ticks, with pictures beside some indicators.
    signs = b.find_all("fieldset.checklist input[type=checkbox]")
    check(len(signs) >= 2, f"the guide has {len(signs)} indicators")
    first = b.find("fieldset.checklist.genuine li label")
    check(first.text.strip(), "an indicator of the guide has no text")
    box = b.find("fieldset.checklist.genuine input[type=checkbox]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    first.click()  # its label ticks it, as a thumb would
    check(box.is_selected(), "tapping an indicator's label does not tick it")
    b.expect_images_loaded("fieldset.checklist img.indicator")
    check_tally(b, lang, box)
    # Any picture opens at full size with a tap.
    zoom = b.find(".compare .side.genuine a.zoom")
    thumb = zoom.find_element(By.TAG_NAME, "img").get_attribute("src")
    card = b.path()
    # Files are served under "sandbox; default-src 'none'" (api/media.rs, issue 13), which also
    # refuses the inline styles of Chromium's own image viewer: the picture shows, uncentred.
    b.allowed_console.append(r"/media/[0-9a-f]+ - Applying inline style violates the following Content Security Policy")
    b.click(".compare .side.genuine a.zoom")
    b.expect_path(r"/media/[0-9a-f]+")
    check(thumb.endswith(b.path() + "/thumbnail"), f"{b.path()} is not the full size of {thumb}")
    full = b.driver.execute_script("var i = document.images[0]; return i && i.complete ? i.naturalWidth : 0")
    check(full > 0, "the full-size picture did not load")
    b.driver.back()
    b.page_ready()
    b.expect_path(card)
    b.allowed_console.pop()
    return genuine, counterfeit


def check_tally(b, lang, ticked):
    """The checklist adds up the weights of what was ticked and says how far it leans, never
    more: one genuine sign ticked leans clearly genuine; then every counterfeit sign too."""
    tally = b.find("#tally")
    check(tally.is_displayed(), "the checklist's tally is not shown")
    check(b.find("#tally .lean").text == t(lang, "catalog.lean_genuine_strong"), f"tally: {tally.text}")
    b.expect_text(t(lang, "catalog.tally_caution"))
    weights = {"genuine": [0, 0], "counterfeit": [0, 0]}
    for cb in b.find_all("fieldset.checklist input[type=checkbox]"):
        side, w = cb.get_attribute("data-side"), int(cb.get_attribute("data-weight"))
        if side == "counterfeit" and not cb.is_selected():
            b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cb)
            cb.click()
        weights[side][1] += w
        if cb.is_selected():
            weights[side][0] += w
    (g, gt), (c, ct) = weights["genuine"], weights["counterfeit"]
    counts = t(lang, "catalog.tally_counts", genuine=g, genuine_total=gt, counterfeit=c, counterfeit_total=ct)
    check(b.find("#tally .counts").text == counts, f"tally counts '{b.find('#tally .counts').text}', expected '{counts}'")
    share = c / (g + c)
    lean = (
        "lean_counterfeit_strong"
        if share >= 0.75
        else "lean_counterfeit"
        if share > 0.5
        else "lean_even"
        if share == 0.5
        else "lean_genuine"
        if share > 0.25
        else "lean_genuine_strong"
    )
    check(b.find("#tally .lean").text == t(lang, f"catalog.{lean}"), f"with {g} genuine and {c} counterfeit points: {tally.text}")


@walkthrough
def officer_identifies_a_product(b):
    """An English-speaking officer signs in, finds a brand, compares a product, signs out."""
    b.sign_in(OFFICER_EN)
    check(b.lang() == "en", f"page language is {b.lang()}")
    b.expect_text(t("en", "home.welcome", name="Sam Taylor"), "UK Border Force (demo)")
    check_phone_header(b, "en")
    search_brand(b, "en", "velor", OWN_BRAND)
    b.expect_text(t("en", "catalog.contacts"))
    identify_product(b, "en")
    b.sign_out()


@walkthrough
def french_officer_sees_french(b):
    """The French customs officer gets every label in French, from sign-in to sign-out."""
    b.sign_in(OFFICER_FR)
    check(b.lang() == "fr", f"page language is {b.lang()} for a French officer")
    b.open_menu()
    b.expect_text(t("fr", "home.welcome", name="Camille Martin"), t("fr", "nav.sign_out"), "Catalogue")
    b.expect_no_text(t("en", "nav.sign_out"), t("en", "home.next"))
    search_brand(b, "fr", "VELÓ", OWN_BRAND)  # accents and capitals do not matter
    identify_product(b, "fr")
    b.expect_text("Authentique", "Contrefaçon")
    b.expect_no_text(t("en", "catalog.genuine_signs"), t("en", "catalog.counterfeit_signs"), t("en", "catalog.pictures"))
    b.sign_out()


@walkthrough
def rights_holder_sees_its_brands(b):
    """Maison Lumière sees its own brands (published), and not another owner's."""
    b.sign_in(RIGHTS_HOLDER)
    b.expect_text(t("en", "home.welcome", name="Claire Dubois"), "Maison Lumière (demo)")
    b.click(link_text=t("en", "catalog.nav"))
    b.expect_text(t("en", "catalog.intro_own"))
    badges = [s.text for s in b.find_all(".brand-list .badge")]
    check(t("en", "catalog.published") in badges, f"no published badge among {badges}")
    b.fill("#q", OTHER_OWNERS_BRAND)
    b.submit("form.search button[type=submit]")
    b.expect_text(t("en", "catalog.no_match"))
    b.fill("#q", OWN_BRAND)
    b.submit("form.search button[type=submit]")
    b.click(link_text=OWN_BRAND)
    b.expect_text(t("en", "catalog.own_note"), t("en", "catalog.products"))
    b.sign_out()


@walkthrough
def french_officer_opens_the_detention_form(b):
    """The case pages (being built): the French officer's case list and detention form read in
    French and load cleanly. Recording a whole detention is the next walk-through to add here."""
    b.sign_in(OFFICER_FR)
    b.go("/cases")
    b.expect_path("/cases")
    b.expect_text(t("fr", "cases.title"))
    b.go("/cases/new")
    b.expect_path("/cases/new")
    check(b.heading() == t("fr", "cases.new_title"), f"detention form heading is '{b.heading()}'")
    b.expect_text(t("fr", "cases.office_code"), t("fr", "cases.origin"))
    b.check_accessibility("detention form")
    # Sent without its confirmation and with a quantity that is not one: the problems are told
    # beside their fields, and the page with them is as accessible as the empty form.
    b.allowed_console.append(r"/cases - Failed to load resource: .* 422")  # the refusal's own status
    b.fill("#goods_0_description", "Sacs")
    b.fill("#goods_0_quantity", "beaucoup")
    b.submit("button[name=save][value=draft]")
    b.expect_path("/cases")
    check(b.find_all("[aria-invalid=true]"), f"no field is marked invalid: {b.text()[:300]}")
    b.check_accessibility("detention form with its problems")
    b.sign_out()


@walkthrough
def officer_office_from_the_account_page_prefills_the_detention_form(b):
    """The French officer names their customs office once, on their account page: the detention
    form then opens with it and says where it came from, and its times are asked on the
    officer's clock (France's zone). Emptied again, the form opens without it."""
    b.sign_in(OFFICER_FR)
    b.click(link_text=t("fr", "nav.account"))
    b.expect_path("/account")
    b.fill("#office_code", "FR000730")
    b.fill("#office_name", "Roissy fret")
    b.submit("form[action='/account/office'] button[type=submit]")
    b.expect_path("/account")
    b.expect_text(t("fr", "account.done.office"))
    b.go("/cases/new")
    office = (b.find("#office_code").get_attribute("value"), b.find("#office_name").get_attribute("value"))
    check(office == ("FR000730", "Roissy fret"), f"the form opened with the office {office}")
    check(b.find("#office_country").get_attribute("value") == "FR", "the office's country is not the officer's")
    source = b.find("#office-source").text
    check(source == t("fr", "cases.office_from_profile"), f"the form does not say where the office came from: {source}")
    zone = b.find("#occurred_at-zone").text
    check(zone == t("fr", "time.your_zone", zone="Europe/Paris"), f"the time is not asked on the officer's clock: {zone}")
    b.check_accessibility("detention form with the office prefilled")
    b.click("#office-source a")
    b.expect_path("/account")
    b.fill("#office_code", "")
    b.fill("#office_name", "")
    b.submit("form[action='/account/office'] button[type=submit]")
    b.go("/cases/new")
    check(b.find("#office_code").get_attribute("value") == "", "the office emptied on the account page is still prefilled")
    check(b.find("#office-source").text == t("fr", "cases.office_not_in_profile"), "the form does not say where to give the office")
    b.sign_out()


@walkthrough
def officer_sees_a_picture_of_the_genuine_product_beside_each_search_result(b):
    """On Identify, a typed brand name lists its products first, each with a small picture of the
    genuine article (loaded as it is scrolled to, described for a screen reader), and the list
    still fits the phone."""
    b.sign_in(OFFICER_EN)
    b.go("/identify")
    b.fill("#q", OWN_BRAND)
    b.submit("section[aria-labelledby=by-name] form button[type=submit]")
    b.expect_path("/identify")
    pictures = b.find_all(".identify-hits li.product-hit img.hit-picture")
    check(len(pictures) >= 3, f"{len(pictures)} product results with a picture for '{OWN_BRAND}'")
    for img in pictures[:3]:
        check(img.get_attribute("loading") == "lazy", "a result's picture is not lazy-loaded")
        alt = img.get_attribute("alt")
        check(alt.startswith(t_prefix("en", "identify.hit_picture")) and len(alt) > len(t_prefix("en", "identify.hit_picture")) + 2, f"alt text '{alt}'")
        check(re.search(r"/media/[0-9a-f]{64}/thumbnail$", img.get_attribute("src")), f"not a thumbnail: {img.get_attribute('src')}")
    b.expect_images_loaded(".identify-hits li.product-hit img.hit-picture", at_least=3)
    drawn = pictures[0].size
    check(drawn["width"] <= 64 and drawn["height"] <= 64, f"the result's picture is drawn {drawn}: small on a phone")
    b.check_fits_phone()
    b.check_accessibility("search results with pictures")
    b.click(".identify-hits li.product-hit a.product-name")
    b.expect_path(r"/catalog/products/\d+")
    b.sign_out()


@walkthrough
def wrong_password_is_refused(b):
    """A wrong password keeps the person on the sign-in page with a message they can read."""
    b.allowed_console.append(r"/signin - Failed to load resource: .* 401")  # the refusal's own status
    b.go("/signin")
    b.fill("#email", OFFICER_EN)
    b.fill("#password", "not-the-password-at-all")
    b.submit("form[action='/signin'] button[type=submit]")
    b.expect_path("/signin")
    message = b.find("#signin-error").text
    check(message.strip(), "no message after a wrong password")
    b.go("/catalog")
    b.expect_path("/signin")


# ---- a barcode photo, drawn here ---------------------------------------------------------

_EAN_L = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"]
_EAN_G = ["0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001", "0001001", "0010111"]
_EAN_R = ["1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100"]
_EAN_PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]


def check_digit(body):
    """The GS1 mod-10 check digit: weights 3 and 1 from the right."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def demo_gtin(brand, item):
    """A demo product's GTIN-13, as demo_catalog.rs makes it."""
    body = f"2{brand:06}{item:05}"
    return body + check_digit(body)


def ean13_bits(gtin):
    """The 95 modules of the EAN-13 for `gtin`, "1" for a bar."""
    d = [int(c) for c in gtin]
    bits = "101"
    for i, parity in enumerate(_EAN_PARITY[d[0]]):
        bits += (_EAN_L if parity == "L" else _EAN_G)[d[i + 1]]
    return bits + "01010" + "".join(_EAN_R[x] for x in d[7:]) + "101"


def ean13_png(gtin, module=4, quiet=14, height=160):
    """A greyscale PNG of the EAN-13 for `gtin`, wide quiet zones on both sides, as a phone
    would photograph a flat, well-lit label. Pure Python: zlib and struct only."""
    import struct
    import zlib

    bits = ean13_bits(gtin)
    row = bytes([255] * quiet * module)
    row += b"".join(bytes([0 if b == "1" else 255] * module) for b in bits)
    row += bytes([255] * quiet * module)
    width = len(row)
    margin = height // 4
    blank = b"\x00" + bytes([255] * width)
    raw = blank * margin + (b"\x00" + row) * height + blank * margin

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height + 2 * margin, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def photo_of_barcode(b, gtin):
    """Writes the barcode photo where the browser can pick it, as the phone's gallery would."""
    path = Path(b.artifacts) / f"barcode-{gtin}.png"
    path.write_bytes(ean13_png(gtin))
    return str(path)


# A phone photo as phones take them: 4000 × 3000 pixels, a JPEG of 4-6 MB with sensor grain,
# the label a little turned and a little out of focus. Drawn by Chromium's own canvas (no
# imaging library in Python here), with a seeded grain so the file is the same on every run.
_PHONE_PHOTO_JS = """
var bits = arguments[0], digits = arguments[1], grain = arguments[2], quality = arguments[3];
var done = arguments[arguments.length - 1];
var W = 4000, H = 3000, c = document.createElement("canvas");
c.width = W; c.height = H;
var g = c.getContext("2d");
var card = g.createLinearGradient(0, 0, W, H);
card.addColorStop(0, "#9a7650"); card.addColorStop(1, "#b89263");
g.fillStyle = card; g.fillRect(0, 0, W, H);
g.save(); g.translate(W / 2, H / 2); g.rotate(2 * Math.PI / 180);
var module = 12, bw = bits.length * module, bh = 620, lw = bw + 2 * 14 * module, lh = bh + 320;
g.fillStyle = "#eceae4"; g.fillRect(-lw / 2, -lh / 2, lw, lh);
g.filter = "blur(2px)";
g.fillStyle = "#1b1b1b";
for (var i = 0; i < bits.length; i++) {
  if (bits[i] === "1") g.fillRect(-bw / 2 + i * module, -lh / 2 + 90, module, bh);
}
g.font = "bold 120px monospace"; g.textAlign = "center";
g.fillText(digits, 0, -lh / 2 + 90 + bh + 150);
g.restore();
var img = g.getImageData(0, 0, W, H), d = img.data, seed = 42;
for (var p = 0; p < d.length; p += 4) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  var n = (seed >> 16) % grain - grain / 2;
  d[p] += n; d[p + 1] += n; d[p + 2] += n;
}
g.putImageData(img, 0, 0);
c.toBlob(function (blob) {
  var r = new FileReader();
  r.onload = function () { done(r.result); };
  r.readAsDataURL(blob);
}, "image/jpeg", quality);
"""


def phone_photo_jpeg(b, gtin, grain=40, quality=0.92):
    """A 12-megapixel JPEG of the EAN-13 of `gtin`, written where the browser can pick it
    (made once per run: drawing it takes Chromium about 10 s)."""
    import base64

    path = Path(b.artifacts) / f"phone-{gtin}.jpg"
    if path.exists():
        return str(path), path.stat().st_size
    b.driver.set_script_timeout(120)
    url = b.driver.execute_async_script(_PHONE_PHOTO_JS, ean13_bits(gtin), gtin, grain, quality)
    data = base64.b64decode(url.split(",", 1)[1])
    path.write_bytes(data)
    return str(path), len(data)


# ---- identify, detain, answer, coordinate ------------------------------------------------------

# Veloria (brand 0, Maison Lumière's) product 1: the walk-throughs below follow it from the
# barcode photo to the rights holder's answer.
STORY_GTIN = demo_gtin(0, 1)
# What one walk-through leaves for the next (they run in order in one process).
STORY = {}


def identify_from_photo(b, lang, gtin):
    """From the home page, through the Identify page's photo form, to the product card."""
    b.expect_text(t(lang, "identify.home_card"))
    b.click("a.identify-cta")
    b.expect_path("/identify")
    check(b.heading() == t(lang, "identify.title"), f"identify heading is '{b.heading()}'")
    b.expect_text(t(lang, "identify.photo_title"), t(lang, "identify.code_title"), t(lang, "identify.name_title"))
    b.check_accessibility("Identify")
    photo = b.find("#photo")
    check(photo.get_attribute("capture") == "environment", "the photo field does not open the rear camera")
    check(photo.get_attribute("accept") == "image/*", "the photo field does not ask for an image")
    photo.send_keys(photo_of_barcode(b, gtin))
    b.submit("form[action='/identify/photo'] button[type=submit]")
    b.expect_path(r"/catalog/products/\d+")
    sent = b.driver.execute_script("return sessionStorage.getItem('touchstone.identify')")
    check(sent, "the page's script did not send the photo (static/identify.js)")
    b.expect_text(t(lang, "identify.identified_photo", code=gtin, format="EAN-13"), t(lang, "identify.identified_check"))
    check(gtin in b.find(".gtin").text, f"the card's GTIN {b.find('.gtin').text} is not the one photographed, {gtin}")
    b.expect_text(t(lang, "catalog.genuine_pictures"), t(lang, "catalog.counterfeit_pictures"))
    b.expect_images_loaded(".compare .side.genuine img")
    b.expect_images_loaded(".compare .side.counterfeit img")
    # The photo just taken, beside the genuine reference, kept by the phone (never uploaded).
    check(b.find("#your-photo").is_displayed(), "the officer's photo is not shown beside the genuine reference")
    b.expect_images_loaded("#your-photo img")
    check(b.find("#your-photo img").get_attribute("src").startswith("data:image/jpeg"), "the officer's photo is not the kept copy")
    b.check_accessibility("card")
    dismiss = b.find("#your-photo-dismiss")
    check(dismiss.text == t(lang, "catalog.your_photo_dismiss"), f"the dismiss button says '{dismiss.text}'")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", dismiss)
    dismiss.click()
    check(not b.find_all("#your-photo"), "the officer's photo stays after dismissing it")
    return b.heading()


@walkthrough
def officer_identifies_a_product_from_a_barcode_photo(b):
    """An English-speaking officer photographs a Veloria barcode and lands on its card; a code
    typed with a wrong check digit is answered with the right digit."""
    b.allowed_console.append(r"/identify/photo - Failed to load resource: .* 422")  # the refusal's own status
    b.sign_in(OFFICER_EN)
    identify_from_photo(b, "en", STORY_GTIN)
    # A photo cut short in transfer: a sentence beside the photo field, not an error page.
    b.click("#nav-identify")
    damaged = Path(b.artifacts) / "damaged.png"
    whole = ean13_png(STORY_GTIN)
    damaged.write_bytes(whole[: len(whole) // 3])
    b.find("#photo").send_keys(str(damaged))
    b.submit_in_place("form[action='/identify/photo'] button[type=submit]")
    check(b.find("#photo-error").text == t("en", "identify.error_corrupt_file"), f"damaged photo: {b.text()[:300]}")
    check(b.heading() == t("en", "identify.title"), "a damaged photo leaves the Identify page")
    wrong = STORY_GTIN[:-1] + str((int(STORY_GTIN[-1]) + 1) % 10)
    b.fill("#code", wrong)
    b.submit("form[action='/identify'] button[type=submit]")
    b.expect_path("/identify")
    b.expect_text(t("en", "identify.check_digit", expected=STORY_GTIN[-1], found=wrong[-1]))
    check(b.find("code.gtin").text == wrong, "the code typed is not shown back")
    b.click("a.corrected")
    b.expect_path(r"/catalog/products/\d+")
    b.expect_text(t("en", "identify.identified_code", code=STORY_GTIN))
    b.sign_out()


def detention_form(b, lang, consignor):
    """Fills the detention form opened from a product card, and records the case."""
    b.click(link_text=t(lang, "cases.record_from_product"))
    b.expect_path("/cases/new")
    check(b.heading() == t(lang, "cases.new_title"), f"detention form heading is '{b.heading()}'")
    check(b.find("#goods_0_product_id").get_attribute("value"), "the product is not carried into the form")
    b.check_accessibility("detention form")
    b.fill("#office_code", "FR000730")
    b.fill("#office_name", "Roissy fret")
    b.fill("#origin_country", "CN")
    b.fill("#consignor_name", consignor)
    b.fill("#goods_0_description", "Sacs à main au logo Veloria")
    b.fill("#goods_0_quantity", "40")
    b.fill("#goods_0_unit", "pièces")
    # Detaining notifies the rights holder: a confirmation to tick, then its own button.
    confirm = b.find("#confirm_detain")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", confirm)
    if not confirm.is_selected():
        b.find("label[for=confirm_detain]").click()
    b.submit("form[action='/cases'] button#detain")
    b.expect_path(r"/cases/\d+")
    check(b.heading().startswith(t_prefix(lang, "cases.case_title")), f"case heading '{b.heading()}'")
    b.expect_text(t(lang, "cases.state.detained"), t(lang, "cases.deadlines"))
    b.check_accessibility("case page")
    return b.path()


@walkthrough
def french_officer_records_a_detention_from_a_barcode_photo(b):
    """The French officer identifies the same product from its photo, in French, and records
    its detention from the card through the form."""
    b.sign_in(OFFICER_FR)
    check(b.lang() == "fr", f"page language is {b.lang()}")
    identify_from_photo(b, "fr", STORY_GTIN)
    b.expect_no_text(t("en", "identify.identified_check"))
    STORY["case"] = detention_form(b, "fr", "Shenzhen Bright Trading Co., Ltd.")
    STORY["reference"] = b.heading()
    b.sign_out()


@walkthrough
def rights_holder_answers_the_detention(b):
    """Maison Lumière finds the detention of its Veloria product in its inbox and answers it;
    the French officer then reads the answer on the case."""
    if "case" not in STORY:  # run alone (--only): the detention is recorded here first
        officer = Browser(b.base_url, b.name + "-officer", b.artifacts)
        try:
            officer.sign_in(OFFICER_FR)
            identify_from_photo(officer, "fr", STORY_GTIN)
            STORY["case"] = detention_form(officer, "fr", "Shenzhen Bright Trading Co., Ltd.")
        finally:
            officer.close()
    case = STORY["case"]
    b.sign_in(RIGHTS_HOLDER)
    b.click("#nav-inbox")
    b.expect_path("/inbox")
    b.expect_text(t("en", "notify.title"))
    opened = b.find_all(f"form input[name=next][value='{case}']")
    check(opened, f"no notice in the inbox opens {case}")
    button = opened[0].find_element(By.XPATH, "./ancestor::form//button[@type='submit']")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    old = b.driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(b.driver, WAIT).until(lambda d: _stale(old))
    b.page_ready()
    b.expect_path(case)
    b.expect_text(t("en", "cases.your_answer"), t("en", "cases.answer.agree_destruction"))
    b.check_accessibility("case page (rights holder)")
    radio = b.find("form.answer input[name=answer][value=agree_destruction]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
    b.find(f"label[for='{radio.get_attribute('id')}']").click()
    b.fill("form.answer textarea[name=note]", "The stitching and the logo are wrong: counterfeit.")
    b.submit("form.answer button[type=submit]")
    b.expect_path(case)
    b.expect_text(t("en", "cases.done.answer"), t("en", "cases.answer.agree_destruction"))
    b.sign_out()

    b.sign_in(OFFICER_FR)
    b.click(link_text=t("fr", "cases.nav"))
    b.expect_path("/cases")
    b.click(f"a.case-ref[href='{case}']")
    b.expect_path(case)
    b.expect_text(t("fr", "cases.answered"), t("fr", "cases.answer.agree_destruction"))
    b.sign_out()


# ---- one detention in French, Spanish and Arabic, on a small phone --------------------------

# The language menu offers each language in its own name (Language::endonym).
ENDONYMS = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
# The zone the rights holder picks on its account page, per language: times in its inbox are
# then written in that zone, named ("CET", "CST"; Riyadh's has no letters: "UTC+03").
READER_ZONES = {"fr": "Europe/Paris", "es": "America/Mexico_City", "ar": "Asia/Riyadh"}
OFFICER_EN_NAME = "Sam Taylor"


def brand_edges(b):
    """The header's brand link's left and right edges, and the viewport's width."""
    return b.driver.execute_script(
        "var r = document.querySelector('header.top a.brand').getBoundingClientRect();"
        "return [r.left, r.right, window.innerWidth]"
    )


# Every element drawn past the viewport's left or right edge, unless an ancestor clips or
# scrolls it (a table in its scrolling box) or it is the skip link and visually hidden text,
# which sit off-screen on purpose. In a right-to-left page what sticks out on the right cannot
# be scrolled to, so scrollWidth does not see it: this does.
_OUTSIDE_JS = """
var W = window.innerWidth, out = [];
var all = document.body.querySelectorAll('*');
for (var i = 0; i < all.length && out.length < 5; i++) {
  var el = all[i], r = el.getBoundingClientRect();
  // Not drawn (display: none, or in the closed menu, whose rectangles Chromium still reports).
  if (!el.checkVisibility({visibilityProperty: true})) continue;
  if (r.width === 0 || r.height === 0 || (r.left >= -1 && r.right <= W + 1)) continue;
  if (el.closest('.skip-link, .visually-hidden')) continue;
  var clipped = false;
  for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
  }
  if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' from ' + Math.round(r.left) + ' to ' + Math.round(r.right) + 'px');
}
return out;
"""


def check_direction(b):
    """On every page: a right-to-left page (Arabic) is mirrored (the brand on the right) and,
    like a left-to-right one, nothing in it sticks out of the screen on either side."""
    lang = b.lang()
    direction = b.driver.execute_script("return document.documentElement.dir")
    wanted = "rtl" if lang == "ar" else "ltr"
    check(direction == wanted, f"{b.path()} in '{lang}' has dir='{direction}', expected '{wanted}'")
    if b.find_all("header.top a.brand"):
        left, right, width = brand_edges(b)
        if direction == "rtl":
            check(right >= width - 32, f"{b.path()}: the brand ends at {right:.0f}px of {width}, not on the right")
        else:
            check(left <= 32, f"{b.path()}: the brand starts at {left:.0f}px, not on the left")
    sticks_out = b.driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    check(sticks_out <= 1, f"{b.path()} ({lang}) is {sticks_out}px wider than the screen")
    outside = b.driver.execute_script(_OUTSIDE_JS)
    check(not outside, f"{b.path()} ({lang}) draws past the screen's edge: {'; '.join(outside)}")


def expect_language(lang):
    """A page check: the page is in `lang` (html lang), shows none of the English catalogue's
    longer sentences that `lang` words differently (an English sentence left on the page), and
    no moment as the API writes it (2026-12-07T09:30:00Z): moments are written for the reader."""
    english = _english_sentences(lang)

    def page_in(b):
        check(b.lang() == lang, f"{b.path()} is in '{b.lang()}', expected '{lang}'")
        body = b.text()
        left = [e for e in english if e in body]
        check(not left, f"English on the {lang} page {b.path()}: {left[:3]}")
        raw = re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d[^\s]*", body)
        check(not raw, f"{b.path()} shows moments as the API writes them: {raw[:3]}")

    return page_in


def _english_sentences(lang):
    """English messages without arguments of three words or more that `lang` words otherwise."""
    t("en", "nav.home")
    t(lang, "nav.home")
    out = []
    for fluent_id, elements in _catalogues["en"].items():
        if len(elements) != 1 or not isinstance(elements[0], str):
            continue
        key = fluent_id.replace("-", ".")
        english = t("en", key)
        if len(english.split()) >= 3 and english != t(lang, key):
            out.append(english)
    return out


def check_withheld_sections(b, lang):
    """The card's note on the parts the rights holder withholds lists them in the reader's
    language, joined as the language lists words (Arabic: "، ", not ", ")."""
    notes = b.find_all("p.withheld")
    check(notes, f"no note on withheld parts on {b.path()} (the demo withholds some from {OFFICER_EN})")
    text = notes[0].text
    check(text.startswith(t_prefix(lang, "catalog.withheld")), f"the withheld note reads '{text}'")
    labels = [t(lang, k.replace("-", ".")) for k in _catalogues[lang] if k.startswith("section-")]
    named = [label for _, label in sorted((text.index(x), x) for x in labels if x in text)]
    check(named, f"the withheld note names no part: '{text}'")
    listed = t(lang, "list.separator").join(named)
    check(listed in text, f"the withheld note lists its parts as '{text}', expected '{listed}'")


def switch_language_from_menu(b, lang):
    """Opens the header's menu and taps the language, offered in its own name; the same page
    comes back in it."""
    here = b.path()
    offered = {x.get_attribute("value"): x for x in b.find_all("form.lang button[name=lang]")}
    check(set(offered) == set(ENDONYMS), f"the language menu offers {sorted(offered)}")
    b.open_menu()
    check_direction(b)  # the open menu too
    for code, name in ENDONYMS.items():
        check(offered[code].text == name, f"the menu names {code} '{offered[code].text}', not '{name}'")
        check(offered[code].get_attribute("lang") == code, f"the {code} button is not marked lang={code}")
    b.click(f"form.lang button[name=lang][value='{lang}']")
    b.expect_path(here)
    check(b.lang() == lang, f"after choosing {ENDONYMS[lang]} the page is in '{b.lang()}'")
    current = b.find(f"form.lang button[value='{lang}']").get_attribute("aria-current")
    check(current == "true", f"the menu does not mark {ENDONYMS[lang]} as the current language")
    check(b.find("details.menu summary").text.startswith(t(lang, "nav.menu")), "the menu button is not translated")
    height = b.find("header.top").size["height"]
    check(height <= 64, f"the header is {height}px tall in {lang} on {b.path()}: one line on a phone")


def choose_language_on_account_page(b, lang, zone):
    """The account page's language and time zone: both saved, the page answers in `lang`."""
    b.click(link_text=t(b.lang(), "nav.account"))
    b.expect_path("/account")
    Select(b.find("#language-choice")).select_by_value(lang)
    Select(b.find("#time_zone")).select_by_value(zone)
    b.submit("form[action='/account/language'] button[type=submit]")
    b.expect_path("/account")
    check(b.lang() == lang, f"after saving {lang} the account page is in '{b.lang()}'")
    b.expect_text(t(lang, "account.done.language"))
    check(b.find("#language-choice").get_attribute("value") == lang, "the language chosen is not selected")
    check(b.find("#time_zone").get_attribute("value") == zone, f"the zone chosen ({zone}) is not selected")


def moment_in(lang, rfc3339, zone):
    """A moment as the server writes it for a reader of `lang` in `zone` (i18n/time.rs):
    "7 déc. 2026, 09:30 CET"; None where Python has no tz database to compute it with."""
    from datetime import datetime

    try:
        from zoneinfo import ZoneInfo

        local = datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).astimezone(ZoneInfo(zone))
    except Exception:  # noqa: BLE001 - no tzdata here: the check is skipped, not failed
        return None
    label = local.tzname()
    if label[:1] in "+-":  # no letters for the zone: the server writes its offset
        offset = local.utcoffset().total_seconds()
        sign, offset = ("−", -offset) if offset < 0 else ("+", offset)
        hours, minutes = int(offset // 3600), int(offset % 3600 // 60)
        label = f"UTC{sign}{hours:02}" + (f":{minutes:02}" if minutes else "")
    return t(
        lang,
        "time.datetime",
        day=local.day,
        month=t(lang, f"time.month_{local.month}"),
        year=local.year,
        time=f"{local.hour:02}:{local.minute:02}",
        zone=label,
    )


def restore_english(base_url, artifacts, email):
    """Puts a demo user back in English with their country's zone, through their account page,
    so that a walk-through failing half-way does not leave the next ones in another language."""
    b = Browser(base_url, f"restore-{email}", artifacts)
    try:
        b.sign_in(email)
        b.go("/account")
        Select(b.find("#language-choice")).select_by_value("en")
        Select(b.find("#time_zone")).select_by_value("")
        b.submit("form[action='/account/language'] button[type=submit]")
    except Exception as e:  # noqa: BLE001 - best effort, after the failure already reported
        print(f"      could not put {email} back in English: {e}", flush=True)
    finally:
        b.close()


def detention_answered_in(b, lang):
    """The English-speaking officer switches to `lang` from the menu, identifies the Veloria
    product from its barcode photo and records its detention; Maison Lumière's user chooses
    `lang` and a time zone on their account page, reads the notice in the inbox in `lang` (its
    time in their zone), opens the case and answers; the officer reads the answer. Every page
    is in `lang`, with no English sentence of the catalogue left on it, and, in Arabic, mirrored
    and within the screen; both go back to English at the end."""
    b.page_checks.append(check_direction)
    in_lang = expect_language(lang)
    changed = set()
    try:
        # The officer, from the menu.
        b.sign_in(OFFICER_EN)
        check(b.lang() == "en", f"{OFFICER_EN} starts in '{b.lang()}'")
        changed.add(OFFICER_EN)
        switch_language_from_menu(b, lang)
        b.page_checks.append(in_lang)
        in_lang(b)
        b.expect_text(t(lang, "home.welcome", name=OFFICER_EN_NAME))
        # The catalogue's typography reaches the page as written (French: a no-break space
        # before ":"), which element.text would not show.
        shown = b.driver.execute_script("return document.body.innerText")
        check(t_exact(lang, "identify.home_card") in shown, f"'{t_exact(lang, 'identify.home_card')}' not on the page")
        identify_from_photo(b, lang, STORY_GTIN)
        check_withheld_sections(b, lang)
        box = b.find("fieldset.checklist.genuine input[type=checkbox]")
        b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        b.find("fieldset.checklist.genuine li label").click()
        check_tally(b, lang, box)
        case = detention_form(b, lang, f"Shenzhen Bright Trading Co., Ltd. ({lang})")
        reference = b.heading()[len(t_prefix(lang, "cases.case_title")) :].strip(FSI + PDI + " ")
        check(reference, f"no reference in the case heading '{b.heading()}'")
        b.page_checks.remove(in_lang)
        b.sign_out()  # the sign-in page is now in `lang` too: the menu's choice is kept in a cookie
        check(b.lang() == lang, f"the sign-in page after signing out is in '{b.lang()}'")

        # The rights holder, from the account page, with a time zone.
        b.sign_in(RIGHTS_HOLDER)
        check(b.lang() == "en", f"{RIGHTS_HOLDER} starts in '{b.lang()}' (their own language, not the cookie's)")
        changed.add(RIGHTS_HOLDER)
        choose_language_on_account_page(b, lang, READER_ZONES[lang])
        b.page_checks.append(in_lang)
        in_lang(b)
        b.click("#nav-inbox")
        b.expect_path("/inbox")
        check(b.heading() == t(lang, "notify.title"), f"inbox heading '{b.heading()}'")
        subject = t(lang, "notice.case_detained.subject", case=reference)
        notices = [
            li
            for li in b.find_all("ul.inbox li")
            if li.find_elements(By.CSS_SELECTOR, f"input[name=next][value='{case}']")
            and li.find_element(By.TAG_NAME, "h2").text == subject
        ]
        check(notices, f"no notice '{subject}' in the inbox opening {case}: {b.text()[:400]}")
        notice = notices[0]
        # The goods as the officer wrote them (verbatim), then the catalogue's sentence.
        body = notice.find_element(By.CSS_SELECTOR, "p.body").text
        goods = "40 pièces Sacs à main au logo Veloria"
        check(body.startswith(goods) and body.endswith(t(lang, "notice.case_detained.body")), f"notice body '{body}'")
        when = notice.find_element(By.TAG_NAME, "time")
        expected = moment_in(lang, when.get_attribute("datetime"), READER_ZONES[lang])
        check(expected is None or when.text == expected, f"the notice's time '{when.text}', expected '{expected}'")
        button = notice.find_element(By.CSS_SELECTOR, "form:has(input[name=next]) button[type=submit]")
        check(button.text == t(lang, "notify.open"), f"the notice's button says '{button.text}'")
        b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        old = b.driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(b.driver, WAIT).until(lambda d: _stale(old))
        b.page_ready()
        b.expect_path(case)
        b.expect_text(t(lang, "cases.your_answer"), t(lang, "cases.answer.agree_destruction"))
        b.check_accessibility("case page (rights holder)")
        radio = b.find("form.answer input[name=answer][value=agree_destruction]")
        b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
        b.find(f"label[for='{radio.get_attribute('id')}']").click()
        b.fill("form.answer textarea[name=note]", "Couture et logo non conformes.")
        b.submit("form.answer button[type=submit]")
        b.expect_path(case)
        b.expect_text(t(lang, "cases.done.answer"), t(lang, "cases.answer.agree_destruction"))
        b.page_checks.remove(in_lang)
        choose_language_on_account_page(b, "en", "")
        changed.discard(RIGHTS_HOLDER)
        b.sign_out()

        # The officer reads the answer, still in `lang` (their account keeps it), then goes back.
        b.sign_in(OFFICER_EN)
        b.page_checks.append(in_lang)
        in_lang(b)
        b.click(link_text=t(lang, "cases.nav"))
        b.expect_path("/cases")
        b.click(f"a.case-ref[href='{case}']")
        b.expect_path(case)
        b.expect_text(t(lang, "cases.answered"), t(lang, "cases.answer.agree_destruction"))
        b.page_checks.remove(in_lang)
        switch_language_from_menu(b, "en")
        changed.discard(OFFICER_EN)
        b.expect_text(t("en", "cases.answered"), t("en", "cases.answer.agree_destruction"))
        b.sign_out()
    finally:
        for email in sorted(changed):
            restore_english(b.base_url, b.artifacts, email)


def _detention_answered_walkthrough(lang):
    def run(b):
        detention_answered_in(b, lang)

    run.__name__ = f"detention_recorded_and_answered_in_{lang}"
    run.__doc__ = detention_answered_in.__doc__.replace("`lang`", ENDONYMS[lang])
    run.width = SMALL_PHONE
    return walkthrough(run)


for _lang in ("fr", "es", "ar"):
    _detention_answered_walkthrough(_lang)


@walkthrough
def police_target_meets_a_customs_detention(b):
    """The police coordinator registers an operation targeting a company; customs detains goods
    from the same company spelt differently; the coordinator sees the hit, not the case."""
    b.sign_in(COORDINATOR)
    check(b.lang() == "fr", f"page language is {b.lang()} for the French coordinator")
    b.click(link_text=t("fr", "ops.nav"))
    b.expect_path("/operations")
    b.expect_text(t("fr", "ops.new"))
    name = f"Opération Sablier {int(time.time())}"
    form = "form[action='/operations']"
    b.fill(f"{form} input[name=name]", name)
    b.fill(f"{form} input[name=kind]", "enquête")
    Select(b.find(f"{form} select[name=status]")).select_by_value("active")
    check(b.find(f"{form} input[name=starts_on]").get_attribute("value"), "the start date is not prefilled")
    b.fill(f"{form} input[name=contact_name]", "Julien Moreau")
    b.fill(f"{form} input[name=contact_phone]", "+33 1 23 45 67 89")
    b.submit(f"{form} button[type=submit]")
    b.expect_path(r"/operations/\d+")
    b.expect_text(name, t("fr", "ops.targets"))
    operation = b.path()
    targets = f"form[action='{operation}/targets']"
    Select(b.find(f"{targets} select[name=kind]")).select_by_value("company")
    b.fill(f"{targets} input[name=value]", "ACME Trading Ltd.")
    b.fill(f"{targets} input[name=country]", "FR")
    b.submit(f"{targets} button[type=submit]")
    b.expect_path(operation)
    b.expect_text("ACME Trading Ltd.", t("fr", "ops.kinds.company"))
    b.sign_out()

    officer = Browser(b.base_url, b.name + "-officer", b.artifacts)
    try:
        officer.sign_in(OFFICER_FR)
        officer.go("/identify")
        officer.fill("#code", STORY_GTIN)
        officer.submit("form[action='/identify'] button[type=submit]")
        officer.expect_path(r"/catalog/products/\d+")
        detention_form(officer, "fr", "Acme trading limited")
        officer.sign_out()
    finally:
        officer.close()

    b.sign_in(COORDINATOR)
    b.click(link_text=t("fr", "ops.nav"))
    b.click(link_text=t("fr", "ops.hits_link"))
    b.expect_path("/coordination")
    # The matcher runs every second in the server; a few reloads at most.
    deadline = time.monotonic() + WAIT
    while not b.find_all("ul.hits li.hit") and time.monotonic() < deadline:
        time.sleep(1)
        b.go("/coordination")
    hits = b.find_all("ul.hits li.hit")
    check(hits, f"no hit on {b.path()}: {b.text()[:400]}")
    text = hits[0].text
    check("ACME Trading Ltd." in text, f"the hit does not name the target: {text}")
    check(t("fr", "ops.match.detention") in text, f"the hit is not a detention: {text}")
    check("Douane française" in text, f"the hit does not say whom to call: {text}")
    b.expect_no_text("Acme trading limited", "Roissy fret")  # nothing of the customs file
    b.sign_out()


@walkthrough
def an_agency_is_granted_access_and_both_sides_acknowledge_a_hit(b):
    """The gendarmerie, without a grant, asks for access; the platform administrator grants it
    from the page in the French customs' name; customs detains goods from "Shenzhen Brightstar
    Trading Co., Ltd."; the gendarme registers an operation targeting "Bright Star Trading
    (Shenzhen)" and both sides see the other's named contact and their own item, then say what
    they decided."""
    stamp = int(time.time())
    b.sign_in(GENDARME, lands="/access")  # an agency without a grant starts from its access page
    check(not b.find_all("a[href='/operations']"), "the menu offers operations to an agency without a grant")
    b.click("#nav-access")
    b.expect_path("/access")
    b.expect_text("Douane française (démo)")
    box = b.find("input[name=scope][value=coordination]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    b.fill("textarea[name=reason]", f"Enquête contrefaçon {stamp}")
    b.submit("form[action='/access'] button[type=submit]")
    b.expect_path("/access")
    b.expect_text(t("fr", "grants.request_sent"))
    b.sign_out()

    admin = Browser(b.base_url, b.name + "-admin", b.artifacts)
    try:
        admin.sign_in(ADMIN)
        admin.click("#nav-grants")
        admin.expect_path("/admin/grants")
        admin.expect_text(f"Enquête contrefaçon {stamp}")
        answer = admin.find_all("li.request a[href*='request=']")
        check(answer, "no request to answer on /admin/grants")
        admin.click(css="li.request a[href*='request=']")
        check(admin.find("input[name=request]").get_attribute("value"), "the request is not carried into the form")
        Select(admin.find("select[name=grantor]")).select_by_visible_text("Douane française (démo) (FR)")
        admin.submit("form[action='/admin/grants'] button[type=submit]")
        admin.expect_path("/admin/grants")
        admin.expect_text("Gendarmerie nationale (démo)", t("en", "grants.in_force"))
        admin.sign_out()
    finally:
        admin.close()

    officer = Browser(b.base_url, b.name + "-officer", b.artifacts)
    try:
        officer.sign_in(OFFICER_FR)
        officer.go("/identify")
        officer.fill("#code", STORY_GTIN)
        officer.submit("form[action='/identify'] button[type=submit]")
        officer.expect_path(r"/catalog/products/\d+")
        case = detention_form(officer, "fr", "Shenzhen Brightstar Trading Co., Ltd.")
        officer.sign_out()
    finally:
        officer.close()
    time.sleep(2)  # the detention matcher keeps the case's keyed forms within a second

    b.sign_in(GENDARME)
    b.click(link_text=t("fr", "ops.nav"))
    b.expect_path("/operations")
    form = "form[action='/operations']"
    b.fill(f"{form} input[name=name]", f"Opération Étoile {stamp}")
    b.fill(f"{form} input[name=kind]", "enquête")
    Select(b.find(f"{form} select[name=status]")).select_by_value("active")
    b.fill(f"{form} input[name=contact_name]", "Inès Garnier")
    b.fill(f"{form} input[name=contact_phone]", "+33 1 98 76 54 32")
    tell = b.find(f"{form} input[name=tell_detaining_officer]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", tell)
    if not tell.is_selected():
        tell.click()
    b.submit(f"{form} button[type=submit]")
    b.expect_path(r"/operations/\d+")
    operation = b.path()
    targets = f"form[action='{operation}/targets']"
    Select(b.find(f"{targets} select[name=kind]")).select_by_value("company")
    b.fill(f"{targets} input[name=value]", "Bright Star Trading (Shenzhen)")
    b.submit(f"{targets} button[type=submit]")
    b.expect_text(t("fr", "ops.targets_added", hits="1"))
    hit = b.find("section[aria-labelledby=op-hits] li.hit")
    check("Douane française" in hit.text and "Camille Martin" in hit.text, f"no customs contact to call: {hit.text}")
    check("Bright Star Trading (Shenzhen)" in hit.text, f"the hit does not name the own target: {hit.text}")
    b.expect_no_text("Roissy fret")  # nothing of the customs file
    go = hit.find_element(By.CSS_SELECTOR, "button[value=go_ahead]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", go)
    old = b.driver.find_element(By.TAG_NAME, "html")
    go.click()
    WebDriverWait(b.driver, WAIT).until(lambda d: _stale(old))
    b.page_ready()
    b.expect_text(t("fr", "ops.you_said"), t("fr", "ops.ack.go_ahead"))
    b.sign_out()

    officer = Browser(b.base_url, b.name + "-officer2", b.artifacts)
    try:
        officer.sign_in(OFFICER_FR)
        officer.go(case)
        officer.expect_text("Gendarmerie nationale (démo)", "Inès Garnier", t("fr", "ops.other_said"))
        officer.expect_no_text(f"Opération Étoile {stamp}")  # nothing of the gendarmerie's file
        merge = officer.find("section.hits-on-case button[value=merge]")
        officer.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", merge)
        old = officer.driver.find_element(By.TAG_NAME, "html")
        merge.click()
        WebDriverWait(officer.driver, WAIT).until(lambda d: _stale(old))
        officer.page_ready()
        officer.expect_text(t("fr", "ops.you_said"), t("fr", "ops.ack.merge"))
        officer.sign_out()
    finally:
        officer.close()


# ---- a phone photo on a slow network ---------------------------------------------------------

# Chrome DevTools' network presets (throughputs in bytes per second, latency in ms), as its
# "Slow 3G" and "Fast 3G" throttling set them.
SLOW_3G = {"latency": 400 * 5, "download_throughput": 500 * 1024 / 8 * 0.8, "upload_throughput": 500 * 1024 / 8 * 0.8}
FAST_3G = {
    "latency": 150 * 3.75,
    "download_throughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "upload_throughput": 750 * 1024 / 8 * 0.9,
}
PHOTO_TO_CARD_LIMIT = 60  # seconds, issue 15


def photo_to_card_on(b, network, conditions):
    """Signed in on the home page, the officer taps Identify, takes a 12-megapixel photo of a
    demo product's EAN-13 and lands on its card: three screens, timed on the emulated network."""
    import json

    b.sign_in(OFFICER_EN)
    photo, size = phone_photo_jpeg(b, STORY_GTIN)
    check(4_000_000 <= size <= 6_000_000, f"the phone photo is {size} bytes, not 4-6 MB")
    b.go("/")
    b.driver.set_network_conditions(offline=False, **conditions)
    started = time.monotonic()
    b.click("header.top a.quick")  # screen 2 of 3; the shortcut is on every page's header
    b.expect_path("/identify")
    b.find("#photo").send_keys(photo)
    chosen = time.monotonic()
    submit = b.find("#photo-submit")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", submit)
    old = b.driver.find_element(By.TAG_NAME, "html")
    submit.click()
    # While it goes: the button cannot send it twice, and the page says how far it is.
    disabled, progress = False, set()
    while not _stale(old) and time.monotonic() - started < 2 * PHOTO_TO_CARD_LIMIT:
        try:
            disabled = disabled or not submit.is_enabled()
            status = b.find("#photo-status").text
            if "%" in status:
                progress.add(status)
        except WebDriverException:
            break
        time.sleep(0.1)
    WebDriverWait(b.driver, 2 * PHOTO_TO_CARD_LIMIT).until(lambda d: _stale(old))
    b.page_ready()
    arrived = time.monotonic()
    b.expect_path(r"/catalog/products/\d+")  # screen 3 of 3
    check(STORY_GTIN in b.find(".gtin").text, f"the card's GTIN {b.find('.gtin').text} is not {STORY_GTIN}")
    b.expect_text(t("en", "identify.identified_photo", code=STORY_GTIN, format="EAN-13"))
    sent = json.loads(b.driver.execute_script("return sessionStorage.getItem('touchstone.identify')") or "{}")
    b.driver.delete_network_conditions()
    total, from_photo = arrived - started, arrived - chosen
    how = sent.get("path", "?")
    if how == "shrunk":
        how += f" ({size:,} B photo sent as a {sent['width']}x{sent['height']} copy of {sent['sent']:,} B)"
    elif how == "detector":
        how += " (BarcodeDetector read the code in the browser; only the code was sent)"
    print(
        f"      {network}: photo to card {total:.1f} s (home -> Identify -> card; "
        f"{from_photo:.1f} s from the photo chosen); path: {how}",
        flush=True,
    )
    check(sent.get("path") in ("shrunk", "detector"), f"the 12 MP photo was sent as it was: {sent}")
    if sent.get("path") == "shrunk":
        check(disabled, "the button could be tapped again while the photo was being sent")
        check(progress, "no upload progress was shown while the photo was being sent")
        # Filled from the catalogue's "{ $percent } % of { $size }" by static/identify.js.
        check(not any("{" in p for p in progress), f"the progress shows a placeholder: {sorted(progress)}")
    check(total < PHOTO_TO_CARD_LIMIT, f"photo to card took {total:.1f} s on {network}, over {PHOTO_TO_CARD_LIMIT} s")


@walkthrough
def officer_photo_to_card_on_slow_3g(b):
    """A 12 MP phone photo reaches the right card in under a minute on Slow 3G."""
    photo_to_card_on(b, "Slow 3G", SLOW_3G)


@walkthrough
def officer_photo_to_card_on_fast_3g(b):
    """The same on Fast 3G, measured for docs/BENCHMARKS.md."""
    photo_to_card_on(b, "Fast 3G", FAST_3G)


# ---- without network --------------------------------------------------------------------------

class Link:
    """The phone's network, between the browser and the server: a TCP relay that can be cut.
    Chromium's network emulation (offline) does not reach a service worker's own fetches, so
    the walk-through cuts both: the emulation (the page sees `navigator.onLine` false) and this
    relay (every connection, the worker's too, is refused, as on a phone without coverage)."""

    def __init__(self, base_url):
        target = urlparse(base_url)
        self.target = (target.hostname, target.port)
        self.up = True
        self.conns = []
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen(64)
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            self.conns += [client, server]
            threading.Thread(target=self.relay, args=(client, server), daemon=True).start()

    def relay(self, a, b):
        try:
            while self.up:
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for r in ready:
                    data = r.recv(65536)
                    if not data:
                        return
                    (b if r is a else a).sendall(data)
        except OSError:
            pass
        finally:
            a.close()
            b.close()

    def cut(self, b):
        """No network: the emulation and the relay both."""
        self.up = False
        for c in self.conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.conns = []
        emulate_offline(b, True)

    def restore(self, b):
        self.up = True
        emulate_offline(b, False)

    def close(self):
        self.up = False
        self.listener.close()


def emulate_offline(b, offline):
    b.driver.execute_cdp_cmd("Network.enable", {})
    b.driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions", {"offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    )


def kept_cards(b):
    """The service worker's index of kept cards, as the page reads it."""
    return b.driver.execute_async_script(
        """
        var done = arguments[arguments.length - 1];
        caches.keys().then(function (names) {
          var pages = names.filter(function (n) { return /-pages$/.test(n); })[0];
          return pages ? caches.open(pages).then(function (c) { return c.match('/__touchstone/cards.json'); }) : null;
        }).then(function (r) { return r ? r.json() : {cards: {}}; }).then(function (i) { done(i.cards); }, function () { done({}); });
        """
    )


def case_count(b):
    b.go("/cases")
    return len(b.find_all("ul.case-list li"))


@walkthrough
def officer_works_without_network(b):
    """The officer opens a card online; without network a typed code reaches the kept card, and
    a detention recorded then, with a photo of the goods, survives a reload and is sent once,
    photo included, when the network returns."""
    # What a phone logs while its network is cut: failed loads are expected, not script errors.
    b.allowed_console += [r"Failed to load resource: net::ERR_", r"Failed to fetch", r"net::ERR_FAILED", r"/sw\.js"]
    started = time.monotonic()
    link = Link(b.base_url)
    b.base_url = link.url  # the phone reaches the server through a network that can be cut
    try:
        offline_walk(b, link, started)
    finally:
        link.close()


def attach_photo(b, path, lang="en"):
    """Chooses a photo in the detention form's photo field (the camera on a phone) and waits
    for the page's copy of it: a 12 MP photo goes as a JPEG of about 1,600 px."""
    field = b.find("#photos")
    check(field.get_attribute("capture") == "environment" and field.get_attribute("multiple") is not None, "the photo field does not open the rear camera for several photos")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.send_keys(path)
    ready = t(lang, "cases.photos_ready", count=1)
    WebDriverWait(b.driver, 60).until(lambda d: b.find("#photos-status").text == ready)
    sent = b.driver.execute_script("var f = document.getElementById('photos').files[0]; return [f.size, f.type]")
    check(sent[0] < 1024 * 1024 and sent[1] == "image/jpeg", f"the photo the form will send: {sent}")
    b.expect_images_loaded("#photos-chosen img")


def offline_walk(b, link, started):
    photo, photo_bytes = phone_photo_jpeg(b, STORY_GTIN)  # drawn while online: it takes a while
    b.sign_in(OFFICER_EN)
    b.go("/identify")
    WebDriverWait(b.driver, WAIT).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
    check(b.driver.execute_script("return document.querySelector('link[rel=manifest]').href").endswith("/manifest.webmanifest"), "no manifest")
    before = case_count(b)
    b.go("/cases/new")  # kept by the service worker: the form opens without network
    b.go("/identify")  # kept too
    b.fill("#code", STORY_GTIN)
    b.submit("form[action='/identify'] button[type=submit]")  # one card: the code opens it
    b.expect_path(r"/catalog/products/\d+")
    card, title = b.path(), b.heading()
    WebDriverWait(b.driver, WAIT).until(lambda d: card in kept_cards(b))
    b.go("/identify")
    count = t("en", "offline.store", count=1, size="@", when="@").split("@")[0].rstrip(" (")
    WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#offline-store").text.strip())
    check(b.find("#offline-store").text.startswith(count), f"the kept cards are not told: {b.find('#offline-store').text}")
    online_s = time.monotonic() - started

    # The network goes.
    link.cut(b)
    b.go("/identify")
    check(b.find_all("#kept-banner"), "the kept Identify page does not say it is kept data")
    b.fill("#code", " ".join([STORY_GTIN[0], STORY_GTIN[1:7], STORY_GTIN[7:]]))  # as printed
    b.submit("form[action='/identify'] button[type=submit]")
    b.expect_path(re.escape(card))
    check(b.heading() == title, f"offline, the typed code opened '{b.heading()}', not the kept card '{title}'")
    kept_words = t("en", "offline.kept", when="@").split("@")[0]
    check(b.find("#kept-banner").text.startswith(kept_words), f"the kept card does not say so: {b.text()[:200]}")
    b.go("/identify?code=4006381333931")
    check(b.find_all("#no-kept-card"), "a code with no kept card is not told")

    b.go("/cases/new")
    b.expect_path("/cases/new")
    consignor = f"Offline Trading {int(time.time())}"
    b.fill("#office_code", "GB000060")
    b.fill("#office_name", "Dover")
    b.fill("#origin_country", "CN")
    b.fill("#consignor_name", consignor)
    b.fill("#goods_0_description", "Veloria handbags")
    b.fill("#goods_0_quantity", "12")
    b.fill("#goods_0_unit", "pieces")
    b.fill("#goods_0_product_id", card.rsplit("/", 1)[1])
    attach_photo(b, photo)
    confirm = b.find("#confirm_detain")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", confirm)
    b.find("label[for=confirm_detain]").click()
    b.find("button#detain").click()
    WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#queued-notice"))
    check(b.find("#queued-notice").text == t("en", "offline.queued"), f"queued notice: {b.find('#queued-notice').text}")
    check(len(b.find_all("#offline-queue li.queue-waiting")) == 1, "the detention is not shown waiting")
    b.driver.refresh()  # still without network: the queue is on the phone
    b.page_ready()
    waiting = b.find_all("#offline-queue li.queue-waiting")
    check(len(waiting) == 1 and consignor in waiting[0].text, f"after a reload the queue shows {[w.text for w in waiting]}")
    photos_told = t("en", "offline.photos", count=1)
    check(photos_told in waiting[0].text, f"the queued detention does not say it holds its photo: {waiting[0].text}")
    offline_s = time.monotonic() - started - online_s

    # The network returns: the page sends the queue (the `online` event; Background Sync too).
    link.restore(b)
    WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#offline-queue li.queue-sent a.queue-case"))
    case = urlparse(b.find("#offline-queue li.queue-sent a.queue-case").get_attribute("href")).path
    b.go("/cases/new")  # opening a page sends nothing more
    check(len(b.find_all("#offline-queue li")) == 1 and b.find_all("#offline-queue li.queue-sent"), "the queue changed")
    b.go(case)
    b.expect_text(consignor, t("en", "cases.state.detained"))
    check(b.expect_images_loaded(".case-photos img") == 1, "the case does not show its one photo")
    b.check_accessibility("case page with photos")
    after = case_count(b)
    check(after == before + 1, f"{after - before} cases were recorded from one detention queued offline")

    # A network that is there but reaches nothing (the phone says online): the service worker
    # queues the posted form itself, and the queue goes when a page opens with the network back.
    link.cut(b)
    emulate_offline(b, False)
    b.go("/cases/new")
    second = consignor + " (bis)"
    b.fill("#office_code", "GB000060")
    b.fill("#office_name", "Dover")
    b.fill("#consignor_name", second)
    b.fill("#goods_0_description", "Veloria scarves")
    b.fill("#goods_0_quantity", "5")
    b.fill("#goods_0_unit", "pieces")
    b.fill("#goods_0_brand", OWN_BRAND)
    b.submit("button[name=save][value=draft]")
    b.expect_path("/cases/new")
    check(b.find_all("#queued-notice"), f"the service worker did not queue the posted form: {b.text()[:300]}")
    waiting = b.find_all("#offline-queue li.queue-waiting")
    check(len(waiting) == 1 and second in waiting[0].text, f"queued by the worker: {[w.text for w in waiting]}")
    link.restore(b)
    b.go("/cases")
    WebDriverWait(b.driver, WAIT).until(lambda d: not b.find_all("#offline-queue li.queue-waiting"))
    sent = b.find_all("#offline-queue li.queue-sent")
    check(len(sent) == 2, f"the queue after the network returned: {b.find('#offline-queue').text}")
    check(case_count(b) == before + 2, "the second detention did not land once")

    # A detention the server refuses (no office, no brand) is shown refused, with the server's words.
    link.cut(b)
    b.go("/cases/new")
    b.fill("#consignor_name", consignor + " (ter)")
    b.fill("#goods_0_description", "Unmarked bags")
    b.fill("#goods_0_quantity", "3")
    b.fill("#goods_0_unit", "pieces")
    b.find("button[name=save][value=draft]").click()  # queued by the page: no new page
    WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#queued-notice"))
    link.restore(b)
    b.allowed_console.append(r"/cases - Failed to load resource: .* 422")  # the refusal's own status
    b.go("/cases")
    WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#offline-queue li.queue-refused"))
    refused = b.find("#offline-queue li.queue-refused").text
    told = refused.split(t("en", "offline.refused"), 1)
    check(len(told) == 2 and len(told[1].strip(" ·")) > 10, f"the refusal is not told with the server's words: {refused}")
    check(case_count(b) == before + 2, "a refused detention made a case")
    holder = Browser(b.base_url, b.name + "-rights-holder", b.artifacts)
    try:
        holder.sign_in(RIGHTS_HOLDER)
        holder.go("/inbox")
        notices = holder.find_all(f"form input[name=next][value='{case}']")
        check(len(notices) == 1, f"the rights holder got {len(notices)} notices of {case}")
    finally:
        holder.close()
    print(
        f"      offline walk-through: online part {online_s:.1f} s, offline part {offline_s:.1f} s, "
        f"sent and checked {time.monotonic() - started - online_s - offline_s:.1f} s",
        flush=True,
    )


@walkthrough
def officer_keeps_a_brand_on_the_phone(b):
    """The officer pins a brand from its page: every card of the brand is kept on the phone, and
    without network a code of a product never opened reaches its kept card; Identify names the
    brands kept; unpinning is one tap."""
    b.allowed_console += [r"Failed to load resource: net::ERR_", r"Failed to fetch", r"net::ERR_FAILED", r"/sw\.js"]
    link = Link(b.base_url)
    b.base_url = link.url
    try:
        b.sign_in(OFFICER_EN)
        b.go("/identify")
        WebDriverWait(b.driver, WAIT).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
        b.go(f"/identify?code={demo_gtin(3, 0)}")
        b.expect_path(r"/catalog/products/\d+")
        b.click(".crumbs a[href^='/catalog/brands/']")
        b.expect_path(r"/catalog/brands/\d+")
        brand = b.path()
        listed = len(b.find_all(".product-list a.product-name"))
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-brand").is_displayed())
        button = b.find("#pin-button")
        check(button.text == t("en", "offline.pin"), f"the pin button says '{button.text}'")
        button.click()
        done = t_prefix("en", "offline.pinned_done") + f"{listed} "
        WebDriverWait(b.driver, 60).until(lambda d: b.find("#pin-status").text.startswith(done))
        check(b.find("#pin-button").text == t("en", "offline.unpin"), "the button does not offer to unpin")
        name = b.heading()
        b.go("/identify")
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#offline-pins"))
        check(name in b.find("#offline-pins").text, f"Identify does not name the kept brand: {b.find('#offline-pins').text}")

        link.cut(b)
        b.go(f"/identify?code={demo_gtin(3, 2)}")  # a card never opened, kept with its brand
        b.expect_path(r"/catalog/products/\d+")
        check(b.find_all("#kept-banner"), "the pinned brand's card does not say it is kept data")
        b.expect_text(t("en", "catalog.genuine_pictures"))
        link.restore(b)

        b.go(brand)
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-button").text == t("en", "offline.unpin"))
        b.find("#pin-button").click()
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-button").text == t("en", "offline.pin"))
    finally:
        link.close()


@walkthrough
def officer_keeps_a_sector_on_the_phone(b):
    """From a brand page the officer opens its sector and keeps every card of it on the phone:
    the page says how many cards, how many megabytes and when they were synced; Identify says
    what the kept brands and sectors take of the phone's budget; without network a code of a
    card never opened reaches its kept card. A second sector would pass the budget of cards:
    it is refused, and nothing of it is kept."""
    b.allowed_console += [r"Failed to load resource: net::ERR_", r"Failed to fetch", r"net::ERR_FAILED", r"/sw\.js"]
    link = Link(b.base_url)
    b.base_url = link.url
    try:
        b.sign_in(OFFICER_EN)
        b.go("/identify")
        WebDriverWait(b.driver, WAIT).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
        b.go(f"/identify?code={demo_gtin(1, 0)}")  # demo brand 1 trades in luxury, as every ninth does
        b.expect_path(r"/catalog/products/\d+")
        b.click(".crumbs a[href^='/catalog/brands/']")
        b.click("#sector-link")
        b.expect_path(r"/catalog/sectors/[a-z_]+")
        sector, title = b.path(), b.heading()
        listed = len(b.find_all(".product-list a.product-name"))
        check(listed > 100, f"the sector page lists {listed} cards")
        check(f": {listed} " in b.find("#sector-size").text, f"the page does not say how many cards: {b.find('#sector-size').text}")
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-sector").is_displayed())
        button = b.find("#pin-button")
        check(button.text == t("en", "offline.pin_sector"), f"the pin button says '{button.text}'")
        b.check_accessibility("sector page")
        pinned_at = time.monotonic()
        button.click()
        done = t_prefix("en", "offline.pinned_done") + f"{listed} "
        WebDriverWait(b.driver, 180).until(lambda d: b.find("#pin-status").text.startswith(done))
        told = b.find("#pin-status").text
        size = re.search(r"\((\d+\.\d) MB\)", told)
        check(size and float(size.group(1)) > 0.5, f"the sector's size is not told: {told}")
        print(f"      sector kept: {listed} cards, {size.group(1)} MB, in {time.monotonic() - pinned_at:.1f} s", flush=True)
        check(b.find("#pin-button").text == t("en", "offline.unpin_sector"), "the button does not offer to stop keeping the sector")
        paths = b.driver.execute_script("return Array.from(document.querySelectorAll('.product-list a.product-name'), a => a.pathname)")
        kept = kept_cards(b)
        check(all(p in kept for p in paths), f"{sum(1 for p in paths if p not in kept)} cards of the sector are not kept")

        b.go("/identify")
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find_all("#offline-pins") and b.find("#offline-budget").text.strip())
        pins = b.find("#offline-pins").text
        check(title in pins and f"({listed} " in pins, f"Identify does not name the kept sector with its cards: {pins}")
        budget = b.find("#offline-budget").text
        check(budget.startswith(t_prefix("en", "offline.budget") + f"{listed} "), f"the budget is not told: {budget}")

        link.cut(b)
        b.go(f"/identify?code={demo_gtin(10, 2)}")  # brand 10: the same sector, a card never opened
        b.expect_path(r"/catalog/products/\d+")
        check(b.find_all("#kept-banner"), "the sector's card does not say it is kept data")
        b.expect_text(t("en", "catalog.genuine_pictures"))
        link.restore(b)

        # A second sector: with the first, more cards than the phone keeps for pins.
        b.go(f"/identify?code={demo_gtin(0, 0)}")  # brand 0: apparel
        b.click(".crumbs a[href^='/catalog/brands/']")
        b.click("#sector-link")
        other = b.path()
        check(other != sector, "brand 0 is not of another sector")
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-sector").is_displayed())
        first_card = b.find(".product-list a.product-name").get_attribute("pathname")
        b.find("#pin-button").click()
        refused = t_prefix("en", "offline.pin_over_budget")
        WebDriverWait(b.driver, 60).until(lambda d: b.find("#pin-status").text.startswith(refused))
        check(b.find("#pin-button").text == t("en", "offline.pin_sector"), "a refused sector is shown kept")
        check(first_card not in kept_cards(b), "a card of the refused sector was kept")

        b.go(sector)
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-button").text == t("en", "offline.unpin_sector"))
        b.find("#pin-button").click()
        WebDriverWait(b.driver, WAIT).until(lambda d: b.find("#pin-button").text == t("en", "offline.pin_sector"))
        WebDriverWait(b.driver, WAIT).until(lambda d: len(kept_cards(b)) <= 50)
    finally:
        link.close()


@walkthrough
def officer_restarts_the_browser_without_network(b):
    """A detention queued without network, with its photo, survives the browser closed and opened
    again, still without network, and is sent once when the network returns (signing in again if the
    session did not survive the restart)."""
    b.allowed_console += [r"Failed to load resource: net::ERR_", r"Failed to fetch", r"/sw\.js"]
    profile = tempfile.mkdtemp(prefix="touchstone-phone-")
    link = Link(b.base_url)
    phone = Browser(link.url, b.name + "-phone", b.artifacts, profile=profile)
    phone.allowed_console = b.allowed_console
    try:
        photo, _ = phone_photo_jpeg(phone, STORY_GTIN)
        phone.sign_in(OFFICER_EN)
        before = case_count(phone)
        phone.go("/cases/new")
        WebDriverWait(phone.driver, WAIT).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
        phone.go("/cases/new")  # through the worker: kept
        link.cut(phone)
        phone.go("/cases/new")
        check(phone.find_all("#kept-banner"), "the detention form is not kept")
        consignor = f"Restart Trading {int(time.time())}"
        phone.fill("#office_code", "GB000060")
        phone.fill("#office_name", "Dover")
        phone.fill("#consignor_name", consignor)
        phone.fill("#goods_0_description", "Veloria belts")
        phone.fill("#goods_0_quantity", "7")
        phone.fill("#goods_0_unit", "pieces")
        phone.fill("#goods_0_brand", OWN_BRAND)
        attach_photo(phone, photo)
        phone.find("button[name=save][value=draft]").click()
        WebDriverWait(phone.driver, WAIT).until(lambda d: phone.find_all("#queued-notice"))
        phone.close()

        # The browser opens again, still without network.
        phone = Browser(link.url, b.name + "-phone-again", b.artifacts, profile=profile)
        phone.allowed_console = b.allowed_console
        emulate_offline(phone, True)
        phone.go("/cases/new")
        waiting = phone.find_all("#offline-queue li.queue-waiting")
        check(len(waiting) == 1 and consignor in waiting[0].text, f"after a restart the queue shows {[w.text for w in waiting]}")
        link.restore(phone)
        phone.go("/cases/new")
        if phone.path() == "/signin":  # the session ended with the browser: sign in, then it goes
            phone.sign_in(OFFICER_EN)
            phone.go("/cases/new")
        WebDriverWait(phone.driver, WAIT).until(lambda d: phone.find_all("#offline-queue li.queue-sent a.queue-case"))
        case = urlparse(phone.find("#offline-queue li.queue-sent a.queue-case").get_attribute("href")).path
        phone.go(case)
        phone.expect_text(consignor)
        check(phone.expect_images_loaded(".case-photos img") == 1, "the photo queued before the restart did not land with its case")
        check(case_count(phone) == before + 1, "the detention queued before the restart did not land once")
    finally:
        phone.close()
        link.close()
        shutil.rmtree(profile, ignore_errors=True)


# ---- running them ----------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--artifacts", help="where screenshots of failures go (default: a new temporary directory)")
    parser.add_argument("--only", nargs="*", help="run only these walk-throughs")
    args = parser.parse_args()
    artifacts = args.artifacts or tempfile.mkdtemp(prefix="touchstone-browser-")
    os.makedirs(artifacts, exist_ok=True)
    chosen = [w for w in WALKTHROUGHS if not args.only or w.__name__ in args.only]
    passed, failed = 0, 0
    for w in chosen:
        started = time.monotonic()
        b = None
        try:
            b = Browser(args.base_url, w.__name__, artifacts, width=getattr(w, "width", PHONE["width"]))
            w(b)
            passed += 1
            print(f"ok    {w.__name__} ({b.pages_seen} pages, {time.monotonic() - started:.1f}s)", flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported the same way
            failed += 1
            shot = b.save_failure() if b else "(the browser did not start)"
            where = f" at {b.driver.current_url}" if b else ""
            print(f"FAIL  {w.__name__}{where}: {e}", flush=True)
            if not isinstance(e, WalkthroughFailure):
                traceback.print_exc()
            print(f"      screenshot: {shot}", flush=True)
        finally:
            if b:
                b.close()
    if AXE_PAGES:
        clean = sum(1 for p in AXE_PAGES if not p[3])
        langs = sorted({p[2] for p in AXE_PAGES})
        print(f"axe-core: {clean} of {len(AXE_PAGES)} page checks without serious or critical violations ({', '.join(langs)})")
    if failed:
        print(f"screenshots and pages of the failures: {artifacts}")
    print(f"browser walk-throughs: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
