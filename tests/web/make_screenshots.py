"""Screenshots of the dashboard for docs/screenshots/, taken with Debian's Chromium.

    .venv/bin/python tests/web/make_screenshots.py --db demo.db [--out docs/screenshots]

Serves the app over the database on a free local port, opens the dashboard, the incident with the
most documents (and its side-by-side view of the outlets) and one of its documents, checks each
visit stayed offline and quiet, and saves dashboard.png, incident.png, sources.png, document.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_browsing import LiveServer, launch_chromium, open_visit, wait_for_basemap

from observatory.config import Settings
from observatory.web.app import create_app
from observatory.web.deps import StoreSource


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="database to show (e.g. the one `make demo` builds)")
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    args = parser.parse_args()
    if not Path(args.db).is_file():
        print(f"error: {args.db}: no such database file", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    source = StoreSource(args.db)
    report = source.report()
    if not report.incidents:
        print(
            f"error: {args.db}: no incidents to show (run `observatory reconcile --db {args.db}`)",
            file=sys.stderr,
        )
        return 1
    incident = max(report.incidents, key=lambda i: (len(i.docs), len(i.claims)))
    # The document page is most telling for an article with embedded social posts and claims.
    claimed = {c.doc for c in incident.claims}
    with_posts = [d.id for d in report.documents if d.social_posts and d.id in claimed]
    doc = with_posts[0] if with_posts else sorted(claimed)[0]
    app = create_app(Settings(db=args.db), source=source)
    with LiveServer(app) as server, sync_playwright() as p:
        browser = launch_chromium(p)
        for name, path, height in (
            ("dashboard", "/", 1450),
            ("incident", f"/incidents/{incident.id}", 1500),
            ("document", f"/documents/{doc}", 1200),
        ):
            visit = open_visit(browser, server.url, width=1400, height=height)
            visit.goto(path)
            if visit.page.locator("#map").count():
                wait_for_basemap(visit.page, 50)
            visit.assert_clean()
            visit.page.screenshot(path=str(out / f"{name}.png"))
            print(f"{out / (name + '.png')}: {server.url}{path}")
            if name == "incident":
                # The side-by-side view sits below the tolls: capture that section on its own.
                visit.page.locator("section.side-by-side").screenshot(path=str(out / "sources.png"))
                print(f"{out / 'sources.png'}: {server.url}{path} (what each outlet said)")
            visit.page.context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
