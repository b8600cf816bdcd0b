# ruff: noqa: E501  (sample documents keep their real line layout: long lines are the point)
"""Synthetic inputs for ingest tests: invented outlets, places, people and numbers."""

from __future__ import annotations

ARTICLE = (
    "Mortar fire kills 9 in Lorvath border town\n"
    "\n"
    "At least nine people were killed and 23 wounded when mortar rounds hit the central square of "
    "Lorvath on Sunday evening, the Highland Casualty Watch said on Monday.\n"
    "\n"
    "The group said four of the dead were children. Local officials blamed the Northern Brigade, "
    "which denied firing on the town.\n"
)

FRONT_MATTER_ARTICLE = (
    "---\n"
    "outlet: Highland Herald\n"
    "published: 2023-11-06\n"
    "url: https://herald.example/lorvath\n"
    "---\n" + ARTICLE
)

LONG_PARAGRAPH = (
    "Witnesses described gunmen arriving on motorbikes shortly after midnight and firing into homes "
    "on both sides of the main street, and said the shooting went on for more than an hour before the "
    "attackers withdrew towards the hills; the regional governor promised an inquiry, extra patrols "
    "along the valley road and compensation for families who lost their homes in the fires."
)

# One paragraph per line (no blank lines), posts flattened the way pages are copied.
FLAT_WITH_POSTS = (
    "Residents of Pellmoor buried 12 victims of the overnight raid on Tuesday, relatives said.\n"
    + LONG_PARAGRAPH + "\n"
    "Terrible news from Pellmoor tonight, thinking of every family there. https://t.co/AbCdEf1234\n"
    "— Jonas Reyvik (@jreyvik) April 2, 2024\n"
    + LONG_PARAGRAPH.replace("Witnesses", "Neighbours") + "\n"
    "🚨 Curfew announced in the old town.\n"
    "Streets are empty, shops shuttered.pic.twitter.com/XyZ987abc— Pellmoor Today (@pellmoor_today) April 3, 2024\n"
    "What happens next\n"
    "Short update from the valley. https://t.co/Zz9\n"
    "— Valley Desk (@valleydesk) Apr 4, 2024\n"
    "Aid groups said about 300 families had fled to the neighbouring district.\n"
)

# Blank-line paragraphs: a post spans all lines of its paragraph.
BLANK_LINE_POST = (
    "Flooding displaced hundreds in the delta, officials said.\n"
    "\n"
    "Water everywhere in the lower town.\n"
    "We need boats, not statements.\n"
    "https://t.co/Q1w2E3r4T5\n"
    "— Dana Whitlock (@danaw) July 14, 2022\n"
    "\n"
    "The ministry said relief convoys would arrive within two days.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Clashes near Sorrel Ridge leave 6 dead | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="og:title" content="Clashes near Sorrel Ridge leave 6 dead">
<meta property="article:published_time" content="2022-03-15T08:00:00+00:00">
<link rel="canonical" href="https://valleycourier.example/sorrel-ridge">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Clashes near Sorrel Ridge leave 6 dead</h1>
<p>Six people were killed on Monday in clashes between two rival militias near Sorrel Ridge, the
district health office said in a statement released late in the evening.</p>
<p>Among the dead were two farmers caught in crossfire, according to relatives who spoke to the
Valley Courier by telephone from the district hospital.</p>
<blockquote class="twitter-tweet"><p>Heavy gunfire heard again near the ridge road this morning.
<a href="https://t.co/ZZtop12345">pic.twitter.com/ZZtop12345</a></p>&mdash; Ridge Watch (@ridgewatch)
<a href="https://twitter.com/ridgewatch/status/1">March 14, 2022</a></blockquote>
<p>The district governor called for calm and said security forces had been sent to separate the
two groups before further violence could spread to the neighbouring villages.</p>
</article>
<footer>Copyright Valley Courier</footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Plains Gazette</title>
<link>https://plains.example/</link>
<item>
<title>Bus attack on Kettle Road kills 4</title>
<link>https://plains.example/kettle-road</link>
<pubDate>Tue, 05 Sep 2023 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Four passengers were killed when gunmen stopped a bus on Kettle Road on Monday.</p>
<p>Police said three more were wounded.</p>]]></content:encoded>
</item>
<item>
<title>Search continues for missing herders</title>
<link>https://plains.example/herders</link>
<pubDate>Wed, 06 Sep 2023 09:30:00 +0000</pubDate>
<description>&lt;p&gt;Seven herders remain missing after the raid near Dunmere, elders said.&lt;/p&gt;</description>
</item>
<item>
<title>Empty entry</title>
<description></description>
</item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Coastline Monitor</title>
<id>urn:coastline</id>
<updated>2021-06-02T12:00:00Z</updated>
<entry>
<title>Boat sinks off Marrow Point</title>
<id>urn:coastline:1</id>
<link href="https://coastline.example/marrow-point"/>
<updated>2021-06-02T12:00:00Z</updated>
<content type="html">&lt;p&gt;At least 11 people drowned when a boat sank off Marrow Point, the coast guard said.&lt;/p&gt;</content>
</entry>
</feed>
"""

JSONL_LINES = [
    '{"id": "rec-1", "text": "Two guards were killed at the Fenwick depot on Friday, police said.", '
    '"outlet": "Metro Line", "published": "2020-02-07", "title": "Depot attack"}',
    '{"id": "rec-2", "text": "Three miners are missing after a tunnel collapse at Brindle.", "url": "https://m.example/b"}',
    "{this is not json",
    '{"id": "rec-4", "title": "no text here"}',
    '["a", "list"]',
    '{"id": "rec-6", "text": "Eight people were detained in Oster after the protest.", "published": "last week"}',
]
