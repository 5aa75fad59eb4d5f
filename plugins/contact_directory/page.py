"""What the /contact/ page shows beyond the directory itself: mentions and JSON-LD."""

from site_core import script_json


def mentions_by_entry(contents):
    """{entry id: [content, ...]}: the articles and pages that mention each entry's number."""
    mentions = {}
    for content in contents:
        for entry_id in getattr(content, "contact_entry_ids", ()):
            mentions.setdefault(entry_id, []).append(content)
    return mentions


def json_ld(directory, organisation, site_url, page_url):
    """GovernmentOrganization JSON-LD with a ContactPoint per entry, safe inside <script>."""
    points = []
    for entry in directory.entries:
        point = {"@type": "ContactPoint", "@id": f"{page_url}#{entry.id}", "name": entry.name,
                 "contactType": entry.group}
        if entry.number:
            point["telephone"] = entry.number.key
        if entry.email:
            point["email"] = entry.email
        if entry.website:
            point["url"] = entry.website
        if entry.description:
            point["description"] = entry.description
        points.append(point)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": organisation,
        "url": f"{site_url}/",
        "contactPoint": points,
    }
    return script_json(data, indent=1)
